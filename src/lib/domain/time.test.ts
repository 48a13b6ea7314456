import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLocalInput } from './local-time';
import { dateError, daysInMonth, instantError, parseInstant, zoneOffsetMs } from './time';

describe('parseInstant: impossible dates and times are refused, never rolled over', () => {
	it.each([
		['2025-02-30T10:00:00Z', /February 2025 has 28 days/],
		['2025-02-29T10:00Z', /February 2025 has 28 days/],
		['2100-02-29T10:00Z', /February 2100 has 28 days/],
		['2025-06-31T10:00Z', /June 2025 has 30 days/],
		['2025-04-31T23:59:59+07:00', /April 2025 has 30 days/],
		['2025-13-01T00:00Z', /no month 13/],
		['2025-00-10T00:00Z', /no month 0/],
		['2025-06-00T00:00Z', /June 2025 has 30 days/],
		['2025-06-01T24:61Z', /24:61 is not a time of day/],
		['2025-06-01T24:00Z', /24:00 is not a time of day/],
		['2025-06-01T10:60Z', /10:60 is not a time of day/],
		['2025-06-01T10:00:60Z', /10:00:60 is not a time of day/],
		['2025-06-01T10:00+24:00', /\+24:00 is not a UTC offset/],
		['2025-06-01T10:00+05:60', /\+05:60 is not a UTC offset/],
		['2025-06-01T10:00', /with an offset/],
		['yesterday', /must be an ISO 8601 instant/]
	])('%s → %s', (text, message) => {
		expect(parseInstant(text)).toBeNull();
		expect(instantError(text)).toMatch(message);
	});

	it.each([
		['2024-02-29T10:00:00+07:00', Date.UTC(2024, 1, 29, 3)],
		['2000-02-29T00:00Z', Date.UTC(2000, 1, 29)],
		['2025-06-30T23:59:59.999Z', Date.UTC(2025, 5, 30, 23, 59, 59, 999)],
		['2025-12-31T23:59-05:00', Date.UTC(2026, 0, 1, 4, 59)],
		['2023-09-12T12:00:00+07:00', Date.UTC(2023, 8, 12, 5)]
	])('%s is a real instant', (text, ms) => {
		expect(instantError(text)).toBeNull();
		expect(parseInstant(text)).toBe(ms);
	});
});

describe('dateError', () => {
	it.each([
		['2025-02-28', null],
		['2024-02-29', null],
		['2025-02-30', /February 2025 has 28 days/],
		['2025-06-31', /June 2025 has 30 days/],
		['2025-6-1', /must be a date YYYY-MM-DD/]
	])('%s → %s', (text, expected) => {
		if (expected === null) expect(dateError(text)).toBeNull();
		else expect(dateError(text)).toMatch(expected);
	});

	it('knows the Gregorian leap years', () => {
		expect([1900, 2000, 2024, 2025, 2100].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 29, 28, 28]);
		expect([1, 4, 6, 9, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 30, 30, 30, 30, 31]);
	});
});

describe('the supported range of instants (2000–2100)', () => {
	it('refuses far instants with one clear message', () => {
		expect(instantError('9999-12-31T10:00:00Z')).toMatch(
			/outside the supported range, 2000-01-01 to 2100-12-31/
		);
		expect(instantError('1999-12-31T23:59:59Z')).toMatch(/outside the supported range/);
		expect(parseInstant('2100-12-31T23:59:59Z')).not.toBeNull();
	});
	it('a year typed 0050 in the editor does not become 1950', () => {
		expect(parseLocalInput('0050-01-01T10:00', 'UTC')).toBeNull();
		expect(parseLocalInput('2050-01-01T10:00', 'UTC')).toBe(Date.UTC(2050, 0, 1, 10));
	});
});

describe('the fast path for the form the app writes (YYYY-MM-DDTHH:MM:SS[.sss]Z)', () => {
	const pad = (n: number, w: number) => String(n).padStart(w, '0');
	it('reads every such text as the general path does, errors included', () => {
		fc.assert(
			fc.property(
				fc.record({
					y: fc.integer({ min: 1990, max: 2110 }),
					mo: fc.integer({ min: 0, max: 13 }),
					d: fc.integer({ min: 0, max: 32 }),
					h: fc.integer({ min: 0, max: 25 }),
					mi: fc.integer({ min: 0, max: 61 }),
					s: fc.integer({ min: 0, max: 61 }),
					ms: fc.option(fc.integer({ min: 0, max: 999 }))
				}),
				({ y, mo, d, h, mi, s, ms }) => {
					const z = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${ms === null ? '' : `.${pad(ms, 3)}`}Z`;
					// The same instant with an explicit +00:00 offset always takes the general path.
					const general = z.replace(/Z$/, '+00:00');
					expect(parseInstant(z)).toBe(parseInstant(general));
					expect(instantError(z)).toBe(instantError(general));
				}
			),
			{ numRuns: 5_000 }
		);
	});
	it('reads what toISOString writes back to the same instant', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 11, 31, 23, 59, 59, 999) }),
				(t) => {
					expect(parseInstant(new Date(t).toISOString())).toBe(t);
				}
			)
		);
	});
	it('leaves other texts of the same length to the general path', () => {
		expect(parseInstant('2025-06-01T10:00:00.5Z')).toBe(Date.UTC(2025, 5, 1, 10, 0, 0, 500));
		expect(parseInstant('2025-06-01 10:00:00Z')).toBeNull();
		expect(parseInstant('2025-06-01T10:00:0xZ')).toBeNull();
		expect(parseInstant('2025-06-01T10:00:00.1x3Z')).toBeNull();
		expect(instantError('2025-06-01T10:00:00z')).toMatch(/must be an ISO 8601 instant/);
	});
});

describe('zone offsets (cached per day, and per quarter hour on a day the offset changes)', () => {
	/** The offset straight from Intl, at the start of t's quarter hour: what the caches must give. */
	function intlOffset(t: number, timeZone: string): number {
		const start = Math.floor(t / 900_000) * 900_000;
		const parts = formatter(timeZone).formatToParts(start);
		const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
		return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - start;
	}
	const formatters = new Map<string, Intl.DateTimeFormat>();
	function formatter(timeZone: string): Intl.DateTimeFormat {
		const f =
			formatters.get(timeZone) ??
			new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric'
			});
		formatters.set(timeZone, f);
		return f;
	}
	it.each(['Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kathmandu'])(
		'%s: every quarter hour of 2024, transitions included, in a shuffled order',
		(zone) => {
			const quarters = Array.from({ length: 366 * 96 }, (_, k) => Date.UTC(2024, 0, 1) + k * 900_000 + 1);
			// A fixed shuffle: the caches must not depend on the order instants are asked in.
			let seed = 7;
			for (let i = quarters.length - 1; i > 0; i--) {
				seed = (seed * 48_271) % 2_147_483_647;
				const j = seed % (i + 1);
				[quarters[i], quarters[j]] = [quarters[j] as number, quarters[i] as number];
			}
			const wrong = quarters.filter((t) => zoneOffsetMs(t as never, zone) !== intlOffset(t, zone));
			expect(wrong).toEqual([]);
		}
	);
});
