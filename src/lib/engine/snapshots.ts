/**
 * The snapshots `stateAt` looks up, recorded the same way by both engines: one after every event
 * (the state the engine reports), and one at every window end between events (the previous one
 * without that window), so scrubbing is a binary search, never a re-run.
 */
import { asEpochMs, type Micros } from '$lib/domain/units';
import type { ConversationCategory } from '$lib/domain/scenario';
import { emptyTotals, type LedgerConversation, type LedgerSnapshot, type LedgerWindow } from './ledger';
import { closesAt } from './window-end';

/** What an engine reports after an event: the open windows and conversations. */
export interface OpenState {
	serviceWindow: LedgerWindow | null;
	freeEntryPoint: number | null;
	/** Ids of the open conversations, ascending. */
	conversations: number[];
}

/** What records the snapshots as an engine runs: as objects (below) or as columns (snapshot-columns.ts). */
export interface SnapshotSink {
	/** A message was decided: counts it and adds its charge to the totals. */
	count(category: ConversationCategory | null, charge: number): void;
	/** The state right after the event at `at`. */
	take(at: number, open: OpenState): void;
	/** Every window end up to `t` (inclusive) becomes a snapshot of its own. */
	endsUntil(t: number): void;
}

/** Where a SnapshotRecorder stands: how many snapshots it took, and its running counts. */
export interface RecorderState {
	snapshots: number;
	total: number;
	totals: Record<ConversationCategory, Micros>;
	messages: number;
}

export class SnapshotRecorder implements SnapshotSink {
	readonly snapshots: LedgerSnapshot[];
	private total = 0;
	// Replaced (never mutated) when a charge lands, so unchanged snapshots share one object.
	private totals = emptyTotals();
	private messages = 0;

	constructor(
		private readonly inclusive: boolean,
		/** The engine's live lists: read by id when an end is due. */
		private readonly windows: readonly LedgerWindow[],
		private readonly conversations: readonly LedgerConversation[],
		/** Where to go on from: a state an earlier recorder was in, and the snapshots it had taken. */
		from?: { state: RecorderState; snapshots: readonly LedgerSnapshot[] }
	) {
		this.snapshots = from ? from.snapshots.slice(0, from.state.snapshots) : [];
		if (from) ({ total: this.total, totals: this.totals, messages: this.messages } = from.state);
	}

	/** Where it stands now (snapshots are never mutated, so their count is enough). */
	state(): RecorderState {
		const { total, totals, messages } = this;
		return { snapshots: this.snapshots.length, total, totals, messages };
	}

	/** A message was decided: counts it and adds its charge to the totals. */
	count(category: ConversationCategory | null, charge: number): void {
		this.messages++;
		if (!charge) return;
		this.total += charge;
		if (!category) return;
		// Written out, not spread: a large run lands here once per charged message.
		const { marketing, utility, authentication, service } = this.totals;
		const totals = { marketing, utility, authentication, service };
		totals[category] = (totals[category] + charge) as Micros;
		this.totals = totals;
	}

	/**
	 * The state right after the event at `at`. A large run takes one per event, so what did not
	 * change since the previous one (the window's record, the list of open conversations) is shared
	 * with it rather than copied: snapshots are never mutated.
	 */
	take(at: number, open: OpenState): void {
		const prev = this.snapshots.at(-1);
		const sw = open.serviceWindow;
		const was = prev?.serviceWindow ?? null;
		this.snapshots.push({
			at: asEpochMs(at),
			serviceWindow: !sw
				? null
				: was && was.id === sw.id && was.expiresAt === sw.expiresAt && was.lastResetAt === sw.lastResetAt
					? was
					: { id: sw.id, expiresAt: sw.expiresAt, lastResetAt: sw.lastResetAt },
			freeEntryPoint: open.freeEntryPoint,
			conversations:
				prev && sameIds(prev.conversations, open.conversations) ? prev.conversations : open.conversations,
			messagesSoFar: this.messages,
			total: this.total as Micros,
			totalsByCategory: this.totals
		});
	}

	/** Every window end up to `t` (inclusive) becomes a snapshot of its own. */
	endsUntil(t: number): void {
		const end = (expiresAt: number | undefined) => closesAt(expiresAt ?? Infinity, this.inclusive);
		for (let prev = this.snapshots.at(-1); prev; prev = this.snapshots.at(-1)) {
			let d = Infinity;
			if (prev.serviceWindow !== null) d = Math.min(d, end(prev.serviceWindow.expiresAt));
			if (prev.freeEntryPoint !== null) d = Math.min(d, end(this.windows[prev.freeEntryPoint]?.expiresAt));
			for (const id of prev.conversations) d = Math.min(d, end(this.conversations[id]?.expiresAt));
			if (d > t || d === Infinity) return;
			this.snapshots.push({
				...prev,
				at: asEpochMs(d),
				serviceWindow:
					prev.serviceWindow !== null && end(prev.serviceWindow.expiresAt) > d ? prev.serviceWindow : null,
				freeEntryPoint:
					prev.freeEntryPoint !== null && end(this.windows[prev.freeEntryPoint]?.expiresAt) > d
						? prev.freeEntryPoint
						: null,
				conversations: prev.conversations.filter((id) => end(this.conversations[id]?.expiresAt) > d)
			});
		}
	}
}

const sameIds = (a: readonly number[], b: readonly number[]): boolean =>
	a.length === b.length && a.every((id, k) => id === b[k]);
