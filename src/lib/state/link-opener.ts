/**
 * Opens a share link (`#s2=…`, `#s1=…`). A short link is decoded at once; a long one (a large run: a
 * 100,000-event link is ~100 KB, ~650 KB as s1) is decompressed, checked and priced in a pricing
 * worker of its own, ended afterwards so its memory goes back. The page keeps answering meanwhile
 * and hears the worker's progress. The scenario comes back first, packed (storage/scenario-pack.ts:
 * unpacked here in tens of ms, unchecked, as the worker checked it) with its time order, so the page
 * shows it while the worker prices it; the ledger follows as columns.
 */
import { ledgerOfColumns, timedEventsOfOrder } from '$lib/engine/column-ledger';
import type { Ledger } from '$lib/engine/ledger';
import { openLinkRequest, type PricingReply } from '$lib/engine/pricing-protocol';
import { unpackScenario } from '$lib/storage/scenario-pack';
import { decodeShareFragment } from '$lib/storage/share-link';
import { startPricingWorker } from './pricing-worker';
import { isLongLink, type OpenedLink, type StartedLinkWorker } from './early-link';

export type { OpenedLink } from './early-link';
import { primeTimedEvents } from './timed-events';

export function openShareLink(
	hash: string,
	onProgress?: (phase: string) => void,
	started?: StartedLinkWorker
): Promise<OpenedLink> {
	const worker = started?.worker ?? (isLongLink(hash) ? startPricingWorker() : null);
	if (!worker) return Promise.resolve({ result: decodeShareFragment(hash) });
	if (!started) performance.mark('wa:link-worker-start');
	return new Promise<OpenedLink>((resolveOpened) => {
		let priced: { resolve: (l: Ledger) => void; reject: (e: Error) => void } | null = null;
		const fail = (message: string) => {
			worker.terminate();
			// Not opened yet: read the link here, slowly, rather than give up; else the session prices it.
			if (priced) priced.reject(new Error(message));
			else resolveOpened({ result: decodeShareFragment(hash) });
		};
		const receive = (reply: PricingReply) => {
			if (reply.type === 'progress') onProgress?.(reply.phase);
			else if (reply.type === 'opened') {
				performance.mark('wa:link-opened');
				const unpacked = unpackScenario(reply.payload, { trusted: true });
				// The worker packed it: failing here is a bug, told as the worker's failure.
				if (!unpacked.ok) return fail('the pricing worker sent a scenario that cannot be read');
				const { scenario } = unpacked;
				performance.mark('wa:link-unpacked');
				primeTimedEvents(scenario, timedEventsOfOrder(reply.order, reply.at, scenario));
				const ledger = new Promise<Ledger>((resolve, reject) => (priced = { resolve, reject }));
				// Nobody may be waiting (a draft of the link was opened instead): not an unhandled error.
				ledger.catch(() => undefined);
				resolveOpened({ result: { ok: true, scenario, version: reply.version }, ledger });
			} else if (reply.type === 'refused') {
				worker.terminate();
				resolveOpened({ result: { ok: false, version: reply.version, reason: reply.reason } });
			} else if (reply.type === 'done') {
				performance.mark('wa:link-priced');
				worker.terminate();
				priced?.resolve(ledgerOfColumns(reply.columns));
			} else fail(reply.message);
		};
		worker.onmessage = (e: MessageEvent<PricingReply>) => receive(e.data);
		worker.onerror = (e) => fail(e.message || 'the pricing worker failed');
		if (started) started.replies.forEach(receive);
		else worker.postMessage(openLinkRequest(hash));
	});
}
