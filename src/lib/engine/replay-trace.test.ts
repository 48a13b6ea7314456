/**
 * A replay resumed from an earlier one's checkpoint (replay-trace.ts) gives exactly the ledger of a
 * replay from the start, whatever the edit: an event's category, instant or delivery changed, one
 * deleted or added, under every regime, with tiers, currencies and free tiers; edits in a row too.
 * And it does resume: the checkpoints before the edit are the earlier replay's own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioEvent } from '$lib/domain/scenario';
import { largeScenario } from '../../../tests/helpers/large-scenario';
import { scenarioArb } from '../../../tests/helpers/scenario-arb';
import type { Ledger } from './ledger';
import { replay } from './replay';
import { firstDifference, sameExceptEvents, traceOf } from './replay-trace';
import { timedEvents } from '$lib/domain/scenario';

/** Ledgers as plain data. */
const plain = (l: Ledger): unknown => JSON.parse(JSON.stringify(l));

type Edit = { kind: 'category' | 'time' | 'delivered' | 'delete' | 'duplicate'; pick: number; hours: number };
const editArb = fc.record({
	kind: fc.constantFrom('category', 'time', 'delivered', 'delete', 'duplicate') as fc.Arbitrary<Edit['kind']>,
	pick: fc.nat(),
	hours: fc.integer({ min: -30, max: 30 })
});

/** The scenario with one event edited; every other event (and field) the very same object. */
function edited(s: Scenario, { kind, pick, hours }: Edit): Scenario {
	if (!s.events.length) return s;
	const i = pick % s.events.length;
	const e = s.events[i] as ScenarioEvent;
	const events = s.events.slice();
	if (kind === 'delete') events.splice(i, 1);
	else if (kind === 'duplicate') events.splice(i + 1, 0, { ...e });
	else if (kind === 'time')
		events[i] = { ...e, at: new Date(Date.parse(e.at) + hours * 3_600_000 + (hours % 3)).toISOString() };
	else if (kind === 'delivered' && e.type !== 'customer_message')
		events[i] = { ...e, delivered: e.delivered === false };
	else if (e.type === 'template')
		events[i] = { ...e, category: e.category === 'marketing' ? 'utility' : 'marketing' };
	else events[i] = { ...e, caption: 'edited' };
	return { ...s, events };
}

describe('a replay resumed from a checkpoint', { timeout: 120_000 }, () => {
	it('gives the ledger of a replay from the start, for any edit, edits in a row included', () => {
		fc.assert(
			fc.property(scenarioArb, editArb, editArb, (s, e1, e2) => {
				const every = 3;
				const first = edited(s, e1);
				const second = edited(first, e2);
				const base = replay(s, { checkpointEvery: every });
				const a = replay(first, { after: base, checkpointEvery: every });
				expect(plain(a)).toEqual(plain(replay(first)));
				const b = replay(second, { after: a, checkpointEvery: every });
				expect(plain(b)).toEqual(plain(replay(second)));
			}),
			{ numRuns: 1500 }
		);
	});

	it('resumes from the last checkpoint before the edited event, reusing the earlier ones', () => {
		const s = largeScenario(600) as Scenario;
		const base = replay(s);
		const last = s.events.length - 1;
		const e = s.events[last] as ScenarioEvent;
		const changed: Scenario = {
			...s,
			events: [...s.events.slice(0, last), { ...e, caption: 'changed' }]
		};
		const resumed = replay(changed, { after: base });
		expect(plain(resumed)).toEqual(plain(replay(changed)));
		const before = traceOf(base)!.checkpoints;
		const after = traceOf(resumed)!.checkpoints;
		expect(before.length).toBeGreaterThan(10);
		// Every checkpoint but the last ones after the edit is the base's own object: nothing re-ran.
		const edit = firstDifference(timedEvents(s), timedEvents(changed));
		const kept = before.filter((c) => c.position <= edit);
		expect(after.slice(0, kept.length)).toEqual(kept);
		kept.forEach((c, k) => expect(after[k]).toBe(c));
	});

	it('starts over when more than the events differ, or for another rules table', () => {
		const s = largeScenario(200) as Scenario;
		const base = replay(s);
		const other: Scenario = { ...s, regime: s.regime === 'cbp-2023-06' ? 'pmp-2025-07' : 'cbp-2023-06' };
		expect(sameExceptEvents(s, other)).toBe(false);
		expect(sameExceptEvents(s, { ...s, events: s.events.slice(1) })).toBe(true);
		const resumed = replay(other, { after: base });
		expect(plain(resumed)).toEqual(plain(replay(other)));
		expect(traceOf(resumed)!.checkpoints[0]).not.toBe(traceOf(base)!.checkpoints[0]);
	});
});
