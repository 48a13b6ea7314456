/**
 * Property tests: thousands of random scenarios through the XState machines and through the plain
 * reference reducer (the kernel) must give identical ledgers, under every regime; plus invariants
 * that hold whatever the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIME_IDS } from '$lib/domain/regimes';
import { validateScenario, type ScenarioEvent } from '$lib/domain/scenario';
import { event, MARKETS, scenarioArb, STARTS } from '../../../tests/helpers/scenario-arb';
import { CONVERSATION_DURATION, CUSTOMER_SERVICE_WINDOW, FREE_ENTRY_POINT_DURATION } from '$lib/domain/units';
import { kernelReplay, replay } from './replay';
import { stateAt } from './state-at';

const H = 3_600_000;

/** The two engines are compared on more cases: the rules table is their one statement (issue 9). */
const AGREEMENT_RUNS = Number(process.env.PROPERTY_RUNS ?? 5000);

// Thousands of replays: generous timeouts, since CI machines may be busy. Speed is measured in bench/.
describe('machines and kernel agree', { timeout: 120_000 }, () => {
	it('gives identical ledgers for random scenarios under every regime', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				// Snapshots included: the bulk path must answer `stateAt` exactly as the machines do.
				expect(kernelReplay(s)).toEqual(replay(s));
			}),
			{ numRuns: AGREEMENT_RUNS }
		);
	});
});

describe('invariants', { timeout: 120_000 }, () => {
	it('total = sum of charges = sum of category totals; the same input gives the same ledger', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const l = replay(s);
				const sum = l.messages.reduce((a, m) => a + m.charge, 0);
				expect(l.total).toBe(sum);
				expect(Object.values(l.totalsByCategory).reduce((a, b) => a + b, 0)).toBe(sum);
				expect(replay(s)).toEqual(l);
			}),
			{ numRuns: 300 }
		);
	});

	it('no free-form message is accepted outside the customer service window', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const l = replay(s);
				const inclusive = s.settings?.window_end === 'inclusive';
				const customers = l.messages.filter((m) => m.type === 'customer_message').map((m) => m.at);
				for (const m of l.messages) {
					if (m.type !== 'business_message' || m.outcome === 'blocked') continue;
					const inWindow = customers.some((c) =>
						inclusive
							? c <= m.at && m.at <= c + CUSTOMER_SERVICE_WINDOW
							: c <= m.at && m.at < c + CUSTOMER_SERVICE_WINDOW
					);
					expect(inWindow).toBe(true);
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('no window or conversation lasts longer than its duration', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const l = replay(s);
				for (const c of l.conversations) {
					expect(c.expiresAt - c.openedAt).toBe(CONVERSATION_DURATION);
					if (c.closedAt !== null) expect(c.closedAt).toBeLessThanOrEqual(c.expiresAt);
				}
				for (const w of l.windows) {
					if (w.kind === 'free_entry_point') expect(w.expiresAt - w.openedAt).toBe(FREE_ENTRY_POINT_DURATION);
					else expect(w.expiresAt - w.lastResetAt).toBe(CUSTOMER_SERVICE_WINDOW);
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('cbp-2024-11 equals cbp-2023-06 minus its service charges', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const old = replay({ ...s, regime: 'cbp-2023-06' });
				const free = replay({ ...s, regime: 'cbp-2024-11' });
				expect(free.total).toBe(old.total - old.totalsByCategory.service);
				expect(
					free.conversations.map((c) => ({
						...c,
						charge: c.category === 'service' ? 0 : c.charge,
						regime: null
					}))
				).toEqual(
					old.conversations.map((c) => ({
						...c,
						charge: c.category === 'service' ? 0 : c.charge,
						regime: null
					}))
				);
				old.messages.forEach((m, i) => {
					const f = free.messages[i];
					if (m.category === 'service' && m.outcome === 'charged') expect(f?.outcome).toBe('free');
					else expect([f?.outcome, f?.charge]).toEqual([m.outcome, m.charge]);
				});
			}),
			{ numRuns: 400 }
		);
	});

	it('a scenario entirely inside a free entry point costs nothing under every regime', () => {
		const inside = fc.record({
			start: fc.constantFrom(...STARTS),
			reply: fc.integer({ min: 0, max: 24 * 60 - 1 }).map((m) => m * 60_000),
			later: fc.array(
				fc.tuple(
					fc.integer({ min: 0, max: 72 * 60 - 1 }).map((m) => m * 60_000),
					event
				),
				{ maxLength: 20 }
			),
			market: fc.constantFrom(...MARKETS)
		});
		fc.assert(
			fc.property(inside, fc.constantFrom(...REGIME_IDS), ({ start, reply, later, market }, regime) => {
				const events: ScenarioEvent[] = [
					{ at: new Date(start).toISOString(), type: 'customer_message', entry_point: 'ctwa_ad' },
					{ at: new Date(start + reply).toISOString(), type: 'template', category: 'utility' },
					...later.map(([t, e]): ScenarioEvent => {
						const at = new Date(start + reply + t).toISOString();
						if (e.type === 'customer_message') return { at, type: 'customer_message' };
						if (e.type === 'business_message') return { at, type: 'business_message' };
						return { at, type: 'template', category: (e as { category: 'marketing' }).category };
					})
				];
				const s = validateScenario({
					format: 'wa-pricing-scenario/1',
					name: 'fep',
					market,
					timezone: 'UTC',
					regime,
					events
				});
				if (!s.ok) throw new Error('invalid');
				expect(replay(s.scenario).total).toBe(0);
			}),
			{ numRuns: 400 }
		);
	});

	it('snapshots agree with the recorded intervals at any instant', () => {
		fc.assert(
			fc.property(
				scenarioArb,
				fc.array(fc.integer({ min: -H, max: 24 * 8 * H }), { minLength: 1, maxLength: 10 }),
				(s, probes) => {
					const l = replay(s);
					const inclusive = s.settings?.window_end === 'inclusive';
					const open = (from: number, end: number, t: number) =>
						from <= t && (inclusive ? t <= end : t < end);
					const base = l.messages.length ? Math.min(...l.messages.map((m) => m.at)) : 0;
					for (const p of probes) {
						const t = base + p;
						const st = stateAt(l, t as never);
						const expected = l.conversations
							.filter(
								(c) =>
									open(c.openedAt, c.closedAt ?? c.expiresAt, t) && (c.closedAt === null || t < c.closedAt)
							)
							.map((c) => c.id);
						expect(st.conversations.map((c) => c.id)).toEqual(expected);
						// The window in force at t ends 24 h after the last customer message at or before t.
						const customersSoFar = l.messages.filter((m) => m.type === 'customer_message' && m.at <= t);
						const last = Math.max(-Infinity, ...customersSoFar.map((m) => m.at));
						const cswOpen = open(last, last + CUSTOMER_SERVICE_WINDOW, t);
						const end = cswOpen ? last + CUSTOMER_SERVICE_WINDOW : null;
						expect(st.freeForm.allowed).toBe(cswOpen);
						expect(st.serviceWindow?.expiresAt ?? null).toBe(end);
						expect(st.freeForm.until).toBe(end);
						const charged = l.messages.filter((m) => m.at <= t).reduce((a, m) => a + m.charge, 0);
						expect(st.total).toBe(charged);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});
