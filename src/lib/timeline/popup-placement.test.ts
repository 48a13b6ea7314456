import { describe, expect, it } from 'vitest';
import { popupPlacement } from './popup-placement';

const viewport = { width: 1280, height: 720 };

describe('popup placement', () => {
	it('goes below the mark when it fits', () => {
		expect(popupPlacement({ x: 400, y: 200, height: 100, viewport })).toEqual({
			left: 250,
			top: 214,
			width: 300,
			above: false
		});
	});
	it('flips above when the viewport has no room below', () => {
		const p = popupPlacement({ x: 400, y: 680, height: 100, viewport });
		expect(p.above).toBe(true);
		expect(p.top + 100).toBeLessThanOrEqual(680);
	});
	it('stays inside a phone’s width', () => {
		const p = popupPlacement({ x: 380, y: 100, height: 100, viewport: { width: 390, height: 800 } });
		expect(p.left).toBeGreaterThanOrEqual(8);
		expect(p.left + p.width).toBeLessThanOrEqual(382);
	});
});
