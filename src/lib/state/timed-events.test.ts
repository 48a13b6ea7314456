import { describe, expect, it } from 'vitest';
import { timedEvents } from '$lib/domain/scenario';
import { deleteEvent, setRegime } from '$lib/domain/scenario-edits';
import { useCaseById } from '$lib/domain/use-cases';
import { timedEventsOf } from './timed-events';

const uc1 = () => useCaseById('service-conversation')!.scenario;

describe('timedEventsOf', () => {
	it('is worked out once per events array: a regime switch keeps it, an event edit does not', () => {
		const s = uc1();
		const timed = timedEventsOf(s);
		expect(timed).toEqual(timedEvents(s));
		expect(timedEventsOf(setRegime(s, 'pmp-2025-07'))).toBe(timed);
		expect(timedEventsOf({ ...s, name: 'renamed' })).toBe(timed);
		const edited = deleteEvent(s, 0);
		expect(timedEventsOf(edited)).not.toBe(timed);
		expect(timedEventsOf(edited)).toEqual(timedEvents(edited));
	});
});
