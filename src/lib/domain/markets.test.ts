import { describe, it, expect } from 'vitest';
import { MARKET_ROWS, countryOptions, resolveMarket, validateRecipient } from './markets';

/** markets.csv: each dated move, checked on the last day before and the first day after. */
const moves: { iso2: string; number: string | null; on: string; before: string; after: string }[] = [
	{ iso2: 'ZW', number: '+263 77 123 4567', on: '2025-10-01', before: 'Other', after: 'Rest of Africa' },
	{
		iso2: 'HK',
		number: '+852 5123 4567',
		on: '2026-07-01',
		before: 'Rest of Asia Pacific',
		after: 'Hong Kong'
	},
	{
		iso2: 'SG',
		number: '+65 8123 4567',
		on: '2026-07-01',
		before: 'Rest of Asia Pacific',
		after: 'Singapore'
	},
	{
		iso2: 'HU',
		number: '+36 20 123 4567',
		on: '2026-07-01',
		before: 'Rest of Central & Eastern Europe',
		after: 'Hungary'
	},
	{
		iso2: 'PL',
		number: '+48 512 345 678',
		on: '2026-07-01',
		before: 'Rest of Central & Eastern Europe',
		after: 'Poland'
	},
	{
		iso2: 'RO',
		number: '+40 712 345 678',
		on: '2026-07-01',
		before: 'Rest of Central & Eastern Europe',
		after: 'Romania'
	},
	{ iso2: 'QA', number: '+974 3312 3456', on: '2026-07-01', before: 'Rest of Middle East', after: 'Qatar' },
	{
		iso2: 'BD',
		number: '+880 1712 345678',
		on: '2026-10-01',
		before: 'Rest of Asia Pacific',
		after: 'Bangladesh'
	},
	{ iso2: 'IQ', number: '+964 790 123 4567', on: '2026-10-01', before: 'Rest of Middle East', after: 'Iraq' },
	// Kazakhstan shares +7 with Russia and has no prefix of its own: reachable by ISO code only.
	{ iso2: 'KZ', number: null, on: '2026-10-01', before: 'Other', after: 'Kazakhstan' },
	{ iso2: 'KW', number: '+965 5012 3456', on: '2026-10-01', before: 'Rest of Middle East', after: 'Kuwait' },
	{ iso2: 'MA', number: '+212 612 345678', on: '2026-10-01', before: 'Rest of Africa', after: 'Morocco' },
	{
		iso2: 'NP',
		number: '+977 984 1234567',
		on: '2026-10-01',
		before: 'Rest of Asia Pacific',
		after: 'Nepal'
	},
	{ iso2: 'OM', number: '+968 9212 3456', on: '2026-10-01', before: 'Rest of Middle East', after: 'Oman' },
	{
		iso2: 'LK',
		number: '+94 71 234 5678',
		on: '2026-10-01',
		before: 'Rest of Asia Pacific',
		after: 'Sri Lanka'
	},
	{
		iso2: 'UA',
		number: '+380 50 123 4567',
		on: '2026-10-01',
		before: 'Rest of Central & Eastern Europe',
		after: 'Ukraine'
	}
];

const dayBefore = (date: string): string => {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - 1);
	return d.toISOString().slice(0, 10);
};

describe('dated market moves (markets.csv)', () => {
	describe.each(moves)('$iso2 moves on $on', ({ iso2, number, on, before, after }) => {
		it.each([
			[dayBefore(on), before],
			[on, after]
		])('ISO code on %s → %s', (date, market) => {
			expect(resolveMarket(iso2, date)).toEqual({ market, iso2, isUnitedStates: false, matchedPrefix: null });
		});

		it.skipIf(number === null).each([
			[dayBefore(on), before],
			[on, after]
		])('number on %s → %s', (date, market) => {
			expect(resolveMarket(number as string, date)).toMatchObject({ market, iso2, isUnitedStates: false });
		});
	});

	it('covers every dated row of markets.csv', () => {
		const dated = new Set(MARKET_ROWS.filter((r) => r.from !== null || r.until !== null).map((r) => r.iso2));
		expect([...dated].sort()).toEqual(moves.map((m) => m.iso2).sort());
	});

	it('Zimbabwe boundary: 2025-09-30 Other, 2025-10-01 Rest of Africa', () => {
		expect(resolveMarket('+263771234567', '2025-09-30')).toEqual({
			market: 'Other',
			iso2: 'ZW',
			isUnitedStates: false,
			matchedPrefix: '263'
		});
		expect(resolveMarket('+263771234567', '2025-10-01').market).toBe('Rest of Africa');
	});

	it('a Kazakh +7 number resolves to Russia before and after KZ becomes standalone', () => {
		for (const date of ['2026-09-30', '2026-10-01']) {
			expect(resolveMarket('+7 701 234 5678', date)).toMatchObject({ market: 'Russia', iso2: 'RU' });
		}
	});
});

describe('resolveMarket: numbers', () => {
	const date = '2026-01-15';
	it.each([
		// Longest prefix: the 4-digit NANP codes win over "1".
		['+1 809 555 0100', 'Rest of Latin America', 'DO', '1809', false],
		['+1-829-555-0100', 'Rest of Latin America', 'DO', '1829', false],
		['+18495550100', 'Rest of Latin America', 'DO', '1849', false],
		['+1 876 555 0100', 'Rest of Latin America', 'JM', '1876', false],
		['+1 658 555 0100', 'Rest of Latin America', 'JM', '1658', false],
		['+1 787 555 0100', 'Rest of Latin America', 'PR', '1787', false],
		['+1 939 555 0100', 'Rest of Latin America', 'PR', '1939', false],
		['+1 212 555 0100', 'North America', 'US', '1', true],
		['+1 (671) 555-0100', 'North America', 'US', '1', true],
		['+1 416 555 0100', 'North America', 'CA', '1', false],
		['+1 604 555 0100', 'North America', 'CA', '1', false],
		// Other NANP members: North America as the CSV maps "1", but not US numbers.
		['+1 242 555 0100', 'North America', 'BS', '1', false],
		['+1 441 555 0100', 'North America', 'BM', '1', false],
		['+62 812-3456-7890', 'Indonesia', 'ID', '62', false],
		['+91 98765 43210', 'India', 'IN', '91', false],
		['+44 7700 900123', 'United Kingdom', 'GB', '44', false],
		['+972 50 123 4567', 'Israel', 'IL', '972', false],
		['+55 11 91234 5678', 'Brazil', 'BR', '55', false],
		['+86 138 0013 8000', 'Rest of Asia Pacific', 'CN', '86', false],
		['+7 912 345 6789', 'Russia', 'RU', '7', false],
		['+58 412 123 4567', 'Rest of Latin America', 'VE', '58', false]
	])('%s → %s (%s, prefix %s, US %s)', (number, market, iso2, matchedPrefix, isUnitedStates) => {
		expect(resolveMarket(number, date)).toEqual({ market, iso2, isUnitedStates, matchedPrefix });
	});

	it.each(['+999 123 4567', '+888 1234 5678', '+800 1234 5678', '+210 123 4567'])(
		'unknown number %s → Other',
		(number) => {
			expect(resolveMarket(number, date)).toEqual({
				market: 'Other',
				iso2: null,
				isUnitedStates: false,
				matchedPrefix: null
			});
		}
	);

	it('throws on a malformed recipient', () => {
		expect(() => resolveMarket('6281234567', date)).toThrow(/Start the number with \+/);
		expect(() => resolveMarket('+62abc', date)).toThrow();
	});
});

describe('resolveMarket: ISO codes', () => {
	const date = '2026-01-15';
	it.each([
		['ID', 'Indonesia', false],
		['id', 'Indonesia', false],
		[' US ', 'North America', true],
		['CA', 'North America', false],
		['DO', 'Rest of Latin America', false],
		['PR', 'Rest of Latin America', false],
		['XX', 'Other', false],
		['BS', 'Other', false]
	])('%s → %s', (code, market, isUnitedStates) => {
		expect(resolveMarket(code, date)).toEqual({
			market,
			iso2: code.trim().toUpperCase(),
			isUnitedStates,
			matchedPrefix: null
		});
	});
});

describe('validateRecipient', () => {
	it.each(['ID', 'us', '+6281234567', '+62 812-3456-7890', '+1 (212) 555-0100', '+683 1234'])(
		'%s is ok',
		(t) => expect(validateRecipient(t)).toBeNull()
	);

	it.each([
		['', /Enter a country code/],
		['   ', /Enter a country code/],
		['6281234567', /Start the number with \+/],
		['IDN', /not a two-letter country code/],
		['+62 812 abc', /only spaces and dashes/],
		['+0812345678', /never starts with 0/],
		['+62 81', /Too short/],
		['+62 8123 4567 8901 2345', /Too long/],
		['hello world', /only spaces and dashes/]
	])('%j → %s', (text, message) => {
		const got = validateRecipient(text);
		expect(got).toMatch(message);
		expect(got).not.toContain('\n');
	});
});

describe('countryOptions', () => {
	it('lists each country once, sorted by ISO code, with its market on the date', () => {
		const before = countryOptions('2026-09-30');
		const after = countryOptions('2026-10-01');
		expect(before.map((o) => o.iso2)).toEqual([...new Set(MARKET_ROWS.map((r) => r.iso2))].sort());
		expect(after.map((o) => o.iso2)).toEqual(before.map((o) => o.iso2));
		expect(before.find((o) => o.iso2 === 'KZ')).toEqual({ iso2: 'KZ', market: 'Other' });
		expect(after.find((o) => o.iso2 === 'KZ')).toEqual({ iso2: 'KZ', market: 'Kazakhstan' });
		expect(after.find((o) => o.iso2 === 'US')).toEqual({ iso2: 'US', market: 'North America' });
	});
});
