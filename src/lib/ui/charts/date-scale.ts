/**
 * A date axis like d3's scaleTime / scaleUtc — callable, with ticks and a tick format — built from
 * scaleLinear over epoch milliseconds and d3-time's tick intervals.
 *
 * Why not scaleTime: the bundler keeps d3-scale as one module, so a single chart's scaleTime put
 * d3-time and d3-time-format (~5 KB gzip) into the chunk that every page with the timeline loads for
 * its scaleLinear, and the sandbox past its 150 KB budget (issue 14 point 10). Here they load only
 * with the charts that use them.
 */
import {
	scaleLinear,
	timeDay,
	timeFormat,
	timeHour,
	timeMonth,
	timeTicks,
	timeWeek,
	timeYear,
	utcTicks,
	type TimeInterval
} from 'd3';

export interface DateScale {
	(d: Date): number;
	/** About `count` round dates in the domain (as scaleTime.ticks), or every date of `interval`. */
	ticks(countOrInterval: number | TimeInterval): Date[];
	domain(): [Date, Date];
}

/** A scale from [start, end] to `range`; ticks on the wall clock of UTC or of the browser's zone. */
export function dateScale(
	[start, end]: readonly [Date, Date],
	range: readonly [number, number],
	clock: 'utc' | 'local'
): DateScale {
	const linear = scaleLinear().domain([start.getTime(), end.getTime()]).range(range);
	const scale = ((d: Date) => linear(d.getTime())) as DateScale;
	scale.ticks = (arg) =>
		typeof arg === 'number'
			? (clock === 'utc' ? utcTicks : timeTicks)(start, end, arg)
			: arg.range(start, new Date(end.getTime() + 1));
	scale.domain = () => [new Date(start), new Date(end)];
	return scale;
}

const formats = {
	minute: timeFormat('%H:%M'),
	hour: timeFormat('%H:00'),
	day: timeFormat('%a %d'),
	week: timeFormat('%b %d'),
	month: timeFormat('%B'),
	year: timeFormat('%Y')
};

/** A local tick's label at the coarsest unit it falls on (scaleTime's tickFormat, 24-hour clock). */
export function localTickLabel(d: Date): string {
	if (timeHour(d) < d) return formats.minute(d);
	if (timeDay(d) < d) return formats.hour(d);
	if (timeMonth(d) < d) return timeWeek(d) < d ? formats.day(d) : formats.week(d);
	if (timeYear(d) < d) return formats.month(d);
	return formats.year(d);
}
