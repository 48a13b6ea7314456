import { describe, expect, it } from 'vitest';
import type { EpochMs } from '$lib/domain/units';
import { Forecaster, type RecipientInput } from './forecaster';
import { PlanCursor, permute, planError, planSize, traitsOf, type BroadcastPlan } from './plan';

const AT = Date.UTC(2026, 11, 3, 2) as EpochMs;
const H = 3_600_000;

const analystPlan = (over: Partial<BroadcastPlan> = {}): BroadcastPlan => ({
	markets: [
		{ iso2: 'IN', recipients: 100_000 },
		{ iso2: 'BR', recipients: 75_000 },
		{ iso2: 'ID', recipients: 75_000 }
	],
	wroteIn24h: { value: 0.2, spread: 0.05 },
	freeEntryPoint: { value: 0.05, spread: 0.02 },
	delivered: { value: 0.95, spread: 0.03 },
	trials: 200,
	seed: 7,
	...over
});

function expand(plan: BroadcastPlan, schedule = { kind: 'at' as const, at: AT }) {
	const cursor = new PlanCursor(plan, schedule);
	const rows: RecipientInput[] = [];
	const r: RecipientInput = { phone: '', sendAt: 0 as EpochMs };
	while (cursor.next(r)) rows.push({ ...r });
	return rows;
}

describe('planError', () => {
	it('accepts the analyst’s plan', () => {
		expect(planError(analystPlan())).toBeNull();
		expect(planSize(analystPlan())).toBe(250_000);
	});
	it.each<[Partial<BroadcastPlan>, RegExp]>([
		[{ markets: [] }, /at least one country/],
		[{ markets: [{ iso2: 'IN', recipients: 0 }] }, /no recipients/],
		[{ markets: [{ iso2: 'IN', recipients: 1.5 }] }, /India: the number of recipients is a whole number/],
		[
			{
				markets: [
					{ iso2: 'IN', recipients: 1 },
					{ iso2: 'IN', recipients: 2 }
				]
			},
			/India is listed twice/
		],
		[{ markets: [{ iso2: 'XX', recipients: 1 }] }, /XX: not a country/],
		[{ markets: [{ iso2: 'BV', recipients: 1 }] }, /BV: not a country with phone numbers/],
		[{ markets: [{ iso2: 'IN', recipients: 10_000_001 }] }, /At most 10,000,000/],
		[{ wroteIn24h: { value: 1.2, spread: 0 } }, /Wrote in the last 24 hours: a share from 0 to 100/],
		[{ delivered: { value: 0.9, spread: 0.6 } }, /Delivery rate: the uncertainty/],
		[{ trials: 0 }, /Trials/],
		[{ seed: -1 }, /Seed/]
	])('refuses %o', (over, message) => {
		expect(planError(analystPlan(over))).toMatch(message);
	});
});

describe('PlanCursor', () => {
	it('gives exactly each country’s recipients, and exactly ⌊n × share⌋ of each trait', () => {
		const rows = expand(analystPlan());
		expect(rows).toHaveLength(250_000);
		const by = (prefix: string) => rows.filter((r) => r.phone.startsWith(prefix));
		const india = by('+91');
		expect(india).toHaveLength(100_000);
		expect(by('+55')).toHaveLength(75_000);
		expect(by('+62')).toHaveLength(75_000);
		expect(india.filter((r) => r.lastCustomerMessageAt != null)).toHaveLength(20_000);
		expect(india.filter((r) => r.freeEntryPointOpenedAt != null)).toHaveLength(5_000);
		expect(india.filter((r) => r.delivered === false)).toHaveLength(5_000);
		expect(rows.filter((r) => r.lastCustomerMessageAt != null)).toHaveLength(50_000);
		// Times: the customer's message 6 h before, the ad message 36 h before.
		const wrote = india.find((r) => r.lastCustomerMessageAt != null)!;
		expect(wrote.sendAt - wrote.lastCustomerMessageAt!).toBe(6 * H);
		const ad = india.find((r) => r.freeEntryPointOpenedAt != null)!;
		expect(ad.sendAt - ad.freeEntryPointOpenedAt!).toBe(36 * H);
	});

	it.each([1, 2, 3, 5, 64, 1000, 99_991])('shuffles 0…%i−1 onto itself', (n) => {
		const seen = new Set<number>();
		for (let j = 0; j < n; j++) seen.add(permute(j, n, 0x3c6ef372));
		expect(seen.size).toBe(n);
		expect(Math.max(...seen)).toBe(n - 1);
	});

	it('spreads the traits independently of each other', () => {
		const shares = { wrote: 200_000, entry: 200_000, delivered: 900_000 };
		let wrote = 0;
		let both = 0;
		let undeliveredWrote = 0;
		const n = 50_000;
		for (let j = 0; j < n; j++) {
			const t = traitsOf(j, n, shares);
			if (t.wrote) wrote++;
			if (t.wrote && t.entry) both++;
			if (t.wrote && !t.delivered) undeliveredWrote++;
		}
		expect(wrote).toBe(10_000);
		// Independent: about 20 % of those who wrote also came from an ad, 10 % were not delivered.
		expect(both / wrote).toBeGreaterThan(0.15);
		expect(both / wrote).toBeLessThan(0.25);
		expect(undeliveredWrote / wrote).toBeGreaterThan(0.07);
		expect(undeliveredWrote / wrote).toBeLessThan(0.13);
	});

	it('interleaves the countries in proportion and spreads the sends over a window', () => {
		const from = AT;
		const to = (AT + 2 * H) as EpochMs;
		const rows = expand(analystPlan(), { kind: 'window', from, to } as never);
		expect(rows[0]!.sendAt).toBe(from);
		expect(rows.at(-1)!.sendAt).toBe(to);
		expect(rows.every((r, i) => i === 0 || r.sendAt >= rows[i - 1]!.sendAt)).toBe(true);
		// Each tenth of the list holds each country in proportion (±1).
		const tenth = rows.slice(0, 25_000);
		expect(Math.abs(tenth.filter((r) => r.phone.startsWith('+91')).length - 10_000)).toBeLessThanOrEqual(1);
		expect(rows.every((r, i) => r.line === i + 1)).toBe(true);
	});

	it('is deterministic', () => {
		const small = analystPlan({
			markets: [
				{ iso2: 'US', recipients: 37 },
				{ iso2: 'CA', recipients: 11 }
			]
		});
		expect(expand(small)).toEqual(expand(small));
	});

	it('prices as the countries’ markets (US marketing fails: paused)', () => {
		const plan = analystPlan({
			markets: [
				{ iso2: 'IN', recipients: 10 },
				{ iso2: 'US', recipients: 4 },
				{ iso2: 'KZ', recipients: 3 }
			],
			wroteIn24h: { value: 0, spread: 0 },
			freeEntryPoint: { value: 0, spread: 0 },
			delivered: { value: 1, spread: 0 }
		});
		const f = new Forecaster({ category: 'marketing', timezone: 'UTC' });
		for (const r of expand(plan)) f.add(r);
		const res = f.finish();
		expect(Object.fromEntries(res.markets.map((m) => [m.market, m.recipients]))).toEqual({
			India: 10,
			'North America': 4,
			Kazakhstan: 3
		});
		expect(res.byOutcome.failed_us_pause).toBe(4);
	});
});
