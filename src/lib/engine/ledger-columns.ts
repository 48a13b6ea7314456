/**
 * The ledger of a large run as columns: typed arrays (one slot per message, per snapshot) and small
 * tables of the values they point to (regimes, markets, rate references, tiers). The sandbox's worker
 * builds it with the kernel and transfers the arrays to the page, which reads them through
 * `ledgerOfColumns` (column-ledger.ts) without copying. Why: a 100,000-message ledger as objects took
 * ~1 s to build (mostly reason sentences nobody reads) and a ~550 ms long task to clone into the page;
 * as columns it is built without sentences (they are worded when a row is shown) and moved for free.
 * Built by kernel-columns.ts (in the worker), read by column-ledger.ts (in the page).
 */
import type { RegimeId } from '$lib/domain/regimes';
import type { Ledger, RateRef } from './ledger';
import type { TierDecision } from './volume-tier-counter';

export const MESSAGE_TYPES = ['customer_message', 'business_message', 'template'] as const;
export const MESSAGE_CATEGORIES = ['marketing', 'utility', 'authentication', 'service'] as const;
/** "None" in the Uint8 and Int32 columns. */
export const NONE_U8 = 255;
export const NONE = -1;

/** A tier decision without its count: what many charges share (the count is a column). */
export type TierShape = Omit<TierDecision, 'count'>;

/** Per message, in input order (position = event index). */
export interface MessageColumns {
	at: Float64Array;
	type: Uint8Array;
	category: Uint8Array;
	code: Uint8Array;
	charge: Float64Array;
	regime: Uint8Array;
	market: Uint16Array;
	conversation: Int32Array;
	rate: Int32Array;
	noRateReason: Int32Array;
	unpriced: Uint8Array;
	until: Float64Array;
	freeTierUsed: Int32Array;
	providerCharge: Float64Array;
	tier: Int32Array;
	tierCount: Int32Array;
}

/** Per snapshot, in time order; a snapshot's open conversations are `convIds[convStart[i]..convStart[i+1]]`. */
export interface SnapshotColumns {
	length: number;
	at: Float64Array;
	serviceWindow: Int32Array;
	serviceExpiresAt: Float64Array;
	serviceLastResetAt: Float64Array;
	freeEntryPoint: Int32Array;
	convStart: Int32Array;
	convIds: Int32Array;
	messagesSoFar: Int32Array;
	total: Float64Array;
	/** Four per snapshot, in MESSAGE_CATEGORIES order. */
	totals: Float64Array;
}

export interface LedgerColumns {
	length: number;
	/** Input index of each event in time order: the page's timed events without parsing a date again. */
	order: Int32Array;
	messages: MessageColumns;
	snapshots: SnapshotColumns;
	regimeIds: RegimeId[];
	markets: string[];
	rates: RateRef[];
	/** Reasons why no rate is known (few distinct ones). */
	texts: string[];
	tiers: TierShape[];
	summary: Omit<Ledger, 'messages' | 'snapshots'>;
}

/** The buffers to transfer (not copy) when the columns are posted to the page. */
export function transferablesOf(cols: LedgerColumns): ArrayBuffer[] {
	const arrays = [cols.order, ...Object.values(cols.messages), ...Object.values(cols.snapshots)].filter(
		ArrayBuffer.isView
	);
	return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
