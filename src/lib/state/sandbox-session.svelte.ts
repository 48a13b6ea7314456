/**
 * The sandbox page's session: the scenario being edited, its ledger (re-replayed when the scenario
 * changes), the playhead and the state at it, undo/redo. One instance per page, shared via context.
 */
import { createContext } from 'svelte';
import { timedEvents, type Scenario, type TimedEvent } from '$lib/domain/scenario';
import { asEpochMs, HOUR, type EpochMs } from '$lib/domain/units';
import { endOfConversation, type Ledger } from '$lib/engine/ledger';
import { replay } from '$lib/engine/replay';
import { stateAt, type StateAt } from '$lib/engine/state-at';

const HISTORY_LIMIT = 200;

export class SandboxSession {
	/** Replaced whole on every edit (never mutated), so `$state.raw` is enough and cheap. */
	scenario = $state.raw<Scenario>(null as unknown as Scenario);
	ledger: Ledger = $derived(replay(this.scenario));
	playhead = $state<EpochMs>(asEpochMs(0));
	state: StateAt = $derived(stateAt(this.ledger, this.playhead));
	/** Id of the saved run this scenario belongs to, if any (set by the runs library). */
	runId = $state<string | null>(null);
	/** Bumped on every edit; the runs library compares it with what it saved last. */
	revision = $state(0);
	/** Input index of the selected event (timeline, message list, editor), or null. */
	selected = $state<number | null>(null);
	/** Events in time order: stepping, the message list. */
	timed: TimedEvent[] = $derived(timedEvents(this.scenario));
	/** From the first event to the last instant anything is still open: where playback runs. */
	span: { start: EpochMs; end: EpochMs } = $derived(spanOf(this.timed, this.ledger));
	private past = $state.raw<Scenario[]>([]);
	private future = $state.raw<Scenario[]>([]);

	constructor(scenario: Scenario, runId: string | null = null) {
		this.scenario = scenario;
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
		this.scenario = next;
		this.revision++;
		this.clampSelection();
	}

	/** Loads another scenario (open a run, a use case): no undo across loads. */
	load(scenario: Scenario, runId: string | null = null): void {
		this.scenario = scenario;
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
		this.scenario = prev;
		this.revision++;
		this.clampSelection();
	}

	redo(): void {
		const next = this.future[0];
		if (!next) return;
		this.past = [...this.past, this.scenario];
		this.future = this.future.slice(1);
		this.scenario = next;
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

	/** The next (+1) or previous (−1) event strictly after / before the playhead, selected. */
	step(direction: 1 | -1): void {
		const t = this.playhead;
		const target = direction > 0 ? this.timed.find((e) => e.t > t) : this.timed.findLast((e) => e.t < t);
		if (target) this.goToEvent(target.index);
	}

	private clampSelection(): void {
		if (this.selected !== null && this.selected >= this.scenario.events.length) this.selected = null;
	}
}

function spanOf(timed: readonly TimedEvent[], ledger: Ledger): { start: EpochMs; end: EpochMs } {
	const first = timed[0]?.t;
	if (first === undefined) {
		const t = asEpochMs(Date.UTC(2023, 8, 12));
		return { start: t, end: asEpochMs(t + 24 * HOUR) };
	}
	let end: number = timed.at(-1)?.t ?? first;
	for (const c of ledger.conversations) end = Math.max(end, endOfConversation(c));
	for (const w of ledger.windows) end = Math.max(end, w.expiresAt);
	return { start: first, end: asEpochMs(end) };
}

function firstInstant(scenario: Scenario): EpochMs {
	return timedEvents(scenario)[0]?.t ?? asEpochMs(Date.UTC(2023, 8, 12));
}

export const [getSandboxSession, setSandboxSession] = createContext<SandboxSession>();
