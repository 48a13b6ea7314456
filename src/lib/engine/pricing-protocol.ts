/**
 * The messages between the page and the pricing worker (src/lib/workers/pricing.worker.ts): the
 * page sends a scenario, the worker answers with progress and then the ledger or an error.
 */
import type { Scenario } from '$lib/domain/scenario';
import type { Ledger } from './ledger';

export interface PricingRequest {
	id: number;
	scenario: Scenario;
}

export type PricingReply =
	| { id: number; type: 'progress'; phase: string }
	| { id: number; type: 'done'; ledger: Ledger }
	| { id: number; type: 'error'; message: string };
