import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCaseById } from '$lib/domain/use-cases';
import { replay } from '$lib/engine/replay';
import { drawMarks, type Palette } from './canvas-marks';
import { laneItems, laneRows, type LaneRow, type TimelineMark } from './lanes';

const uc = useCaseById('click-to-whatsapp');
if (!uc) throw new Error('missing use case');
const { marks } = laneItems(replay(uc.scenario));
const rows: Record<string, LaneRow> = Object.fromEntries(laneRows(48).rows.map((r) => [r.id, r]));
const palette = Object.fromEntries(
	[
		'customer',
		'marketing',
		'utility',
		'authentication',
		'service',
		'blocked',
		'failed',
		'fg',
		'bg',
		'selected'
	].map((k) => [k, '#123456'])
) as Palette;

/** A 2D context that records where stamps land (jsdom has no canvas). */
function recorder() {
	const stamps: { x: number; y: number }[] = [];
	const ctx = {
		clearRect: () => undefined,
		drawImage: (_img: unknown, x: number, y: number) => void stamps.push({ x, y }),
		beginPath: () => undefined,
		arc: () => undefined,
		stroke: () => undefined,
		fillText: () => undefined
	} as unknown as CanvasRenderingContext2D;
	return { ctx, stamps };
}

const draw = (ms: readonly TimelineMark[], x: (t: number) => number, width = 400) => {
	const { ctx, stamps } = recorder();
	drawMarks(ctx, { marks: ms, x, rows, labelled: new Map(), selected: null, palette, width, height: 300 });
	return stamps;
};

describe('the canvas marks layer', () => {
	beforeEach(() => {
		// Sprites are pre-drawn on an OffscreenCanvas; a stand-in is enough to count the stamps.
		vi.stubGlobal(
			'OffscreenCanvas',
			class {
				getContext = () => null;
				transferToImageBitmap = () => ({});
			}
		);
	});
	afterEach(() => vi.unstubAllGlobals());

	it('stamps every mark once when they sit apart, in its own lane', () => {
		const x = (t: number) => (t - (marks[0] as TimelineMark).at) / 600_000;
		const stamps = draw(marks, x, 4_000);
		expect(stamps).toHaveLength(marks.length);
		const customerY = stamps.filter((_, k) => marks[k]?.lane === 'customer').map((s) => s.y);
		const businessY = stamps.filter((_, k) => marks[k]?.lane === 'business').map((s) => s.y);
		expect(new Set(customerY).size).toBe(1);
		expect(new Set(businessY).size).toBe(1);
		expect(customerY[0]).toBeLessThan(businessY[0] as number);
	});

	it('stamps a look once per device pixel and lane, however many marks land there', () => {
		const m = { ...(marks.find((k) => k.lane === 'business') as TimelineMark), outcome: 'charged' as const };
		const c = marks.find((k) => k.lane === 'customer') as TimelineMark;
		const hollow = { ...m, outcome: 'free' as const };
		const same = Array.from({ length: 1_000 }, () => m);
		expect(draw([...same, c, hollow], () => 50)).toHaveLength(3);
		// Off the plot's pixels the marks are still drawn (the canvas clips them).
		expect(draw([m, m], () => -20)).toHaveLength(2);
	});
});
