/**
 * The bulk path off the main thread: a large scenario is priced here with the kernel (the same rules
 * table as the machines, the same ledger), so the page stays responsive while it works. Messages:
 * in `{ id, scenario }`; out `{ id, type: 'progress', phase }`, then `{ id, type: 'done', ledger }`
 * or `{ id, type: 'error', message }`.
 */
import type { PricingReply, PricingRequest } from '$lib/engine/pricing-protocol';
import { kernelReplay } from '$lib/engine/replay';

const post = (reply: PricingReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = (e: MessageEvent<PricingRequest>) => {
	const { id, scenario } = e.data;
	try {
		post({ id, type: 'progress', phase: `pricing ${scenario.events.length.toLocaleString('en-US')} events` });
		const ledger = kernelReplay(scenario);
		post({ id, type: 'done', ledger });
	} catch (err) {
		post({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
	}
};
