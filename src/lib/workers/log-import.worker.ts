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
	type ImportRequest,
	type PartReader,
	type PartReadReply,
	type PartReadRequest,
	type PartResult
} from '$lib/engine/webhooks/import-job';

const post = (reply: ImportReply) => (self as unknown as Worker).postMessage(reply);

/** A large file's second half, read in a worker of its own (the machine's second core). */
const secondHalf: PartReader | null =
	typeof Worker === 'undefined' || (navigator.hardwareConcurrency ?? 1) < 2
		? null
		: (file, start, progress) => {
				const w = new Worker(new URL('./log-read.worker.ts', import.meta.url), { type: 'module' });
				const result = new Promise<PartResult>((resolve, reject) => {
					w.onmessage = (e: MessageEvent<PartReadReply>) => {
						const r = e.data;
						if (r.type === 'progress') progress(r);
						else if (r.type === 'done') resolve(r.result);
						else reject(new Error(r.type === 'error' ? r.message : 'cancelled'));
					};
					w.onerror = (e) => reject(new Error(e.message || 'the second reader failed'));
				});
				// Not every caller waits for the result (a cut inside an element): never unhandled.
				result.catch(() => undefined);
				w.postMessage({ type: 'read', file, start } satisfies PartReadRequest);
				return { result, cancel: () => w.terminate() };
			};
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
	importFile(
		req.file,
		req.name,
		req.timezone,
		{
			progress: (p) => post({ type: 'progress', id, ...p }),
			cancelled: () => cancelled.has(id)
		},
		secondHalf
	).then(
		(report) => post({ type: 'done', id, report }),
		(err: unknown) =>
			post(
				err instanceof Cancelled
					? { type: 'cancelled', id }
					: { type: 'error', id, message: err instanceof Error ? err.message : String(err) }
			)
	);
};
