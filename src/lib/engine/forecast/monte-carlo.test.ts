import { describe, expect, it } from 'vitest';
import type { EpochMs } from '$lib/domain/units';
import { BroadcastRun, type BroadcastSettings } from './broadcast-run';
import type { RecipientInput } from './forecaster';
import { binomial, drawShare, mulberry32, percentiles, planRanges } from './monte-carlo';
import { PlanCursor, type BroadcastPlan } from './plan';
import type { SendSchedule } from './send-schedule';

const AT = Date.UTC(2026, 11, 3, 2) as EpochMs;
const at: SendSchedule = { kind: 'at', at: AT };

const plan = (over: Partial<BroadcastPlan> = {}): BroadcastPlan => ({
	markets: [
		{ iso2: 'IN', recipients: 100_000 },
		{ iso2: 'BR', recipients: 75_000 },
		{ iso2: 'ID', recipients: 75_000 }
	],
	wroteIn24h: { value: 0.2, spread: 0.05 },
	freeEntryPoint: { value: 0.05, spread: 0.02 },
	delivered: { value: 0.95, spread: 0.03 },
	trials: 300,
	seed: 42,
	...over
});

const settings = (over: Partial<BroadcastSettings['options']> = {}, compare = true): BroadcastSettings => ({
	options: { category: 'marketing', timezone: 'Asia/Jakarta', ...over },
	compare
});

/** The plan priced recipient by recipient at its point values. */
function expected(p: BroadcastPlan, s: BroadcastSettings, schedule: SendSchedule = at) {
	const run = new BroadcastRun(s);
	const cursor = new PlanCursor(p, schedule);
	const r: RecipientInput = { phone: '', sendAt: 0 as EpochMs };
	while (cursor.next(r)) run.add(r, cursor.position);
	return run.finish();
}

describe('the random parts', () => {
	it('mulberry32 repeats for a seed and differs between seeds', () => {
		const a = mulberry32(1);
		const b = mulberry32(1);
		const c = mulberry32(2);
		const xs = [a(), a(), a()];
		expect([b(), b(), b()]).toEqual(xs);
		expect(c()).not.toBe(xs[0]);
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
	});

	it('shares stay within value ± spread and 0–1', () => {
		const rand = mulberry32(3);
		for (let i = 0; i < 2000; i++) {
			const s = drawShare(rand, { value: 0.02, spread: 0.05 });
			expect(s).toBeGreaterThanOrEqual(0);
			expect(s).toBeLessThanOrEqual(0.07);
		}
		expect(drawShare(rand, { value: 0.3, spread: 0 })).toBe(0.3);
	});

	it.each([
		[10, 0.3],
		[1000, 0.5],
		[100_000, 0.0001],
		[100_000, 0.9999],
		[250_000, 0.2]
	])('binomial(%i, %f) has the right mean and stays within 0–n', (n, p) => {
		const rand = mulberry32(9);
		let sum = 0;
		const runs = 2000;
		for (let i = 0; i < runs; i++) {
			const k = binomial(rand, n, p);
			expect(k).toBeGreaterThanOrEqual(0);
			expect(k).toBeLessThanOrEqual(n);
			expect(Number.isInteger(k)).toBe(true);
			sum += k;
		}
		const sd = Math.sqrt((n * p * (1 - p)) / runs);
		expect(Math.abs(sum / runs - n * p)).toBeLessThan(5 * sd + 0.01);
	});

	it('percentiles are nearest-rank and ordered', () => {
		const v = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
		expect(percentiles(v)).toEqual({ p5: 5, p50: 50, p95: 95 });
		expect(percentiles(Float64Array.of(7))).toEqual({ p5: 7, p50: 7, p95: 7 });
	});
});

describe('planRanges', { timeout: 60_000 }, () => {
	it('is deterministic for a seed, P5 ≤ P50 ≤ P95, and one lane per regime', () => {
		const a = planRanges(plan(), at, settings());
		const b = planRanges(plan(), at, settings());
		expect(a).toEqual(b);
		expect(a.lanes.map((l) => l.regime)).toEqual([
			null,
			'cbp-2023-06',
			'cbp-2024-11',
			'pmp-2025-07',
			'pmp-2026-10'
		]);
		for (const l of a.lanes)
			for (const q of [l.total, l.charged, l.free, l.failed]) {
				expect(q.p5).toBeLessThanOrEqual(q.p50);
				expect(q.p50).toBeLessThanOrEqual(q.p95);
			}
		const other = planRanges(plan({ seed: 43 }), at, settings());
		expect(other.lanes[0]!.total).not.toEqual(a.lanes[0]!.total);
	});

	it('the range holds the exact forecast at the plan’s values, and narrows without uncertainty', () => {
		const exact = expected(plan(), settings({}, false)).lanes[0]!.result;
		const wide = planRanges(plan(), at, settings({}, false)).lanes[0]!;
		expect(wide.total.p5).toBeLessThan(exact.total);
		expect(wide.total.p95).toBeGreaterThan(exact.total);
		// Marketing under per-message pricing: charged unless from an ad or not delivered.
		expect(Math.abs(wide.total.p50 - exact.total) / exact.total).toBeLessThan(0.01);

		const sure = plan({
			wroteIn24h: { value: 0.2, spread: 0 },
			freeEntryPoint: { value: 0.05, spread: 0 },
			delivered: { value: 0.95, spread: 0 }
		});
		const narrow = planRanges(sure, at, settings({}, false)).lanes[0]!;
		expect((narrow.total.p95 - narrow.total.p5) / exact.total).toBeLessThan(0.005);
		expect((wide.total.p95 - wide.total.p5) / exact.total).toBeGreaterThan(0.02);
	});

	it('tiers are priced as the Forecaster prices them (utility in Argentina across 100,000)', () => {
		const p = plan({
			markets: [{ iso2: 'AR', recipients: 50_000 }],
			wroteIn24h: { value: 0, spread: 0 },
			freeEntryPoint: { value: 0, spread: 0 },
			delivered: { value: 1, spread: 0 },
			trials: 20
		});
		const s = settings(
			{
				category: 'utility',
				account: { charged_this_month: { by_market: { Argentina: { utility: 80_000 } } } }
			},
			false
		);
		const exact = expected(p, s).lanes[0]!.result;
		expect(exact.tierCrossings).toHaveLength(1);
		const r = planRanges(p, at, s).lanes[0]!;
		expect(r.total).toEqual({ p5: exact.total, p50: exact.total, p95: exact.total });
		expect(r.charged.p50).toBe(50_000);
	});

	it('US marketing recipients fail in every trial', () => {
		const p = plan({ markets: [{ iso2: 'US', recipients: 1000 }], trials: 50 });
		const r = planRanges(p, at, settings({}, false)).lanes[0]!;
		expect(r.failed).toEqual({ p5: 1000, p50: 1000, p95: 1000 });
		expect(r.total.p95).toBe(0);
	});
});
