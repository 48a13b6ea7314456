/**
 * Starting the pricing worker (src/lib/workers/pricing.worker.ts), apart from the code that talks to
 * it so that the app's start-up (state/early-link.ts) can start one without loading that code.
 */

/** A new pricing worker, or null where module workers cannot be started. */
export function startPricingWorker(): Worker | null {
	if (typeof Worker === 'undefined') return null;
	try {
		return new Worker(new URL('../workers/pricing.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return null;
	}
}
