/**
 * Prices large scenarios in a module Web Worker (src/lib/workers/pricing.worker.ts) so the page
 * never freezes. Only the latest request counts: an answer for an older scenario is dropped. Where
 * workers are not available (tests, old browsers) it prices on the main thread after a tick.
 */
import type { Scenario } from '$lib/domain/scenario';
import type { Ledger } from '$lib/engine/ledger';
import { kernelReplay } from '$lib/engine/replay';
import type { PricingReply, PricingRequest } from '$lib/engine/pricing-protocol';

export interface BulkHandlers {
	progress: (phase: string) => void;
	done: (ledger: Ledger) => void;
	error: (message: string) => void;
}

export class BulkPricer {
	private worker: Worker | null = null;
	private latest = 0;
	private handlers = new Map<number, BulkHandlers>();

	private ensureWorker(): Worker | null {
		if (this.worker || typeof Worker === 'undefined') return this.worker;
		try {
			this.worker = new Worker(new URL('../workers/pricing.worker.ts', import.meta.url), { type: 'module' });
			this.worker.onmessage = (e: MessageEvent<PricingReply>) => this.receive(e.data);
			this.worker.onerror = (e) => {
				const h = this.handlers.get(this.latest);
				this.handlers.clear();
				h?.error(e.message || 'the pricing worker failed');
			};
		} catch {
			this.worker = null;
		}
		return this.worker;
	}

	private receive(reply: PricingReply): void {
		const h = this.handlers.get(reply.id);
		if (!h || reply.id !== this.latest) {
			this.handlers.delete(reply.id);
			return;
		}
		if (reply.type === 'progress') h.progress(reply.phase);
		else {
			this.handlers.delete(reply.id);
			if (reply.type === 'done') h.done(reply.ledger);
			else h.error(reply.message);
		}
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
		this.handlers.set(id, handlers);
		// The session keeps scenarios in $state.raw (never proxied): they clone as they are.
		const request: PricingRequest = { id, scenario };
		worker.postMessage(request);
	}

	dispose(): void {
		this.worker?.terminate();
		this.worker = null;
		this.handlers.clear();
	}
}
