/**
 * The messages between the page and the pricing worker (src/lib/workers/pricing.worker.ts). The page
 * sends a scenario to price, or a share link's fragment to open (decompressed, checked and priced in
 * the worker: a 100,000-event link is a ~1 s job that must not block the page). The worker answers
 * with progress, then the ledger as columns (ledger-columns.ts, transferred, not copied), or an
 * error. For a link it first answers 'opened' (the scenario packed, storage/scenario-pack.ts: a few
 * hundred KB the page unpacks in tens of ms, where 5 MB of JSON took it longer to parse, so the page
 * can show it while the worker prices it) or 'refused', then 'done' with the ledger.
 */
import type { Scenario } from '$lib/domain/scenario';
import type { LedgerColumns } from './ledger-columns';

export type PricingRequest =
	{ id: number; type: 'price'; scenario: Scenario } | { id: number; type: 'open-link'; fragment: string };

export type PricingReply =
	| { id: number; type: 'progress'; phase: string }
	| { id: number; type: 'done'; columns: LedgerColumns }
	/**
	 * A link read and checked: its scenario packed (transferred; an s2 link's own payload, inflated),
	 * its events' time order (input indexes) and instants (by input index); 'done' follows.
	 */
	| { id: number; type: 'opened'; version: string; payload: Uint8Array; order: Int32Array; at: Float64Array }
	| { id: number; type: 'refused'; version: string | null; reason: string }
	| { id: number; type: 'error'; message: string };

/** The request that opens a share link (`#s2=…`, `#s1=…`) in a pricing worker. */
export const openLinkRequest = (fragment: string): PricingRequest => ({ id: 1, type: 'open-link', fragment });
