import { describe, expect, it } from 'vitest';
import { HOUR } from '$lib/domain/units';
import { rangeLabel, snapPlayhead, snapToMinute, zoneLabel } from './timeline-text';

const T = Date.parse('2023-09-12T06:00+07:00');

describe('timeline words', () => {
	it('names the view range to the minute, the date once when it is one day', () => {
		expect(rangeLabel([T + 0.4, T + 8 * HOUR + 12_345.6], 'Asia/Jakarta')).toBe(
			'Tue 12 Sep 2023 06:00 – 14:00'
		);
		expect(rangeLabel([T, T + 30 * HOUR], 'Asia/Jakarta')).toBe(
			'Tue 12 Sep 2023 06:00 – Wed 13 Sep 2023 12:00'
		);
	});
	it('gives the zone with its offset, west of Greenwich with a minus sign', () => {
		expect(zoneLabel('Asia/Jakarta', 7 * HOUR)).toBe('Asia/Jakarta (UTC+07:00)');
		expect(zoneLabel('America/St_Johns', -3.5 * HOUR)).toBe('America/St_Johns (UTC−03:30)');
	});
	it('snaps a dragged time to the nearest minute', () => {
		expect(snapToMinute(T + 29_999)).toBe(T);
		expect(snapToMinute(T + 30_000)).toBe(T + 60_000);
	});
	it('snaps a pointer-placed playhead to the minute when zoomed out, to the second when zoomed in', () => {
		expect(snapPlayhead(T + 95_345, 37 * 60_000)).toBe(T + 120_000);
		expect(snapPlayhead(T + 95_345, 600)).toBe(T + 95_000);
	});
});
