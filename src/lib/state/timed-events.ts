/**
 * A scenario's events in time order, computed once per scenario object. The pricing worker already
 * knows the order of a large run (it priced it), so the page primes this cache from its columns
 * instead of parsing 100,000 instants again on the main thread.
 */
import { timedEvents, type Scenario, type TimedEvent } from '$lib/domain/scenario';

const cache = new WeakMap<Scenario, TimedEvent[]>();

export function primeTimedEvents(scenario: Scenario, timed: TimedEvent[]): void {
	cache.set(scenario, timed);
}

export function timedEventsOf(scenario: Scenario): TimedEvent[] {
	let timed = cache.get(scenario);
	if (!timed) {
		timed = timedEvents(scenario);
		cache.set(scenario, timed);
	}
	return timed;
}
