import { describe, expect, it } from 'vitest';
import { useCaseById } from '$lib/domain/use-cases';
import { replay } from '$lib/engine/replay';
import { laneItems } from './lanes';
import { hitTest, lowerBound, pickLabels, stackMarks, visibleSlice } from './marks';

const uc = useCaseById('click-to-whatsapp');
if (!uc) throw new Error('missing use case');
const { marks } = laneItems(replay(uc.scenario));
const at = (iso: string) => Date.parse(iso);

describe('marks in view', () => {
	it('slices the time-sorted marks by binary search, padding included', () => {
		expect(lowerBound(marks, at('2023-09-12T10:00+07:00'))).toBe(1);
		const inView = visibleSlice(marks, [at('2023-09-12T09:30+07:00'), at('2023-09-13T15:00+07:00')]);
		expect(inView.map((m) => m.event)).toEqual([1, 2, 3]);
		expect(
			visibleSlice(marks, [at('2023-09-12T09:30+07:00'), at('2023-09-13T14:00+07:00')], 3_600_000).map(
				(m) => m.event
			)
		).toEqual([0, 1, 2, 3]);
	});
	it('hit-tests the nearest mark of a lane within the tolerance', () => {
		const t = at('2023-09-12T14:10+07:00');
		expect(hitTest(marks, 'business', t, 15 * 60_000)?.event).toBe(2);
		expect(hitTest(marks, 'business', t, 5 * 60_000)).toBeNull();
		expect(hitTest(marks, 'customer', t, 15 * 60_000)).toBeNull();
	});
});

describe('amount labels', () => {
	it('labels charged marks only, skipping those cut by the edge or crowding the previous one', () => {
		const charged = marks.filter((m) => m.outcome === 'charged');
		expect(charged.map((m) => m.event)).toEqual([5]);
		const x = (t: number) => (t - at('2023-09-12T00:00+07:00')) / 3_600_000;
		expect([...pickLabels(marks, x).keys()]).toEqual([charged[0]?.i]);
		// The one charged mark sits at x = 83 (83 h in): a 60 px-wide plot cuts its label, a 200 px one does not.
		expect(pickLabels(marks, x, 60).size).toBe(0);
		expect(pickLabels(marks, x, 200).size).toBe(1);
		const first = charged[0];
		if (!first) throw new Error('no charged mark');
		const twins = [first, { ...first, i: 99 }];
		expect(pickLabels(twins, x).size).toBe(1);
	});
});

describe('stackMarks', () => {
	it('drops a mark crowding its neighbour to the second line, lane by lane', () => {
		const uc5 = useCaseById('multiple-conversations');
		if (!uc5) throw new Error('missing use case');
		const two = laneItems(replay(uc5.scenario)).marks;
		// 5 minutes apart: 2 px at a 27 h view, 30 px at a 4 h one.
		const zoomedOut = (t: number) => (t - at('2023-09-12T00:00+07:00')) / 2.5 / 60_000;
		const zoomedIn = (t: number) => (t - at('2023-09-12T00:00+07:00')) / 10_000;
		expect([...stackMarks(two, zoomedOut)]).toEqual([two[1]?.i]);
		expect(stackMarks(two, zoomedIn).size).toBe(0);
		// The dropped mark's amount stays in its popup, not on top of its neighbour.
		// Both keep their amounts: the lowered one beside it (issue 14 point 6), not on the mark above.
		const labels = pickLabels(two, zoomedOut, Infinity, stackMarks(two, zoomedOut));
		expect([...labels]).toEqual([
			[two[0]?.i, 'above'],
			[two[1]?.i, 'right']
		]);
		// The dense canvas view places labels above only.
		expect([...pickLabels(two, zoomedOut, Infinity, stackMarks(two, zoomedOut), false).keys()]).toEqual([
			two[0]?.i
		]);
	});
});
