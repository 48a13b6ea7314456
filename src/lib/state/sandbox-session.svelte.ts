/**
 * The sandbox page's session: the scenario being edited, its ledger (re-priced when the scenario
 * changes), the playhead and the state at it, undo/redo. One instance per page.
 * Scenarios up to MACHINE_PATH_MAX_EVENTS are priced at once on the machine path; larger ones on the
 * bulk path in a worker, with `pricing` saying what is going on until the ledger arrives.
 */
import type { Scenario, TimedEvent } from '$lib/domain/scenario';
import { startOfLocalHour } from '$lib/domain/blank-start';
import { asEpochMs, HOUR, type EpochMs } from '$lib/domain/units';
import { endOfConversation, type Ledger } from '$lib/engine/ledger';
import { MACHINE_PATH_MAX_EVENTS, pathFor } from '$lib/engine/price';
import { emptyLedger } from '$lib/engine/replay';
import type { BulkPricer } from './bulk-pricer';
import { ledgerCache, priceRegimesWhenIdle } from './ledger-cache';
import { timedEventsOf } from './timed-events';
import { stateAt, type StateAt } from '$lib/engine/state-at';
import { captionsOf, narratedOriginal, nextStop, stepStops, type Caption } from '$lib/engine/captions';

const HISTORY_LIMIT = 200;
export { MACHINE_PATH_MAX_EVENTS };

export class SandboxSession {
	/** Replaced whole on every edit (never mutated), so `$state.raw` is enough and cheap. */
	private current = $state.raw<Scenario>(null as unknown as Scenario);
	/** The ledger of the scenario, or, while a large one is being priced, the last one priced. */
	ledger = $state.raw<Ledger>(null as unknown as Ledger);
	/** Non-null while a large scenario is priced in the worker (the ledger shown is then stale or empty). */
	pricing = $state.raw<{ events: number; phase: string; startedAt: number } | null>(null);
	/** Why the last large scenario could not be priced, if it could not. */
	pricingError = $state<string | null>(null);
	/** Loaded with the first large scenario (its code stays out of the page's initial JS). */
	private bulk: Promise<BulkPricer> | null = null;
	playhead = $state<EpochMs>(asEpochMs(0));
	state: StateAt = $derived(stateAt(this.ledger, this.playhead));
	/** Where this tab keeps the scenario's unsaved draft (a source and a tab: storage/draft-slots.ts). */
	draftSlot = 'blank@tab';
	/** Another tab's draft this session took over (a closed tab's): cleared once saved. */
	adoptedDraftSlot: string | null = null;
	/** Id of the saved run this scenario belongs to, if any (set by the runs library). */
	runId = $state<string | null>(null);
	/** Bumped on every edit; the runs library compares it with what it saved last. */
	revision = $state(0);
	/** Input index of the selected event (timeline, message list, editor), or null. */
	selected = $state<number | null>(null);
	/** Events in time order: stepping, the message list. */
	timed: TimedEvent[] = $derived(timedEventsOf(this.scenario));
	/** From the first event to the last instant anything is still open: where playback runs. */
	span: { start: EpochMs; end: EpochMs } = $derived(spanOf(this.scenario, this.timed, this.ledger));
	/** The scenario as opened (a load replaces it): what its narration is checked against after edits. */
	private opened = $state.raw<Scenario>(null as unknown as Scenario);
	/** The scenario the narration was written for, priced (null: no narration, or too large to price twice). */
	private original = $derived.by(() => {
		const scenario = this.current;
		if (!scenario.narration?.length) return null;
		const o = narratedOriginal(scenario, this.opened);
		if (o === scenario) return { scenario: o, ledger: this.ledger };
		if (pathFor(o) !== 'machines') return null;
		// Priced once per original, not on every edit (a plain field: a cache, not state).
		if (this.pricedOriginal?.scenario !== o)
			this.pricedOriginal = { scenario: o, ledger: ledgerCache.replay(o) };
		return this.pricedOriginal;
	});
	private pricedOriginal: { scenario: Scenario; ledger: Ledger } | null = null;
	/** Captions in time order: narration (flagged once it no longer matches) and event notes. */
	captions: Caption[] = $derived.by(() => {
		// The ledger and the pricing state are read only when there is narration to check, so a large
		// run's charges arriving do not redo its 100,000 events' captions and stops.
		const o = this.original;
		const original = o && this.ledgerIsCurrent ? o : null;
		const edited = original !== null && original.scenario !== this.current;
		return captionsOf(this.current, this.timed, edited ? this.ledger : null, original);
	});
	/** Where "Previous / Next event" stop: every event and every caption. */
	private stops: Float64Array = $derived(stepStops(this.timed, this.captions));
	/** The scenario differs from the one its narration was written for (shown as "edited"). */
	get edited(): boolean {
		const o = this.original;
		return o !== null && o.scenario !== this.current;
	}
	private past = $state.raw<Scenario[]>([]);
	private future = $state.raw<Scenario[]>([]);

	/** The scenario being edited; setting it re-prices it. */
	get scenario(): Scenario {
		return this.current;
	}
	set scenario(next: Scenario) {
		this.assign(next, false);
	}

	/** Replaces the scenario; `edited`: an edit of the same run (a large one keeps showing its last ledger meanwhile). */
	private assign(next: Scenario, edited: boolean): void {
		this.current = next;
		this.reprice(next, edited);
	}

	/** True when `ledger` belongs to the scenario shown (not a stale one while a large run is priced). */
	get ledgerIsCurrent(): boolean {
		return this.pricing === null && this.pricingError === null;
	}

	private reprice(scenario: Scenario, edited: boolean): void {
		this.stopIdlePricing();
		const priced = this.priced?.scenario === scenario ? this.priced.ledger : null;
		this.priced = null;
		if (priced) return this.await(scenario, priced);
		if (pathFor(scenario) === 'machines') {
			this.pricing = null;
			this.pricingError = null;
			// Undo, redo and a regime switched back are found in the cache; the other regimes are
			// priced while the page is idle, so switching to one is found there too.
			this.ledger = ledgerCache.replay(scenario);
			this.stopIdlePricing = priceRegimesWhenIdle(scenario);
			return;
		}
		// A different scenario (a load) must not show the previous one's charges meanwhile.
		if (!edited || !this.ledger) this.ledger = emptyLedger(scenario);
		this.pricingError = null;
		this.pricing = { events: scenario.events.length, phase: 'starting', startedAt: Date.now() };
		this.bulk ??= import('./bulk-pricer').then((m) => new m.BulkPricer());
		const failed = (message: string) => {
			if (this.current !== scenario) return;
			this.pricing = null;
			this.pricingError = message;
		};
		this.bulk.then(
			(bulk) =>
				bulk.price(scenario, {
					progress: (phase) => {
						if (this.current === scenario && this.pricing) this.pricing = { ...this.pricing, phase };
					},
					done: (ledger) => {
						if (this.current !== scenario) return;
						this.ledger = ledger;
						this.pricing = null;
					},
					error: failed
				}),
			(e: unknown) =>
				failed(`The pricing code could not be loaded: ${e instanceof Error ? e.message : String(e)}`)
		);
	}

	/** Cancels the idle pricing of the previous scenario's other regimes. */
	private stopIdlePricing: () => void = () => {};

	/** Stops the pricing worker and the idle pricing (the page is left). */
	dispose(): void {
		this.stopIdlePricing();
		void this.bulk?.then((b) => b.dispose());
		this.bulk = null;
	}

	/** The ledger of the scenario being opened, priced elsewhere (a long share link: in its worker). */
	private priced: { scenario: Scenario; ledger: Promise<Ledger> } | null = null;

	/** Shows `scenario` at once and its ledger when `ledger` gives it; if that fails, prices it here. */
	private await(scenario: Scenario, ledger: Promise<Ledger>): void {
		this.ledger = emptyLedger(scenario);
		this.pricingError = null;
		const n = scenario.events.length;
		this.pricing = { events: n, phase: `pricing ${n.toLocaleString('en-US')} events`, startedAt: Date.now() };
		ledger.then(
			(l) => {
				if (this.current !== scenario) return;
				this.ledger = l;
				this.pricing = null;
			},
			() => {
				if (this.current === scenario) this.reprice(scenario, false);
			}
		);
	}

	constructor(scenario: Scenario, runId: string | null = null, ledger?: Promise<Ledger>) {
		if (ledger) this.priced = { scenario, ledger };
		this.scenario = scenario;
		this.opened = scenario;
		this.runId = runId;
		this.playhead = firstInstant(scenario);
	}

	get canUndo(): boolean {
		return this.past.length > 0;
	}
	get canRedo(): boolean {
		return this.future.length > 0;
	}

	/** An edit: replaces the scenario and records the previous one for undo. */
	edit(next: Scenario): void {
		this.past = [...this.past.slice(-HISTORY_LIMIT + 1), this.scenario];
		this.future = [];
		this.assign(next, true);
		this.revision++;
		this.clampSelection();
	}

	/** Loads another scenario (open a run, a use case): no undo across loads. */
	load(scenario: Scenario, runId: string | null = null): void {
		this.scenario = scenario;
		this.opened = scenario;
		this.runId = runId;
		this.past = [];
		this.future = [];
		this.playhead = firstInstant(scenario);
		this.selected = null;
		this.revision++;
	}

	undo(): void {
		const prev = this.past.at(-1);
		if (!prev) return;
		this.future = [this.scenario, ...this.future];
		this.past = this.past.slice(0, -1);
		this.assign(prev, true);
		this.revision++;
		this.clampSelection();
	}

	redo(): void {
		const next = this.future[0];
		if (!next) return;
		this.past = [...this.past, this.scenario];
		this.future = this.future.slice(1);
		this.assign(next, true);
		this.revision++;
		this.clampSelection();
	}

	/** Moves the playhead to an event and selects it (a click in the message list, stepping). */
	goToEvent(index: number): void {
		const e = this.timed.find((x) => x.index === index);
		if (!e) return;
		this.playhead = e.t;
		this.selected = index;
	}

	/**
	 * To the next (+1) or previous (−1) moment strictly after / before the playhead: an event (then
	 * selected) or a caption's instant, so stepping reaches every caption.
	 */
	step(direction: 1 | -1): void {
		const t = nextStop(this.stops, this.playhead, direction);
		if (t === null) return;
		const event = this.timed.find((e) => e.t === t);
		if (event) this.goToEvent(event.index);
		else this.playhead = t;
	}

	/**
	 * Whether step(direction) goes anywhere: Next is disabled at the last moment, Previous at the
	 * first. Events and captions are each in time order, so their ends say it without the stops (built
	 * at the first step: 100,000 of them cost a large run's first render ~20 ms).
	 */
	canStep(direction: 1 | -1): boolean {
		const { timed, captions, playhead } = this;
		if (direction > 0)
			return (timed.at(-1)?.t ?? -Infinity) > playhead || (captions.at(-1)?.t ?? -Infinity) > playhead;
		return (timed[0]?.t ?? Infinity) < playhead || (captions[0]?.t ?? Infinity) < playhead;
	}

	private clampSelection(): void {
		if (this.selected !== null && this.selected >= this.scenario.events.length) this.selected = null;
	}
}

/**
 * Where a scenario with no events is shown: this hour in its zone, as a blank start is (issue 14
 * point 4) — also for an emptied draft or saved run, not a fixed day in 2023.
 */
const emptyStart = (scenario: Scenario): EpochMs =>
	startOfLocalHour(asEpochMs(Date.now()), scenario.timezone);

function spanOf(
	scenario: Scenario,
	timed: readonly TimedEvent[],
	ledger: Ledger
): { start: EpochMs; end: EpochMs } {
	const first = timed[0]?.t;
	if (first === undefined) {
		const t = emptyStart(scenario);
		return { start: t, end: asEpochMs(t + 24 * HOUR) };
	}
	let end: number = timed.at(-1)?.t ?? first;
	for (const c of ledger.conversations) end = Math.max(end, endOfConversation(c));
	for (const w of ledger.windows) end = Math.max(end, w.expiresAt);
	return { start: first, end: asEpochMs(end) };
}

function firstInstant(scenario: Scenario): EpochMs {
	return timedEventsOf(scenario)[0]?.t ?? emptyStart(scenario);
}
