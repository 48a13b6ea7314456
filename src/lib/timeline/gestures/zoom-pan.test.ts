import { fireEvent } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR } from '$lib/domain/units';
import { timeToX, type Domain } from '../scale';
import { zoomPan } from './zoom-pan';

const T0 = Date.parse('2023-09-12T00:00:00Z');
const LEFT = 100;
const WIDTH = 1000;

let node: HTMLDivElement;
let domain: Domain;
let stop: () => void;
let taps: number;

beforeEach(() => {
	node = document.createElement('div');
	document.body.append(node);
	// jsdom has no layout: the plot sits at x = 100 and is 1000 px wide.
	node.getBoundingClientRect = () => ({
		left: LEFT,
		top: 0,
		width: WIDTH,
		height: 300,
		right: LEFT + WIDTH,
		bottom: 300,
		x: LEFT,
		y: 0,
		toJSON: () => ({})
	});
	domain = [T0, T0 + 10 * HOUR];
	taps = 0;
	stop = zoomPan(node, { getDomain: () => domain, setDomain: (d) => (domain = d), onTap: () => taps++ });
});
afterEach(() => {
	stop();
	node.remove();
});

describe('zoomPan', () => {
	it('wheel up zooms in around the instant under the cursor', async () => {
		const anchor = T0 + 3 * HOUR;
		const clientX = LEFT + timeToX(anchor, domain, WIDTH);
		await fireEvent.wheel(node, { deltaY: -200, clientX });
		expect(domain[1] - domain[0]).toBeLessThan(10 * HOUR);
		expect(timeToX(anchor, domain, WIDTH)).toBeCloseTo(clientX - LEFT, 3);
	});
	it('Shift+wheel and sideways swipes pan instead', async () => {
		await fireEvent.wheel(node, { deltaY: 100, shiftKey: true, clientX: LEFT + 500 });
		expect(domain).toEqual([T0 + HOUR, T0 + 11 * HOUR]);
		await fireEvent.wheel(node, { deltaX: -100, deltaY: 10, clientX: LEFT + 500 });
		expect(domain).toEqual([T0, T0 + 10 * HOUR]);
	});
	it('a background drag pans with the pointer; a tap without movement seeks', async () => {
		await fireEvent.pointerDown(node, { pointerId: 1, button: 0, clientX: 600 });
		await fireEvent.pointerMove(node, { pointerId: 1, clientX: 700 });
		await fireEvent.pointerUp(node, { pointerId: 1, clientX: 700 });
		expect(domain).toEqual([T0 - HOUR, T0 + 9 * HOUR]);
		expect(taps).toBe(0);
		await fireEvent.pointerDown(node, { pointerId: 2, button: 0, clientX: 600 });
		await fireEvent.pointerUp(node, { pointerId: 2, clientX: 601 });
		expect(taps).toBe(1);
	});
	it('two fingers pinch: each keeps the instant it touched', async () => {
		const [xa, xb] = [LEFT + 200, LEFT + 400];
		const [ta, tb] = [T0 + 2 * HOUR, T0 + 4 * HOUR];
		await fireEvent.pointerDown(node, { pointerId: 1, pointerType: 'touch', clientX: xa });
		await fireEvent.pointerDown(node, { pointerId: 2, pointerType: 'touch', clientX: xb });
		await fireEvent.pointerMove(node, { pointerId: 2, pointerType: 'touch', clientX: LEFT + 800 });
		expect(timeToX(ta, domain, WIDTH)).toBeCloseTo(200, 3);
		expect(timeToX(tb, domain, WIDTH)).toBeCloseTo(800, 3);
		expect(domain[1] - domain[0]).toBeCloseTo((10 * HOUR) / 3, -1);
	});
});
