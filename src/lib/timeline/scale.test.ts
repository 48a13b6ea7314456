import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '$lib/domain/units';
import {
	clampDomain,
	fitDomain,
	MAX_SPAN,
	MIN_SPAN,
	pan,
	panByPixels,
	pinchDomain,
	pointerToTime,
	timeToX,
	zoomAround,
	type Domain
} from './scale';

const T0 = Date.parse('2023-09-12T12:00:00+07:00');
const D: Domain = [T0, T0 + 10 * HOUR];

describe('pointer ↔ time', () => {
	it('maps the plot edges and middle onto the domain', () => {
		expect(pointerToTime(0, D, 1000)).toBe(T0);
		expect(pointerToTime(1000, D, 1000)).toBe(T0 + 10 * HOUR);
		expect(pointerToTime(250, D, 1000)).toBe(T0 + 2.5 * HOUR);
	});
	it('timeToX inverts pointerToTime', () => {
		for (const x of [0, 17, 333, 999]) expect(timeToX(pointerToTime(x, D, 1000), D, 1000)).toBeCloseTo(x, 3);
	});
});

describe('zoomAround', () => {
	it('keeps the anchor at the same pixel and divides the span', () => {
		for (const [anchor, factor] of [
			[T0 + 3 * HOUR, 2],
			[T0 + 9 * HOUR, 0.5],
			[T0, 3.7]
		] as const) {
			const z = zoomAround(D, anchor, factor);
			expect(z[1] - z[0]).toBeCloseTo((D[1] - D[0]) / factor, 3);
			expect(timeToX(anchor, z, 800)).toBeCloseTo(timeToX(anchor, D, 800), 6);
		}
	});
});

describe('pan', () => {
	it('shifts both ends by the delta', () => {
		expect(pan(D, HOUR)).toEqual([T0 + HOUR, T0 + 11 * HOUR]);
	});
	it('dragging right by a tenth of the width shows earlier time by a tenth of the span', () => {
		expect(panByPixels(D, 100, 1000)).toEqual([T0 - HOUR, T0 + 9 * HOUR]);
	});
});

describe('clampDomain', () => {
	it('widens a too-narrow view around its centre', () => {
		const c = clampDomain([T0, T0 + MINUTE]);
		expect(c[1] - c[0]).toBe(MIN_SPAN);
		expect((c[0] + c[1]) / 2).toBe(T0 + MINUTE / 2);
	});
	it('narrows a too-wide view', () => {
		const c = clampDomain([T0, T0 + 5000 * DAY]);
		expect(c[1] - c[0]).toBe(MAX_SPAN);
	});
	it('stops panning half a view past the content', () => {
		const bounds: Domain = [T0, T0 + DAY];
		expect(clampDomain([T0 + 10 * DAY, T0 + 10 * DAY + 4 * HOUR], { bounds })).toEqual([
			T0 + DAY - 2 * HOUR,
			T0 + DAY + 2 * HOUR
		]);
		expect(clampDomain([T0 - 10 * DAY, T0 - 10 * DAY + 4 * HOUR], { bounds })).toEqual([
			T0 - 2 * HOUR,
			T0 + 2 * HOUR
		]);
		expect(clampDomain([T0 + HOUR, T0 + 5 * HOUR], { bounds })).toEqual([T0 + HOUR, T0 + 5 * HOUR]);
	});
});

describe('fitDomain', () => {
	it('pads the content by 6 % a side', () => {
		expect(fitDomain([T0, T0 + 100 * HOUR])).toEqual([T0 - 6 * HOUR, T0 + 106 * HOUR]);
	});
	it('shows at least 2 h around a single instant', () => {
		expect(fitDomain([T0, T0])).toEqual([T0 - HOUR, T0 + HOUR]);
	});
});

describe('pinchDomain', () => {
	it('keeps each finger on the instant it touched', () => {
		const d = pinchDomain(T0 + HOUR, T0 + 3 * HOUR, 100, 500, 1000);
		expect(d).not.toBeNull();
		expect(timeToX(T0 + HOUR, d as Domain, 1000)).toBeCloseTo(100, 6);
		expect(timeToX(T0 + 3 * HOUR, d as Domain, 1000)).toBeCloseTo(500, 6);
	});
	it('refuses crossed or coincident fingers', () => {
		expect(pinchDomain(T0, T0 + HOUR, 300, 300, 1000)).toBeNull();
		expect(pinchDomain(T0, T0 + HOUR, 500, 100, 1000)).toBeNull();
	});
});
