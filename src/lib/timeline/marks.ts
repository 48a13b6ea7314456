/**
 * Helpers over the time-sorted marks: the slice in view (binary search, so a 10,000-event scenario
 * costs two lookups per zoom step), pointer hit-testing for the canvas, amount labels that do not
 * overlap, and the words a screen reader hears for a mark.
 */
import { formatLocal } from '$lib/domain/format';
import { formatMicros } from '$lib/domain/units';
import type { Outcome } from '$lib/engine/ledger';
import type { TimelineMark } from './lanes';
import type { Domain } from './scale';

/** First index whose `at` is ≥ t. */
export function lowerBound(marks: readonly TimelineMark[], t: number): number {
	let lo = 0;
	let hi = marks.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((marks[mid] as TimelineMark).at < t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Marks inside the domain widened by `padMs` (so marks half off the edge still draw). */
export function visibleSlice(marks: readonly TimelineMark[], domain: Domain, padMs = 0): TimelineMark[] {
	return marks.slice(lowerBound(marks, domain[0] - padMs), lowerBound(marks, domain[1] + padMs + 1));
}

/** The mark of `lane` nearest to time t within tolMs, or null. */
export function hitTest(
	marks: readonly TimelineMark[],
	lane: TimelineMark['lane'],
	t: number,
	tolMs: number
): TimelineMark | null {
	let best: TimelineMark | null = null;
	for (let k = lowerBound(marks, t - tolMs); k < marks.length; k++) {
		const m = marks[k] as TimelineMark;
		if (m.at > t + tolMs) break;
		if (m.lane === lane && (!best || Math.abs(m.at - t) < Math.abs(best.at - t))) best = m;
	}
	return best;
}

/** How far a crowded mark drops below its lane's line, in px. */
export const LOWERED_PX = 11;

/**
 * Marks closer than `gap` px to the previous one in their lane drop to a second line (when that
 * line is free there), so two messages five minutes apart stay two visible marks when zoomed out.
 * Returns the indices of the dropped marks; the rest stay on the lane's line.
 */
export function stackMarks(marks: readonly TimelineMark[], x: (t: number) => number, gap = 13): Set<number> {
	const lowered = new Set<number>();
	const last: Record<string, [number, number]> = {};
	for (const m of marks) {
		const px = x(m.at);
		const l = (last[m.lane] ??= [-Infinity, -Infinity]);
		if (px - l[0] >= gap) l[0] = px;
		else if (px - l[1] >= gap) {
			l[1] = px;
			lowered.add(m.i);
		} else l[0] = px;
	}
	return lowered;
}

/** Approximate width of an amount label at the 11 px tabular font: a measured 6.6 px per glyph. */
export const labelWidth = (text: string): number => text.length * 6.6 + 6;

/**
 * Greedy left-to-right: a charged mark gets its amount when the label clears the previous one
 * in its lane. Dense zooms show fewer labels rather than a smear.
 */
export function pickLabels(
	marks: readonly TimelineMark[],
	x: (t: number) => number,
	width = Infinity,
	lowered: ReadonlySet<number> = new Set()
): Set<number> {
	const out = new Set<number>();
	const lastEnd: Record<string, number> = {};
	for (const m of marks) {
		// A dropped mark's label would sit on the mark above it: its amount is in its popup instead.
		if (m.outcome !== 'charged' || lowered.has(m.i)) continue;
		const w = labelWidth(chargeLabel(m));
		const left = x(m.at) - w / 2;
		// A label cut by the plot's edge reads as another amount: leave it out.
		if (left < 0 || left + w > width) continue;
		if (left >= (lastEnd[m.lane] ?? -Infinity)) {
			out.add(m.i);
			lastEnd[m.lane] = left + w + 4;
		}
	}
	return out;
}

export const OUTCOME_WORDS: Record<Outcome, string> = {
	received: 'received',
	charged: 'charged',
	included: 'included in an open conversation',
	free: 'free',
	blocked: 'blocked',
	failed: 'failed, not delivered'
};

export function markKind(m: TimelineMark): string {
	if (m.message.type === 'customer_message') return 'Customer message';
	if (m.message.type === 'business_message') return 'Free-form business message (service)';
	return `${m.tone[0]?.toUpperCase() ?? ''}${m.tone.slice(1)} template`;
}

/** The short label over a charged mark: the amount, or "no rate" where none is known in the currency. */
export const chargeLabel = (m: TimelineMark): string =>
	m.message.unpriced ? 'no rate' : formatMicros(m.charge);

export function markCharge(m: TimelineMark, currency: string): string {
	if (m.outcome === 'charged')
		return m.message.unpriced ? 'charge due, no rate known' : `${formatMicros(m.charge)} ${currency}`;
	return m.outcome === 'received' ? '' : 'no charge';
}

const labels = new WeakMap<TimelineMark, string>();

/**
 * "Tue 12 Sep 2023 12:00, Marketing template, charged, 0.0411 USD". Blocked and failed marks carry
 * their reason in the name too: it is the one thing a screen-reader user must not miss.
 * Cached per mark because Intl formatting is the costly part and marks outlive zoom steps.
 */
export function markAriaLabel(m: TimelineMark, timeZone: string, currency: string): string {
	let s = labels.get(m);
	if (s === undefined) {
		const charge = markCharge(m, currency);
		const parts = [formatLocal(m.at, timeZone), markKind(m), OUTCOME_WORDS[m.outcome], charge].filter(
			Boolean
		);
		if (m.outcome === 'blocked' || m.outcome === 'failed') parts.push(m.message.reason);
		s = parts.join(', ');
		labels.set(m, s);
	}
	return s;
}
