/** The small date scale gives the positions and ticks d3's scaleUtc / scaleTime would. */
import { scaleTime, scaleUtc, utcMonth } from 'd3';
import { describe, expect, it } from 'vitest';
import { dateScale, localTickLabel } from './date-scale';

const domain: [Date, Date] = [new Date('2023-06-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z')];

describe('dateScale', () => {
	it('maps dates and ticks like scaleUtc, by count and by interval', () => {
		const ours = dateScale(domain, [40, 640], 'utc');
		const d3s = scaleUtc().domain(domain).range([40, 640]);
		const mid = new Date('2025-07-01T00:00:00Z');
		expect(ours(mid)).toBeCloseTo(d3s(mid), 9);
		expect(ours.ticks(4)).toEqual(d3s.ticks(4));
		expect(ours.ticks(utcMonth.every(3)!)).toEqual(d3s.ticks(utcMonth.every(3)!));
		expect(ours.domain()).toEqual(domain);
	});

	it('ticks on the local clock like scaleTime, labelled at the coarsest unit', () => {
		const local: [Date, Date] = [new Date(2026, 10, 28, 9), new Date(2026, 11, 2, 18)];
		expect(dateScale(local, [0, 500], 'local').ticks(5)).toEqual(
			scaleTime().domain(local).range([0, 500]).ticks(5)
		);
		expect(localTickLabel(new Date(2026, 11, 2, 14, 30))).toBe('14:30');
		expect(localTickLabel(new Date(2026, 11, 2, 14))).toBe('14:00');
		expect(localTickLabel(new Date(2026, 11, 1))).toBe('December');
		expect(localTickLabel(new Date(2027, 0, 1))).toBe('2027');
	});
});
