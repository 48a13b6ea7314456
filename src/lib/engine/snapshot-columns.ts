/**
 * The bulk path's snapshots written straight into columns (SnapshotColumns, ledger-columns.ts): the
 * same snapshots SnapshotRecorder records as objects (snapshots.ts says which), without an object
 * per snapshot. A 100,000-event run in the pricing worker spent ~100 ms making 100,000 snapshot
 * objects and then copying them into these columns. column-ledger.test.ts reads the columns back as
 * the object ledger's snapshots, on random scenarios.
 */
import type { ConversationCategory } from '$lib/domain/scenario';
import type { LedgerConversation, LedgerWindow } from './ledger';
import { MESSAGE_CATEGORIES, NONE, type SnapshotColumns } from './ledger-columns';
import type { OpenState, SnapshotSink } from './snapshots';
import { closesAt } from './window-end';

type Growable = Exclude<SnapshotColumns[keyof SnapshotColumns], number>;

/** A copy of `a` with room for `size` entries. */
function grown<T extends Growable>(a: T, size: number): T {
	const b = new (a.constructor as new (n: number) => T)(size);
	b.set(a);
	return b;
}

export class ColumnSnapshotRecorder implements SnapshotSink {
	private c: SnapshotColumns;
	private capacity: number;
	private convCount = 0;
	private messages = 0;
	private total = 0;
	private readonly totals = new Float64Array(4);

	constructor(
		private readonly inclusive: boolean,
		/** The engine's live lists: read by id when an end is due. */
		private readonly windows: readonly LedgerWindow[],
		private readonly conversations: readonly LedgerConversation[],
		/** How many snapshots to make room for at first: one per event, and some window ends. */
		expected: number
	) {
		const n = (this.capacity = Math.ceil(expected * 1.25) + 16);
		this.c = {
			length: 0,
			at: new Float64Array(n),
			serviceWindow: new Int32Array(n),
			serviceExpiresAt: new Float64Array(n),
			serviceLastResetAt: new Float64Array(n),
			freeEntryPoint: new Int32Array(n),
			convStart: new Int32Array(n + 1),
			convIds: new Int32Array(n),
			messagesSoFar: new Int32Array(n),
			total: new Float64Array(n),
			totals: new Float64Array(n * 4)
		};
	}

	count(category: ConversationCategory | null, charge: number): void {
		this.messages++;
		if (!charge) return;
		this.total += charge;
		if (!category) return;
		const q = MESSAGE_CATEGORIES.indexOf(category);
		this.totals[q] = (this.totals[q] as number) + charge;
	}

	take(at: number, open: OpenState): void {
		const i = this.push(at);
		const c = this.c;
		const sw = open.serviceWindow;
		c.serviceWindow[i] = sw ? sw.id : NONE;
		c.serviceExpiresAt[i] = sw ? sw.expiresAt : NaN;
		c.serviceLastResetAt[i] = sw ? sw.lastResetAt : NaN;
		c.freeEntryPoint[i] = open.freeEntryPoint ?? NONE;
		for (const id of open.conversations) this.pushConversation(id);
		c.messagesSoFar[i] = this.messages;
		c.total[i] = this.total;
		c.totals.set(this.totals, i * 4);
	}

	endsUntil(t: number): void {
		const end = (expiresAt: number | undefined) => closesAt(expiresAt ?? Infinity, this.inclusive);
		for (let p = this.c.length - 1; p >= 0; p = this.c.length - 1) {
			const c = this.c;
			const sw = c.serviceWindow[p] as number;
			const fep = c.freeEntryPoint[p] as number;
			const from = c.convStart[p] as number;
			const to = this.convCount;
			let d = Infinity;
			if (sw !== NONE) d = Math.min(d, end(c.serviceExpiresAt[p]));
			if (fep !== NONE) d = Math.min(d, end(this.windows[fep]?.expiresAt));
			for (let k = from; k < to; k++)
				d = Math.min(d, end(this.conversations[c.convIds[k] as number]?.expiresAt));
			if (d > t || d === Infinity) return;
			// The previous snapshot at `d`, without what ended by then.
			const i = this.push(d);
			const cc = this.c;
			const swOpen = sw !== NONE && end(cc.serviceExpiresAt[p]) > d;
			cc.serviceWindow[i] = swOpen ? sw : NONE;
			cc.serviceExpiresAt[i] = swOpen ? (cc.serviceExpiresAt[p] as number) : NaN;
			cc.serviceLastResetAt[i] = swOpen ? (cc.serviceLastResetAt[p] as number) : NaN;
			cc.freeEntryPoint[i] = fep !== NONE && end(this.windows[fep]?.expiresAt) > d ? fep : NONE;
			for (let k = from; k < to; k++) {
				const id = this.c.convIds[k] as number;
				if (end(this.conversations[id]?.expiresAt) > d) this.pushConversation(id);
			}
			cc.messagesSoFar[i] = cc.messagesSoFar[p] as number;
			cc.total[i] = cc.total[p] as number;
			cc.totals.copyWithin(i * 4, p * 4, p * 4 + 4);
		}
	}

	/** The columns, trimmed to what was recorded. */
	finish(): SnapshotColumns {
		const c = this.c;
		const n = c.length;
		c.convStart[n] = this.convCount;
		return {
			length: n,
			at: c.at.slice(0, n),
			serviceWindow: c.serviceWindow.slice(0, n),
			serviceExpiresAt: c.serviceExpiresAt.slice(0, n),
			serviceLastResetAt: c.serviceLastResetAt.slice(0, n),
			freeEntryPoint: c.freeEntryPoint.slice(0, n),
			convStart: c.convStart.slice(0, n + 1),
			convIds: c.convIds.slice(0, this.convCount),
			messagesSoFar: c.messagesSoFar.slice(0, n),
			total: c.total.slice(0, n),
			totals: c.totals.slice(0, n * 4)
		};
	}

	/** A new snapshot at `at` (its conversations follow); its index. */
	private push(at: number): number {
		if (this.c.length === this.capacity) this.grow(this.capacity * 2);
		const i = this.c.length++;
		this.c.at[i] = at;
		this.c.convStart[i] = this.convCount;
		return i;
	}

	private pushConversation(id: number): void {
		if (this.convCount === this.c.convIds.length)
			this.c.convIds = grown(this.c.convIds, this.c.convIds.length * 2);
		this.c.convIds[this.convCount++] = id;
	}

	private grow(size: number): void {
		const c = this.c;
		this.capacity = size;
		this.c = {
			...c,
			at: grown(c.at, size),
			serviceWindow: grown(c.serviceWindow, size),
			serviceExpiresAt: grown(c.serviceExpiresAt, size),
			serviceLastResetAt: grown(c.serviceLastResetAt, size),
			freeEntryPoint: grown(c.freeEntryPoint, size),
			convStart: grown(c.convStart, size + 1),
			messagesSoFar: grown(c.messagesSoFar, size),
			total: grown(c.total, size),
			totals: grown(c.totals, size * 4)
		};
	}
}
