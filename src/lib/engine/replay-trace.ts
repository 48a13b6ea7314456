/**
 * What a machine-path replay leaves behind so that the replay of an edit can resume instead of
 * starting over: the events it folded and, every few events, the machines' persisted snapshot with
 * the replay's own bookkeeping (a checkpoint). An edit changes the scenario from some event on; the
 * events before it, and so the state up to the last checkpoint before it, are the same. Editing the
 * last of 1,000 events then re-prices a few dozen events, not 1,000 (the sandbox's edits, issue 9).
 * Kept beside the ledger (a WeakMap), never in it: ledgers are plain data that get saved and posted.
 */
import type { Scenario, TimedEvent } from '$lib/domain/scenario';
import type { Snapshot } from 'xstate';
import type { Decision } from './kernel';
import type { Ledger, LedgerConversation, LedgerSnapshot, LedgerWindow } from './ledger';
import type { RecorderState } from './snapshots';
import type { VolumeTierCounter } from './volume-tier-counter';

/** The replay's state before the event at `position` (time order): enough to go on from there. */
export interface Checkpoint {
	position: number;
	/** The chat machine's persisted snapshot (its children's included), with a tier counter of its own. */
	machine: Snapshot<unknown>;
	windows: LedgerWindow[];
	conversations: LedgerConversation[];
	openServiceWindow: LedgerWindow | null;
	lastFreeEntryPoint: number | null;
	recorder: RecorderState;
}

export interface ReplayTrace {
	/** The machine (rules table) that replayed. */
	machine: object;
	scenario: Scenario;
	events: readonly TimedEvent[];
	decisions: readonly Decision[];
	snapshots: readonly LedgerSnapshot[];
	/** Ascending by position. */
	checkpoints: Checkpoint[];
}

const traces = new WeakMap<Ledger, ReplayTrace>();
export const traceOf = (ledger: Ledger): ReplayTrace | undefined => traces.get(ledger);
export const keepTrace = (ledger: Ledger, trace: ReplayTrace): void => void traces.set(ledger, trace);

/** Checkpoints are taken for runs up to this size (the machine path's); every `checkpointEvery` events. */
export const CHECKPOINT_RUNS_UP_TO = 5_000;
export const checkpointEvery = (events: number): number => Math.max(16, Math.ceil(events / 20));

/** Whether `a` and `b` may differ in their events only: every other field the same (objects by identity). */
export function sameExceptEvents(a: Scenario, b: Scenario): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	keys.delete('events');
	for (const k of keys)
		if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
	return true;
}

/** The first time-order position where the two event lists differ (instant, input position or event). */
export function firstDifference(a: readonly TimedEvent[], b: readonly TimedEvent[]): number {
	const n = Math.min(a.length, b.length);
	for (let k = 0; k < n; k++) {
		const x = a[k] as TimedEvent;
		const y = b[k] as TimedEvent;
		if (x.t !== y.t || x.index !== y.index || x.event !== y.event) return k;
	}
	return n;
}

/** The last checkpoint of `trace` at or before `position`, or null (replay from the start). */
export function checkpointAtOrBefore(trace: ReplayTrace, position: number): Checkpoint | null {
	let found: Checkpoint | null = null;
	for (const c of trace.checkpoints) {
		if (c.position > position) break;
		found = c;
	}
	return found && found.position > 0 ? found : null;
}

type ChatPersisted = Snapshot<unknown> & {
	context: { tiers: VolumeTierCounter; conversations: Record<string, unknown> };
};

/**
 * A copy of a persisted snapshot that a restore may change: XState revives the actor references in
 * its context in place (StateMachine.restoreSnapshot), so the object holding the conversations' ones
 * is copied, and the tier counter (the one part mutated as the replay runs) is the copy's own.
 */
export function ownCopy(snapshot: Snapshot<unknown>): Snapshot<unknown> {
	const s = snapshot as ChatPersisted;
	const context = {
		...s.context,
		conversations: { ...s.context.conversations },
		tiers: s.context.tiers.clone()
	};
	return { ...s, context } as unknown as Snapshot<unknown>;
}
