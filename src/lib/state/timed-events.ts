/**
 * A scenario's events in time order, computed once per events array: an edit that leaves the events
 * alone (the regime, a setting, the name) keeps the array (scenario-edits.ts), so it keeps this too;
 * the order depends on the events only (each instant carries its offset). The pricing worker already
 * knows the order of a large run (it priced it), so the page primes this cache from its columns
 * instead of parsing 100,000 instants again on the main thread.
 */
import { timedEvents, type Scenario, type TimedEvent } from '$lib/domain/scenario';

const cache = new WeakMap<Scenario['events'], TimedEvent[]>();

export function primeTimedEvents(scenario: Scenario, timed: TimedEvent[]): void {
	cache.set(scenario.events, timed);
}

export function timedEventsOf(scenario: Scenario): TimedEvent[] {
	let timed = cache.get(scenario.events);
	if (!timed) {
		timed = timedEvents(scenario);
		cache.set(scenario.events, timed);
	}
	return timed;
}
