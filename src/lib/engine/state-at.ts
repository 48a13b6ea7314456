/**
 * stateAt(ledger, t): what is true at an instant — open windows and conversations with their ends,
 * whether a free-form message may be sent and until when, totals so far. A binary search into the
 * replay's snapshots: scrubbing the timeline never re-runs the machines.
 */
import { formatLocal } from '$lib/domain/format';
import type { ConversationCategory } from '$lib/domain/scenario';
import type { EpochMs, Micros } from '$lib/domain/units';
import {
	emptyTotals,
	type Ledger,
	type LedgerConversation,
	type LedgerSnapshot,
	type LedgerWindow
} from './ledger';

export interface FreeFormAnswer {
	allowed: boolean;
	until: EpochMs | null;
	reason: string;
}

export interface StateAt {
	at: EpochMs;
	serviceWindow: LedgerWindow | null;
	freeEntryPoint: LedgerWindow | null;
	conversations: LedgerConversation[];
	freeForm: FreeFormAnswer;
	/** Messages (in time order) at or before the instant. */
	messagesSoFar: number;
	total: Micros;
	totalsByCategory: Record<ConversationCategory, Micros>;
}

/** Index of the last snapshot taken at or before t, or -1. */
export function snapshotIndexAt(snapshots: readonly LedgerSnapshot[], t: number): number {
	let lo = 0;
	let hi = snapshots.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if ((snapshots[mid] as LedgerSnapshot).at <= t) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found;
}

export function stateAt(ledger: Ledger, t: EpochMs): StateAt {
	const i = snapshotIndexAt(ledger.snapshots, t);
	const s = i >= 0 ? (ledger.snapshots[i] as LedgerSnapshot) : null;
	const open = s?.serviceWindow ?? null;
	const record = open ? ledger.windows[open.id] : undefined;
	// The window as it stood at t: later customer messages move its end, the snapshot does not.
	const serviceWindow =
		open && record ? { ...record, expiresAt: open.expiresAt, lastResetAt: open.lastResetAt } : null;
	const freeEntryPoint = s?.freeEntryPoint != null ? (ledger.windows[s.freeEntryPoint] ?? null) : null;
	return {
		at: t,
		serviceWindow,
		freeEntryPoint,
		conversations: (s?.conversations ?? [])
			.map((id) => ledger.conversations[id])
			.filter((c) => c !== undefined),
		freeForm: freeFormAt(ledger, t, serviceWindow, freeEntryPoint),
		messagesSoFar: s?.messagesSoFar ?? 0,
		total: s?.total ?? (0 as Micros),
		totalsByCategory: s?.totalsByCategory ?? emptyTotals()
	};
}

function freeFormAt(
	ledger: Ledger,
	t: EpochMs,
	csw: LedgerWindow | null,
	fep: LedgerWindow | null
): FreeFormAnswer {
	const when = (x: EpochMs) => formatLocal(x, ledger.timezone);
	if (csw)
		return {
			allowed: true,
			until: csw.expiresAt,
			reason: `Yes, until ${when(csw.expiresAt)}: the customer service window runs 24 h from the customer’s last message (${when(csw.lastResetAt)}).`
		};
	const last = lastServiceWindowBefore(ledger, t);
	const since = last
		? ` The customer service window closed at ${when(last.expiresAt)}.`
		: ' The customer has not written yet.';
	const fepNote = fep ? ` Templates stay free in the free entry point until ${when(fep.expiresAt)}.` : '';
	return {
		allowed: false,
		until: null,
		reason: `No: free-form messages need a customer message in the last 24 h; only a template can be sent now.${since}${fepNote}`
	};
}

function lastServiceWindowBefore(ledger: Ledger, t: EpochMs): LedgerWindow | null {
	let found: LedgerWindow | null = null;
	for (const w of ledger.windows) if (w.kind === 'customer_service' && w.openedAt <= t) found = w;
	return found;
}
