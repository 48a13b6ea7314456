/**
 * The analytics page's imports off the main thread (engine/webhooks/import-job.ts): a webhook log
 * or a pricing_analytics export read in slices with progress every ~100 ms and cancel; saved runs
 * priced and summed per day. Only reports and small per-day rows go back.
 */
import {
	Cancelled,
	importFile,
	priceRuns,
	type ImportReply,
	type ImportRequest
} from '$lib/engine/webhooks/import-job';

const post = (reply: ImportReply) => (self as unknown as Worker).postMessage(reply);
const cancelled = new Set<number>();

self.onmessage = (e: MessageEvent<ImportRequest>) => {
	const req = e.data;
	if (req.type === 'cancel') {
		cancelled.add(req.id);
		return;
	}
	if (req.type === 'price-runs') {
		try {
			post({ type: 'runs', id: req.id, ...priceRuns(req.runs) });
		} catch (err) {
			post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
		}
		return;
	}
	const { id } = req;
	importFile(req.file, req.name, req.timezone, {
		progress: (p) => post({ type: 'progress', id, ...p }),
		cancelled: () => cancelled.has(id)
	}).then(
		(report) => post({ type: 'done', id, report }),
		(err: unknown) =>
			post(
				err instanceof Cancelled
					? { type: 'cancelled', id }
					: { type: 'error', id, message: err instanceof Error ? err.message : String(err) }
			)
	);
};
