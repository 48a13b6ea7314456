/**
 * Prices large scenarios in a module Web Worker (src/lib/workers/pricing.worker.ts) so the page
 * never freezes. Only the latest request counts: an answer for an older scenario is dropped. Where
 * workers are not available (tests, old browsers) it prices on the main thread after a tick.
 * The worker's ledger arrives as columns and is read through views (column-ledger.ts): no copy.
 */
import type { Scenario } from '$lib/domain/scenario';
import { ledgerOfColumns, timedEventsOfColumns } from '$lib/engine/column-ledger';
import type { Ledger } from '$lib/engine/ledger';
import { kernelReplay } from '$lib/engine/replay';
import type { PricingReply, PricingRequest } from '$lib/engine/pricing-protocol';
import { startPricingWorker } from './pricing-worker';
import { primeTimedEvents } from './timed-events';

export interface BulkHandlers {
	progress: (phase: string) => void;
	done: (ledger: Ledger) => void;
	error: (message: string) => void;
}

export class BulkPricer {
	private worker: Worker | null = null;
	private latest = 0;
	private handlers = new Map<number, { scenario: Scenario; h: BulkHandlers }>();

	private ensureWorker(): Worker | null {
		if (this.worker) return this.worker;
		this.worker = startPricingWorker();
		if (this.worker) {
			this.worker.onmessage = (e: MessageEvent<PricingReply>) => this.receive(e.data);
			this.worker.onerror = (e) => {
				const h = this.handlers.get(this.latest);
				this.handlers.clear();
				h?.h.error(e.message || 'the pricing worker failed');
			};
		}
		return this.worker;
	}

	private receive(reply: PricingReply): void {
		const entry = this.handlers.get(reply.id);
		if (!entry || reply.id !== this.latest) {
			this.handlers.delete(reply.id);
			return;
		}
		const { scenario, h } = entry;
		if (reply.type === 'progress') return h.progress(reply.phase);
		this.handlers.delete(reply.id);
		if (reply.type === 'done') {
			primeTimedEvents(scenario, timedEventsOfColumns(reply.columns, scenario));
			h.done(ledgerOfColumns(reply.columns));
		} else h.error(reply.type === 'error' ? reply.message : 'the pricing worker gave no ledger');
	}

	/** Prices `scenario`; earlier requests still running are superseded (their answers dropped). */
	price(scenario: Scenario, handlers: BulkHandlers): void {
		const id = ++this.latest;
		for (const key of this.handlers.keys()) if (key !== id) this.handlers.delete(key);
		const worker = this.ensureWorker();
		if (!worker) {
			setTimeout(() => {
				if (id !== this.latest) return;
				try {
					handlers.done(kernelReplay(scenario));
				} catch (err) {
					handlers.error(err instanceof Error ? err.message : String(err));
				}
			}, 0);
			return;
		}
		this.handlers.set(id, { scenario, h: handlers });
		// The session keeps scenarios in $state.raw (never proxied): they clone as they are.
		const request: PricingRequest = { id, type: 'price', scenario };
		worker.postMessage(request);
	}

	dispose(): void {
		this.worker?.terminate();
		this.worker = null;
		this.handlers.clear();
	}
}
