/**
 * The bulk path off the main thread: a large scenario is priced here with the kernel (the same rules
 * table as the machines, the same ledger), so the page stays responsive while it works; a long share
 * link is also decompressed and checked here, and handed to the page packed. Messages:
 * pricing-protocol.ts. The ledger goes back as columns whose buffers are transferred (no copy on
 * either side).
 */
import type { PricingReply, PricingRequest } from '$lib/engine/pricing-protocol';
import { timedEvents } from '$lib/domain/scenario';
import { kernelColumns } from '$lib/engine/kernel-columns';
import { transferablesOf } from '$lib/engine/ledger-columns';
import { packScenario, readShareFragment } from '$lib/storage/share-link';

const scope = self as unknown as Worker;
const post = (reply: PricingReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
const count = (n: number) => n.toLocaleString('en-US');

self.onmessage = (e: MessageEvent<PricingRequest>) => {
	const request = e.data;
	const { id } = request;
	try {
		if (request.type === 'price') {
			post({ id, type: 'progress', phase: `pricing ${count(request.scenario.events.length)} events` });
			const columns = kernelColumns(request.scenario);
			post({ id, type: 'done', columns }, transferablesOf(columns));
			return;
		}
		post({ id, type: 'progress', phase: 'reading the link' });
		const read = readShareFragment(request.fragment);
		const decoded = read?.result;
		if (!decoded) {
			post({ id, type: 'refused', version: null, reason: 'the address holds no share link.' });
			return;
		}
		if (!decoded.ok) {
			post({ id, type: 'refused', version: decoded.version, reason: decoded.reason });
			return;
		}
		// The page shows the scenario while it is priced here: it goes first, packed (an s2 link's own
		// payload; an s1 link's scenario packed here), with its time order.
		const { scenario } = decoded;
		const events = timedEvents(scenario, read.at);
		const payload = read.payload ?? packScenario(scenario);
		const order = Int32Array.from(events, (e) => e.index);
		const at = new Float64Array(events.length);
		for (const e of events) at[e.index] = e.t;
		post({ id, type: 'opened', version: decoded.version, payload, order, at }, [
			payload.buffer,
			order.buffer,
			at.buffer
		]);
		post({ id, type: 'progress', phase: `pricing ${count(events.length)} events` });
		const columns = kernelColumns(scenario, events);
		post({ id, type: 'done', columns }, transferablesOf(columns));
	} catch (err) {
		post({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
	}
};
