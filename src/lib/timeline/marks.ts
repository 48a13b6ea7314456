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

/** Where an amount label sits: centred above its mark, or beside it (a crowded or lowered mark). */
export type LabelSide = 'above' | 'right' | 'left';

interface Box {
	x0: number;
	x1: number;
	y0: number;
	y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
/** Half the size of a mark's box, and the gap between a mark and a label beside it. */
const MARK_HALF = 7;
const BESIDE = 9;

/** A label's box relative to its lane's line (y 0; a lowered mark's line is LOWERED_PX down). */
function labelBox(side: LabelSide, cx: number, ly: number, w: number): Box {
	if (side === 'above') return { x0: cx - w / 2, x1: cx + w / 2, y0: ly - 20, y1: ly - 8 };
	const x0 = side === 'right' ? cx + BESIDE : cx - BESIDE - w;
	// Beside a mark on the lane's line the label sits a little high, beside a lowered one a little low
	// (see besideBaseline), so the two amounts of a stacked pair never touch.
	return ly ? { x0, x1: x0 + w, y0: ly - 5, y1: ly + 8 } : { x0, x1: x0 + w, y0: ly - 9, y1: ly + 3 };
}

/** The baseline of a label beside a mark, from the mark's centre: higher on the line, lower when lowered. */
export const besideBaseline = (lowered: boolean): number => (lowered ? 7 : 1);

/**
 * Greedy left-to-right, collision-avoiding: a charged mark gets its amount above it when that clears
 * the labels already placed in its lane; else beside it (right, then left) when that clears them and
 * the marks around. A lowered mark's label never goes above (it would sit on the mark above it), so
 * two close messages (use case 5's 12:00 and 12:05 at "Fit") both keep their amounts. `beside`
 * false: above or nothing (the dense canvas view). Dense zooms show fewer labels rather than a smear.
 */
export function pickLabels(
	marks: readonly TimelineMark[],
	x: (t: number) => number,
	width = Infinity,
	lowered: ReadonlySet<number> = new Set(),
	beside = true
): Map<number, LabelSide> {
	const out = new Map<number, LabelSide>();
	const placed: Record<string, Box[]> = {};
	const lineOf = (m: TimelineMark) => (lowered.has(m.i) ? LOWERED_PX : 0);
	/** Whether a box beside mark k covers another mark of its lane (its neighbours, by x order). */
	const coversMark = (k: number, box: Box, lane: string) => {
		for (const dir of [-1, 1]) {
			for (let j = k + dir; j >= 0 && j < marks.length; j += dir) {
				const n = marks[j] as TimelineMark;
				const nx = x(n.at);
				if (dir > 0 ? nx - MARK_HALF >= box.x1 : nx + MARK_HALF <= box.x0) break;
				if (n.lane !== lane) continue;
				const ly = lineOf(n);
				if (overlaps(box, { x0: nx - MARK_HALF, x1: nx + MARK_HALF, y0: ly - MARK_HALF, y1: ly + MARK_HALF }))
					return true;
			}
		}
		return false;
	};
	/** A mark drawn on (nearly) the same spot as another on its line is hidden: it gets no label beside it. */
	const hidden = (k: number, cx: number, ly: number, lane: string) =>
		coversMark(k, { x0: cx - MARK_HALF + 1, x1: cx + MARK_HALF - 1, y0: ly - 1, y1: ly + 1 }, lane);
	marks.forEach((m, k) => {
		if (m.outcome !== 'charged') return;
		const w = labelWidth(chargeLabel(m));
		const cx = x(m.at);
		const ly = lineOf(m);
		const taken = (placed[m.lane] ??= []);
		const nextTo: LabelSide[] = beside && !hidden(k, cx, ly, m.lane) ? ['right', 'left'] : [];
		const sides: LabelSide[] = ly ? nextTo : ['above', ...nextTo];
		for (const side of sides) {
			const box = labelBox(side, cx, ly, w);
			// A label cut by the plot's edge reads as another amount: leave it out.
			if (box.x0 < 0 || box.x1 > width) continue;
			if (taken.some((b) => overlaps(b, box))) continue;
			if (side !== 'above' && coversMark(k, box, m.lane)) continue;
			out.set(m.i, side);
			taken.push({ ...box, x1: box.x1 + 4 });
			return;
		}
	});
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
