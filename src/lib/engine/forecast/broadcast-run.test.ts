import { describe, expect, it } from 'vitest';
import type { EpochMs } from '$lib/domain/units';
import { replay } from '../replay';
import { BroadcastRun, type BroadcastSettings } from './broadcast-run';
import { Forecaster, type RecipientInput } from './forecaster';
import { PlanCursor, type BroadcastPlan } from './plan';
import { recipientScenario } from './recipient-scenario';

const AT = Date.UTC(2026, 11, 3, 2) as EpochMs;
const H = 3_600_000;

const plan: BroadcastPlan = {
	markets: [
		{ iso2: 'AR', recipients: 300 },
		{ iso2: 'US', recipients: 30 },
		{ iso2: 'ID', recipients: 200 }
	],
	wroteIn24h: { value: 0.2, spread: 0 },
	freeEntryPoint: { value: 0.1, spread: 0 },
	delivered: { value: 0.9, spread: 0 },
	trials: 1,
	seed: 1
};

function runPlan(settings: BroadcastSettings, from = AT, to = AT) {
	const run = new BroadcastRun(settings);
	const cursor = new PlanCursor(plan, from === to ? { kind: 'at', at: from } : { kind: 'window', from, to });
	const r: RecipientInput = { phone: '', sendAt: 0 as EpochMs };
	while (cursor.next(r)) run.add(r, cursor.position);
	return run;
}

describe('BroadcastRun', () => {
	it('one lane asked for plus every regime pinned; the main lane is the one asked for', () => {
		const byDate = runPlan({ options: { category: 'marketing', timezone: 'UTC' }, compare: true }).finish();
		expect(byDate.lanes.map((l) => l.regime)).toEqual([
			null,
			'cbp-2023-06',
			'cbp-2024-11',
			'pmp-2025-07',
			'pmp-2026-10'
		]);
		expect(byDate.main).toBe(0);
		// In December 2026 the regime by date is October 2026's: the same totals.
		expect(byDate.lanes[0]!.result.total).toBe(byDate.lanes[4]!.result.total);
		const pinned = runPlan({
			options: { category: 'marketing', timezone: 'UTC', regime: 'cbp-2024-11' },
			compare: true
		}).finish();
		expect(pinned.lanes).toHaveLength(4);
		expect(pinned.lanes[pinned.main]!.regime).toBe('cbp-2024-11');
		const alone = runPlan({ options: { category: 'marketing', timezone: 'UTC' }, compare: false }).finish();
		expect(alone.lanes).toHaveLength(1);
	});

	it('the curve adds up to the total in every lane', () => {
		const res = runPlan(
			{ options: { category: 'utility', timezone: 'UTC' }, compare: true, curvePoints: 10 },
			AT,
			(AT + 4 * H) as EpochMs
		).finish();
		for (const lane of res.lanes) {
			expect(lane.curve).toHaveLength(10);
			expect(lane.curve.reduce((a, b) => a + b, 0)).toBe(lane.result.total);
		}
	});

	it('keeps the first few recipients of each market × outcome', () => {
		const res = runPlan({
			options: { category: 'marketing', timezone: 'UTC' },
			compare: false,
			sampleLimit: 3
		}).finish();
		const keys = res.samples.map((s) => `${s.market}|${s.outcome}`);
		const counts = new Map<string, number>();
		for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
		expect([...counts.values()].every((n) => n <= 3)).toBe(true);
		expect(counts.get('North America|failed_us_pause')).toBe(3);
		expect(counts.get('Indonesia|free_entry_point')).toBe(3);
		expect(counts.get('Argentina|failed_undelivered')).toBe(3);
		// Memory stays flat: a larger list keeps no more.
		expect(res.samples.length).toBeLessThanOrEqual(3 * 3 * 5);
	});

	it('every sampled recipient replays in the sandbox to the same charge, tiers included', () => {
		const settings: BroadcastSettings = {
			options: {
				category: 'utility',
				timezone: 'America/Sao_Paulo',
				account: { charged_this_month: { by_market: { Argentina: { utility: 99_950 } } } }
			},
			compare: false,
			sampleLimit: 100
		};
		const run = runPlan(settings, AT, (AT + 3 * H) as EpochMs);
		const res = run.finish();
		const lane = res.lanes[0]!.result;
		// Argentina utility passes 100,000 within the list: the later samples sit in tier 2.
		expect(lane.tierCrossings).toEqual([
			expect.objectContaining({ market: 'Argentina', category: 'utility', tier: 2 })
		]);
		expect(res.samples.length).toBeGreaterThan(50);
		for (const s of res.samples) {
			const scenario = recipientScenario(settings.options, s, s.chargedBefore);
			const ledger = replay(scenario);
			const msg = ledger.messages.at(-1)!;
			expect(msg.charge, `line ${s.line} ${s.market} ${s.outcome}`).toBe(s.charge);
			expect(msg.code).toBe(s.code);
		}
	});

	it('invalid rows count in every lane', () => {
		const run = new BroadcastRun({ options: { category: 'marketing', timezone: 'UTC' }, compare: true });
		run.addInvalid(2, 'phone: empty');
		run.add({ phone: '+6281234567890', sendAt: AT }, 0.5);
		expect(run.rows).toBe(2);
		for (const lane of run.finish().lanes) {
			expect(lane.result.outcomes.invalid).toBe(1);
			expect(lane.result.invalidRows).toEqual([{ line: 2, reason: 'phone: empty' }]);
		}
		const direct = new Forecaster({ category: 'marketing', timezone: 'UTC' });
		direct.add({ phone: '+6281234567890', sendAt: AT });
		expect(run.finish().lanes[0]!.result.total).toBe(direct.finish().total);
	});
});
