/**
 * The sandbox page's session: the scenario being edited, its ledger (re-replayed when the scenario
 * changes), the playhead and the state at it, undo/redo. One instance per page, shared via context.
 */
import { createContext } from 'svelte';
import { timedEvents, type Scenario } from '$lib/domain/scenario';
import { asEpochMs, type EpochMs } from '$lib/domain/units';
import type { Ledger } from '$lib/engine/ledger';
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
	}

	/** Loads another scenario (open a run, a use case): no undo across loads. */
	load(scenario: Scenario, runId: string | null = null): void {
		this.scenario = scenario;
		this.runId = runId;
		this.past = [];
		this.future = [];
		this.playhead = firstInstant(scenario);
		this.revision++;
	}

	undo(): void {
		const prev = this.past.at(-1);
		if (!prev) return;
		this.future = [this.scenario, ...this.future];
		this.past = this.past.slice(0, -1);
		this.scenario = prev;
		this.revision++;
	}

	redo(): void {
		const next = this.future[0];
		if (!next) return;
		this.past = [...this.past, this.scenario];
		this.future = this.future.slice(1);
		this.scenario = next;
		this.revision++;
	}
}

function firstInstant(scenario: Scenario): EpochMs {
	return timedEvents(scenario)[0]?.t ?? asEpochMs(Date.UTC(2023, 8, 12));
}

export const [getSandboxSession, setSandboxSession] = createContext<SandboxSession>();
