/**
 * The second half of a large webhook log, read beside the log-import worker (which reads the first
 * half and merges this one's compact reader into its own: engine/webhooks/import-job.ts,
 * readLogSplit). Started by the log-import worker for one file; progress every ~100 ms, cancel.
 */
import { Cancelled, readPart } from '$lib/engine/webhooks/import-job';
import { partBuffers } from '$lib/engine/webhooks/compact-log';
import type { PartReadReply, PartReadRequest } from '$lib/engine/webhooks/import-job';

const post = (reply: PartReadReply, transfer: Transferable[] = []) =>
	(self as unknown as Worker).postMessage(reply, transfer);
let cancelled = false;

self.onmessage = (e: MessageEvent<PartReadRequest>) => {
	const req = e.data;
	if (req.type === 'cancel') {
		cancelled = true;
		return;
	}
	readPart(req.file.stream(), req.start, {
		progress: (p) => post({ type: 'progress', ...p }),
		cancelled: () => cancelled
	}).then(
		(result) => post({ type: 'done', result }, partBuffers(result.part)),
		(err: unknown) =>
			post(
				err instanceof Cancelled
					? { type: 'cancelled' }
					: { type: 'error', message: err instanceof Error ? err.message : String(err) }
			)
	);
};
