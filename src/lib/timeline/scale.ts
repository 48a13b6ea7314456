/**
 * Domain ↔ pixel maths for the timeline. A domain is [start, end] in epoch ms; the plot spans
 * [0, width] px. Pure functions, so zoom and pan behaviour is testable without a browser.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { HOUR, MINUTE, DAY, asEpochMs, type EpochMs } from '$lib/domain/units';

export type Domain = readonly [number, number];

/** Closest zoom: a few minutes fill the plot (the 1-minute ticks still read). */
export const MIN_SPAN = 10 * MINUTE;
/** Widest zoom: three years, enough for a scenario that straddles several pricing regimes. */
export const MAX_SPAN = 3 * 365 * DAY;
/** The initial view never shows less than this, so a single message is not a lone dot in a void. */
export const MIN_FIT_SPAN = 2 * HOUR;

/** d3 maps epoch ms linearly onto pixels; ticks come from `zonedTicks`, not from this scale. */
export function timeScale(domain: Domain, width: number): ScaleLinear<number, number> {
	return scaleLinear()
		.domain([domain[0], domain[1]])
		.range([0, Math.max(1, width)]);
}

export const timeToX = (t: number, domain: Domain, width: number): number =>
	((t - domain[0]) / (domain[1] - domain[0])) * width;

export function pointerToTime(x: number, domain: Domain, width: number): EpochMs {
	return asEpochMs(Math.round(timeScale(domain, width).invert(x)));
}

/** factor > 1 zooms in; the instant `anchor` keeps its pixel position. */
export function zoomAround(domain: Domain, anchor: number, factor: number): Domain {
	const [a, b] = domain;
	return [anchor - (anchor - a) / factor, anchor + (b - anchor) / factor];
}

export const pan = (domain: Domain, deltaMs: number): Domain => [domain[0] + deltaMs, domain[1] + deltaMs];

/** Dragging the background by dx px moves the content with the pointer, so the domain moves the other way. */
export const panByPixels = (domain: Domain, dx: number, width: number): Domain =>
	pan(domain, (-dx / Math.max(1, width)) * (domain[1] - domain[0]));

export interface ClampOptions {
	minSpan?: number;
	maxSpan?: number;
	/** The content's extent: the view may overshoot it by at most half a view on either side. */
	bounds?: Domain;
}

export function clampDomain(domain: Domain, opts: ClampOptions = {}): Domain {
	const { minSpan = MIN_SPAN, maxSpan = MAX_SPAN, bounds } = opts;
	let [a, b] = domain;
	const span = Math.min(maxSpan, Math.max(minSpan, b - a));
	if (span !== b - a) {
		const mid = (a + b) / 2;
		a = mid - span / 2;
		b = mid + span / 2;
	}
	if (bounds) {
		const lo = bounds[0] - span / 2;
		const hi = bounds[1] + span / 2;
		if (a < lo) [a, b] = [lo, lo + span];
		if (b > hi) [a, b] = [hi - span, hi];
	}
	return [a, b];
}

/** The initial view: the content padded by 6 % a side, at least MIN_FIT_SPAN wide. */
export function fitDomain(extent: Domain, pad = 0.06, minSpan = MIN_FIT_SPAN): Domain {
	const [a, b] = extent;
	const span = Math.max(minSpan, (b - a) * (1 + 2 * pad));
	const mid = (a + b) / 2;
	return [mid - span / 2, mid + span / 2];
}

/** Two fingers at x1 and x2 keep holding the instants t1 and t2 they touched down on. */
export function pinchDomain(t1: number, t2: number, x1: number, x2: number, width: number): Domain | null {
	if (Math.abs(x2 - x1) < 1 || t1 === t2) return null;
	const msPerPx = (t2 - t1) / (x2 - x1);
	if (msPerPx <= 0) return null;
	const start = t1 - x1 * msPerPx;
	return [start, start + width * msPerPx];
}
