/**
 * Lane layout: which ledger item goes in which lane, and where the lanes sit vertically. Items are
 * computed once per ledger (never per playhead move); rows once per height.
 */
import { CONVERSATION_CATEGORIES, type ConversationCategory } from '$lib/domain/scenario';
import type { EpochMs, Micros } from '$lib/domain/units';
import {
	endOfConversation,
	type Ledger,
	type LedgerMessage,
	type Outcome,
	type WindowKind
} from '$lib/engine/ledger';
import type { Domain } from './scale';

export type LaneId = 'customer' | 'business' | 'service_window' | ConversationCategory | 'free_entry_point';

export interface LaneDef {
	id: LaneId;
	label: string;
	/** The label on a phone-sized timeline, where the label column is narrow. */
	short: string;
	kind: 'marks' | 'band';
}

export const LANES: readonly LaneDef[] = [
	{ id: 'customer', label: 'Customer', short: 'Customer', kind: 'marks' },
	{ id: 'business', label: 'Business', short: 'Business', kind: 'marks' },
	{ id: 'service_window', label: 'Service window', short: 'Svc window', kind: 'band' },
	// One band per conversation category, labelled "Marketing", "Utility", …
	...CONVERSATION_CATEGORIES.map((id) => ({
		id,
		label: id[0]!.toUpperCase() + id.slice(1),
		short: id === 'authentication' ? 'Auth.' : id[0]!.toUpperCase() + id.slice(1),
		kind: 'band' as const
	})),
	{ id: 'free_entry_point', label: 'Free entry point', short: 'Free entry', kind: 'band' }
];

export interface LaneRow extends LaneDef {
	y: number;
	height: number;
}

/** Natural heights: message lanes leave room for an amount label above the mark. */
const NATURAL = { marks: 50, band: 26 } as const;
const MINIMUM = { marks: 34, band: 16 } as const;

/** Rows below `top`; with `height`, rows stretch or shrink (to a readable minimum) to fill it. */
export function laneRows(top: number, height?: number): { rows: LaneRow[]; bottom: number } {
	const natural = LANES.reduce((s, l) => s + NATURAL[l.kind], 0);
	const k = height ? Math.max(0, height - top) / natural : 1;
	let y = top;
	const rows = LANES.map((l) => {
		const h = Math.max(MINIMUM[l.kind], Math.floor(NATURAL[l.kind] * k));
		const row = { ...l, y, height: h };
		y += h;
		return row;
	});
	return { rows, bottom: y };
}

export type MarkTone = 'customer' | ConversationCategory;

export interface TimelineMark {
	/** Index into ledger.messages (time order). */
	i: number;
	/** Index of the scenario event: what onselectevent / onmoveevent speak of. */
	event: number;
	at: EpochMs;
	lane: 'customer' | 'business';
	/** Templates are diamonds, free-form messages (customer or business) circles: shape, not only colour. */
	shape: 'circle' | 'diamond';
	tone: MarkTone;
	outcome: Outcome;
	charge: Micros;
	message: LedgerMessage;
}

export interface TimelineBand {
	key: string;
	lane: LaneId;
	kind: 'conversation' | WindowKind;
	category: ConversationCategory | null;
	start: EpochMs;
	/** Where the band ends: a conversation closed early by a free entry point ends at `closedAt`. */
	end: EpochMs;
	expiresAt: EpochMs;
	closedEarly: boolean;
	charge: Micros | null;
	/** Customer service window restarts: each customer message inside it starts its 24 h afresh. */
	resets: EpochMs[];
}

export function markOf(message: LedgerMessage, i: number): TimelineMark {
	// Each field read once: a large run's messages are views whose fields are getters (column-ledger.ts).
	const type = message.type;
	const customer = type === 'customer_message';
	return {
		i,
		event: message.event,
		at: message.at,
		lane: customer ? 'customer' : 'business',
		shape: type === 'template' ? 'diamond' : 'circle',
		tone: customer ? 'customer' : (message.category ?? 'service'),
		outcome: message.outcome,
		charge: message.charge,
		message
	};
}

export function laneItems(ledger: Ledger): { marks: TimelineMark[]; bands: TimelineBand[] } {
	const marks = ledger.messages.map(markOf);
	// Messages come in time order; sorting is for a ledger that is not (a check costs less than a sort).
	if (!inOrder(marks)) marks.sort((a, b) => a.at - b.at || a.i - b.i);
	const customerTimes = marks.filter((m) => m.lane === 'customer').map((m) => m.at);
	const bands: TimelineBand[] = [];
	for (const w of ledger.windows) {
		const cs = w.kind === 'customer_service';
		bands.push({
			key: `w${w.id}`,
			lane: cs ? 'service_window' : 'free_entry_point',
			kind: w.kind,
			category: null,
			start: w.openedAt,
			end: w.expiresAt,
			expiresAt: w.expiresAt,
			closedEarly: false,
			charge: null,
			resets: cs ? between(customerTimes, w.openedAt, w.lastResetAt) : []
		});
	}
	for (const c of ledger.conversations) {
		const end = endOfConversation(c);
		bands.push({
			key: `c${c.id}`,
			lane: c.category,
			kind: 'conversation',
			category: c.category,
			start: c.openedAt,
			end,
			expiresAt: c.expiresAt,
			closedEarly: end < c.expiresAt,
			charge: c.charge,
			resets: []
		});
	}
	return { marks, bands };
}

function inOrder(marks: readonly TimelineMark[]): boolean {
	for (let k = 1; k < marks.length; k++) {
		const a = marks[k - 1] as TimelineMark;
		const b = marks[k] as TimelineMark;
		if (a.at > b.at || (a.at === b.at && a.i > b.i)) return false;
	}
	return true;
}

/** The sorted times in (from, to], by binary search: a window per customer message must not cost O(n²). */
function between(sorted: readonly EpochMs[], from: number, to: number): EpochMs[] {
	const first = (t: number) => {
		let lo = 0;
		let hi = sorted.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((sorted[mid] as number) <= t) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	return sorted.slice(first(from), first(to));
}

/** Everything the ledger spans: first message or window to the last window's end; null when empty. */
export function contentExtent(ledger: Ledger): Domain | null {
	let lo = Infinity;
	let hi = -Infinity;
	const take = (a: number, b: number) => {
		if (a < lo) lo = a;
		if (b > hi) hi = b;
	};
	for (const m of ledger.messages) take(m.at, m.at);
	for (const w of ledger.windows) take(w.openedAt, w.expiresAt);
	for (const c of ledger.conversations) take(c.openedAt, c.expiresAt);
	return lo <= hi ? [lo, hi] : null;
}
