/**
 * The timeline's view model: from the component's props (read through getters, so it stays
 * reactive) to everything the layers draw — the visible time range and its scale, lane rows, the
 * marks and bands in view, canvas or SVG, ticks. It keeps the one piece of view state, the range
 * the user zoomed or panned to, which survives edits of the same scenario. Timeline.svelte owns the
 * pointer and focus state and the bindable playhead.
 */
import { untrack } from 'svelte';
import type { Scenario } from '$lib/domain/scenario';
import { zoneOffsetMs } from '$lib/domain/time';
import { asEpochMs, HOUR, type EpochMs } from '$lib/domain/units';
import type { Ledger } from '$lib/engine/ledger';
import { markY } from './canvas-marks';
import { contentExtent, laneItems, laneRows, type LaneRow, type TimelineMark } from './lanes';
import { hitTest, LOWERED_PX, pickLabels, stackMarks, visibleSlice } from './marks';
import { clampDomain, fitDomain, MAX_SPAN, MIN_SPAN, timeScale, zoomAround, type Domain } from './scale';
import { zonedTicks } from './ticks';

/** Axis strip: the playhead's badge on top, tick labels under it. */
export const AXIS = 48;
const TOOLBAR = 44;
/** In canvas mode no mark is lowered under a neighbour. */
const NONE_LOWERED: ReadonlySet<number> = new Set();

/** The props the view reads; getters, so each read is tracked where it happens. */
export interface TimelineInputs {
	readonly scenario: Scenario;
	readonly ledger: Ledger;
	readonly playhead: EpochMs;
	readonly height: number | undefined;
	/** Fixed width in px, if any; else the measured one. */
	readonly width: number | undefined;
	readonly denseThreshold: number;
}

export class TimelineView {
	// Fields that read the props use $derived.by: TypeScript takes a plain $derived(…) as reading
	// `#in` before the constructor sets it, though Svelte evaluates deriveds only when read.
	readonly #in: TimelineInputs;
	/** The container's width as last measured (0 before, and in jsdom). */
	measured = $state(0);

	readonly width = $derived.by(() => this.#in.width ?? (this.measured > 0 ? this.measured : 960));
	/** Phone-sized (360–480 px): a narrower label column with short lane names, so the plot keeps its room. */
	readonly narrow = $derived(this.width < 480);
	readonly labelCol = $derived(this.narrow ? 92 : this.width < 720 ? 116 : 132);
	readonly plotWidth = $derived(Math.max(120, this.width - this.labelCol));
	readonly tz = $derived.by(() => this.#in.scenario.timezone);
	readonly currency = $derived.by(() => this.#in.ledger.currency);

	readonly items = $derived.by(() => laneItems(this.#in.ledger));
	readonly #byIndex = $derived.by(() => {
		const a: TimelineMark[] = [];
		for (const m of this.items.marks) a[m.i] = m;
		return a;
	});
	/** The extent last given (a cache for `extent`, not state). */
	#lastExtent: Domain | null = null;
	/**
	 * Where there is content; an empty scenario still needs a range (read untracked: drags must not
	 * re-lay out). The same array while the span is the same, so an edit that keeps it (a regime
	 * switch, a category) leaves the domain, scale and axis ticks alone.
	 */
	readonly extent: Domain = $derived.by(() => {
		const e =
			contentExtent(this.#in.ledger) ??
			untrack(() => [this.#in.playhead - HOUR, this.#in.playhead + HOUR] as Domain);
		const last = this.#lastExtent;
		if (last && last[0] === e[0] && last[1] === e[1]) return last;
		return (this.#lastExtent = e);
	});

	// The view survives edits of the same scenario; loading another one (or Fit) returns to the fitted view.
	readonly #viewKey = $derived.by(() => `${this.#in.scenario.name}\u0000${this.tz}`);
	#userView = $state.raw<{ key: string; domain: Domain } | null>(null);
	readonly domain: Domain = $derived(
		this.#userView?.key === this.#viewKey ? this.#userView.domain : fitDomain(this.extent)
	);
	readonly span = $derived(this.domain[1] - this.domain[0]);

	readonly x = $derived(timeScale(this.domain, this.plotWidth));
	readonly msPerPx = $derived(this.span / this.plotWidth);
	readonly layout = $derived.by(() => {
		const h = this.#in.height;
		return laneRows(AXIS, h === undefined ? undefined : h - TOOLBAR - 8);
	});
	readonly rows: Record<string, LaneRow> = $derived(
		Object.fromEntries(this.layout.rows.map((r) => [r.id, r]))
	);
	readonly visibleMarks = $derived(visibleSlice(this.items.marks, this.domain, 12 * this.msPerPx));
	readonly dense = $derived.by(() => this.visibleMarks.length > this.#in.denseThreshold);
	readonly lowered: ReadonlySet<number> = $derived(
		this.dense ? NONE_LOWERED : stackMarks(this.visibleMarks, this.x)
	);
	readonly labelled = $derived(
		pickLabels(this.visibleMarks, this.x, this.plotWidth, this.lowered, !this.dense)
	);
	readonly visibleBands = $derived(
		this.items.bands.filter((b) => b.end >= this.domain[0] && b.start <= this.domain[1])
	);
	readonly ticks = $derived(zonedTicks(this.domain, this.plotWidth, this.tz).ticks);
	/** The zone's UTC offset in the middle of the view, for the toolbar's zone label. */
	readonly offset = $derived(zoneOffsetMs(asEpochMs((this.domain[0] + this.domain[1]) / 2), this.tz));
	readonly canZoomIn = $derived(this.span > MIN_SPAN * 1.01);
	readonly canZoomOut = $derived(this.span < MAX_SPAN * 0.99);

	constructor(inputs: TimelineInputs) {
		this.#in = inputs;
	}

	/** Shows `d` (clamped to the content), remembered for this scenario. */
	setDomain = (d: Domain): void => {
		this.#userView = { key: this.#viewKey, domain: clampDomain(d, { bounds: this.extent }) };
	};

	/** Back to the fitted view. */
	fit(): void {
		this.#userView = null;
	}

	/** Zooms around the playhead when it is in view, else around the middle. */
	zoomBy(factor: number): void {
		const [a, b] = this.domain;
		const p = this.#in.playhead;
		this.setDomain(zoomAround(this.domain, p >= a && p <= b ? p : (a + b) / 2, factor));
	}

	/** A playhead moved by keyboard off screen brings the view along, centred on it. */
	follow(t: EpochMs): void {
		if (t < this.domain[0] || t > this.domain[1]) this.setDomain([t - this.span / 2, t + this.span / 2]);
	}

	/** An instant clamped to the content and rounded to the millisecond. */
	clampTime = (t: number): EpochMs =>
		asEpochMs(Math.round(Math.min(this.extent[1], Math.max(this.extent[0], t))));

	/** Where a mark is drawn vertically: its lane, lowered when stacked under a neighbour. */
	yOf = (m: TimelineMark): number => markY(this.rows[m.lane]) + (this.lowered.has(m.i) ? LOWERED_PX : 0);

	markAt(i: number): TimelineMark | null {
		return this.#byIndex[i] ?? null;
	}

	/** In canvas mode: the mark nearest `t` within 7 px in the message lane at `y` (plot coordinates). */
	markNear(y: number, t: number): TimelineMark | null {
		const row = this.layout.rows.find((l) => l.kind === 'marks' && y >= l.y && y < l.y + l.height);
		if (row?.id !== 'customer' && row?.id !== 'business') return null;
		return hitTest(this.visibleMarks, row.id, t, 7 * this.msPerPx);
	}
}
