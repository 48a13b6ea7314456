/**
 * Which engine prices a scenario. Both read the same rules table and give the same ledger, snapshots
 * included (the property tests prove it); they differ in cost. The XState machines are the path an
 * edit takes in the sandbox for ordinary scenarios (they are the model people inspect); past a
 * thousand events the bulk kernel takes over, since XState costs about 10 µs an event here and a
 * 100,000-event run would freeze the page (BENCHMARKS.md).
 */
import type { Scenario } from '$lib/domain/scenario';
import type { Ledger } from './ledger';
import { kernelReplay, replay } from './replay';

/** The largest scenario priced on the machine path; larger ones go to the bulk path. */
export const MACHINE_PATH_MAX_EVENTS = 1_000;

export type PricingPath = 'machines' | 'bulk';

export const pathFor = (scenario: Scenario): PricingPath =>
	scenario.events.length <= MACHINE_PATH_MAX_EVENTS ? 'machines' : 'bulk';

/** The ledger of a scenario, on the path its size calls for. */
export function priceScenario(scenario: Scenario): Ledger {
	return pathFor(scenario) === 'machines' ? replay(scenario) : kernelReplay(scenario);
}
