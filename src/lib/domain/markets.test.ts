import { describe, it, expect } from 'vitest';
import { ASSIGNED_CALLING_CODES, COUNTRIES } from './data/countries';
import { NON_US_NANP_AREA_CODES } from './data/nanp';
import {
	MARKET_ROWS,
	callingCodeOf,
	countryOptions,
	iso2Error,
	resolveMarket,
	validateRecipient
} from './markets';

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
	// Kazakhstan shares +7 with Russia: its numbers are +7 6xx and +7 7xx (markets.csv prefixes 76, 77).
	{ iso2: 'KZ', number: '+7 701 234 5678', on: '2026-10-01', before: 'Other', after: 'Kazakhstan' },
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

	it('a Kazakh +7 number (6xx, 7xx) is Other until 2026-09-30 and Kazakhstan from 2026-10-01; other +7 is Russia', () => {
		for (const number of ['+7 701 234 5678', '+7 600 123 4567', '+77012345678']) {
			expect(resolveMarket(number, '2026-09-30')).toEqual({
				market: 'Other',
				iso2: 'KZ',
				isUnitedStates: false,
				matchedPrefix: number.replace(/\D/g, '').slice(0, 2)
			});
			expect(resolveMarket(number, '2026-10-01')).toMatchObject({ market: 'Kazakhstan', iso2: 'KZ' });
		}
		for (const date of ['2026-09-30', '2026-10-01']) {
			expect(resolveMarket('+7 495 123 4567', date)).toEqual({
				market: 'Russia',
				iso2: 'RU',
				isUnitedStates: false,
				matchedPrefix: '7'
			});
			expect(resolveMarket('+7 912 345 6789', date)).toMatchObject({ market: 'Russia', iso2: 'RU' });
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
		// US area codes: North America, and Meta's US marketing pause applies.
		['+1 212 555 0100', 'North America', 'US', '1', true],
		['+1 808 555 0100', 'North America', 'US', '1', true],
		['+1 202 555 0100', 'North America', 'US', '1', true],
		// Canadian area codes: North America, no pause.
		['+1 416 555 0100', 'North America', 'CA', '1', false],
		['+1 604 555 0100', 'North America', 'CA', '1', false],
		// Every other NANP member is not in Meta's list: Other, and not a US number.
		['+1 242 555 0100', 'Other', 'BS', '1242', false],
		['+1 246 555 0100', 'Other', 'BB', '1246', false],
		['+1 868 555 0100', 'Other', 'TT', '1868', false],
		['+1 441 555 0100', 'Other', 'BM', '1441', false],
		['+1 345 555 0100', 'Other', 'KY', '1345', false],
		// US territories: separate countries for pricing, outside the US pause (data/nanp.ts).
		['+1 340 555 0100', 'Other', 'VI', '1340', false],
		['+1 (671) 555-0100', 'Other', 'GU', '1671', false],
		['+1 670 555 0100', 'Other', 'MP', '1670', false],
		['+1 684 555 0100', 'Other', 'AS', '1684', false],
		// Countries Meta does not list: Other, with the country of the calling code.
		['+372 5123 4567', 'Other', 'EE', '372', false],
		['+354 611 1234', 'Other', 'IS', '354', false],
		['+82 10 1234 5678', 'Other', 'KR', '82', false],
		['+357 96 123456', 'Other', 'CY', '357', false],
		['+356 7912 3456', 'Other', 'MT', '356', false],
		['+352 621 123 456', 'Other', 'LU', '352', false],
		// Global services have a calling code but no country.
		['+800 1234 5678', 'Other', null, '800', false],
		['+882 1234 5678', 'Other', null, '882', false],
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

	it('every NANP member other than the US and Canada is Other unless markets.csv lists its area code', () => {
		const listed = new Set(MARKET_ROWS.filter((r) => r.prefix.length === 4).map((r) => r.prefix.slice(1)));
		for (const [area, iso2] of NON_US_NANP_AREA_CODES) {
			const r = resolveMarket(`+1 ${area} 555 0100`, date);
			expect(r.iso2).toBe(iso2);
			expect(r.isUnitedStates).toBe(false);
			expect(r.market).toBe(listed.has(area) ? 'Rest of Latin America' : 'Other');
		}
	});

	it.each(['+999 123 4567', '+210 123 4567', '+281 234 5678'])(
		'a number whose calling code is not assigned (%s) is refused by validation and, if replayed anyway, Other',
		(number) => {
			expect(validateRecipient(number)).toMatch(/calling code \d{3} is not assigned/);
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
		['BS', 'Other', false],
		['GU', 'Other', false],
		['VI', 'Other', false],
		['EE', 'Other', false],
		['KR', 'Other', false],
		// Countries Meta does not list that share a listed calling code go where their numbers go.
		['JE', 'United Kingdom', false],
		['VA', 'Italy', false],
		['AX', 'Rest of Western Europe', false]
	])('%s → %s', (code, market, isUnitedStates) => {
		expect(resolveMarket(code, date)).toEqual({
			market,
			iso2: code.trim().toUpperCase(),
			isUnitedStates,
			matchedPrefix: null
		});
	});

	it('an unassigned code (refused by validation) replays as Other with no country', () => {
		expect(resolveMarket('XX', date)).toEqual({
			market: 'Other',
			iso2: null,
			isUnitedStates: false,
			matchedPrefix: null
		});
	});
});

describe('countries and calling codes (ISO 3166-1, ITU-T E.164)', () => {
	it('lists the 249 assigned ISO codes once each', () => {
		expect(COUNTRIES).toHaveLength(249);
		expect(new Set(COUNTRIES.map((c) => c.iso2)).size).toBe(249);
		for (const c of COUNTRIES) expect(c.iso2).toMatch(/^[A-Z]{2}$/);
	});

	it('every country of markets.csv is an assigned ISO code with a calling code that starts its prefixes', () => {
		for (const r of MARKET_ROWS) {
			const c = COUNTRIES.find((x) => x.iso2 === r.iso2);
			expect(c, r.iso2).toBeDefined();
			if (r.prefix !== '') expect(c?.callingCodes.some((code) => r.prefix.startsWith(code))).toBe(true);
		}
	});

	it('calling codes are prefix-free, 1 to 3 digits, and the spare ones are not assigned', () => {
		const codes = [...ASSIGNED_CALLING_CODES];
		expect(codes.filter((c) => !/^[1-9]\d{0,2}$/.test(c))).toEqual([]);
		expect(
			codes.flatMap((a) => codes.filter((b) => a !== b && b.startsWith(a)).map((b) => `${a}/${b}`))
		).toEqual([]);
		for (const shared of [
			'1',
			'7',
			'44',
			'262',
			'590',
			'599',
			'800',
			'808',
			'870',
			'878',
			'881',
			'882',
			'883',
			'888',
			'979'
		])
			expect(ASSIGNED_CALLING_CODES.has(shared), shared).toBe(true);
		for (const spare of [
			'999',
			'280',
			'289',
			'801',
			'807',
			'210',
			'259',
			'671',
			'684',
			'969',
			'978',
			'990',
			'997'
		])
			expect(ASSIGNED_CALLING_CODES.has(spare), spare).toBe(false);
	});

	it.each([
		['14165550100', '1'],
		['74951234567', '7'],
		['6281234567', '62'],
		['3725123456', '372'],
		['8001234567', '800'],
		['9991234567', null],
		['2101234567', null]
	])('callingCodeOf(%s) = %s', (digits, code) => {
		expect(callingCodeOf(digits)).toBe(code);
	});
});

describe('validateRecipient', () => {
	it.each([
		'ID',
		'us',
		'GB',
		'EE',
		'KR',
		'+6281234567',
		'+62 812-3456-7890',
		'+1 (212) 555-0100',
		'+1 242 555 0100',
		'+683 1234',
		'+7 701 234 5678',
		'+800 1234 5678'
	])('%s is ok', (t) => expect(validateRecipient(t)).toBeNull());

	it.each([
		['XX', /^XX is not an assigned ISO 3166-1 country code/],
		['UK', /did you mean GB\?/],
		['uk', /did you mean GB\?/],
		['EL', /did you mean GR\?/],
		['+999 123 4567', /calling code 999 is not assigned/],
		['+9991234567890', /calling code 999 is not assigned/],
		['+210 123 4567', /calling code 210 is not assigned/],
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
	it('lists every assigned ISO country once, sorted by name, with its market on the date', () => {
		const before = countryOptions('2026-09-30');
		const after = countryOptions('2026-10-01');
		expect(before.map((o) => o.iso2).sort()).toEqual(COUNTRIES.map((c) => c.iso2).sort());
		expect(before.map((o) => o.name)).toEqual(
			[...before.map((o) => o.name)].sort((a, b) => a.localeCompare(b, 'en'))
		);
		expect(after.map((o) => o.iso2)).toEqual(before.map((o) => o.iso2));
		expect(before.find((o) => o.iso2 === 'KZ')).toEqual({ iso2: 'KZ', name: 'Kazakhstan', market: 'Other' });
		expect(after.find((o) => o.iso2 === 'KZ')).toEqual({
			iso2: 'KZ',
			name: 'Kazakhstan',
			market: 'Kazakhstan'
		});
		expect(after.find((o) => o.iso2 === 'US')).toEqual({
			iso2: 'US',
			name: 'United States',
			market: 'North America'
		});
		expect(after.find((o) => o.iso2 === 'BS')).toMatchObject({ name: 'Bahamas', market: 'Other' });
	});

	it.each([
		['EE', 'Estonia'],
		['IS', 'Iceland'],
		['KR', 'South Korea'],
		['CY', 'Cyprus'],
		['MT', 'Malta'],
		['LU', 'Luxembourg']
	])('lists %s (%s), missing before, as Other', (iso2, name) => {
		expect(countryOptions('2026-01-15').find((o) => o.iso2 === iso2)).toEqual({
			iso2,
			name,
			market: 'Other'
		});
	});

	it('an option resolves to the market it shows', () => {
		for (const date of ['2025-09-30', '2026-07-01', '2026-10-01'])
			for (const o of countryOptions(date)) expect(resolveMarket(o.iso2, date).market).toBe(o.market);
	});
});

describe('iso2Error', () => {
	it.each([
		['GB', null],
		['gb', null],
		['UK', 'UK is not an ISO 3166-1 country code: did you mean GB?'],
		['XX', 'XX is not an assigned ISO 3166-1 country code.'],
		['XK', /Kosovo/]
	])('%s → %s', (code, expected) => {
		const got = iso2Error(code);
		if (expected instanceof RegExp) expect(got).toMatch(expected);
		else expect(got).toBe(expected);
	});
});
