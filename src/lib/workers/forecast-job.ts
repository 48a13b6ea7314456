/**
 * The forecast work itself, shared by the module worker (forecast.worker.ts) and the main-thread
 * fallback where workers are missing (component tests): a file streamed through papaparse in chunks
 * (its own `worker: true` breaks in Vite production builds, hence this worker of ours), or a plan
 * expanded; progress about every 100 ms; then the result. Rows are handed to the pure modules of
 * src/lib/engine/forecast, which the unit tests drive directly.
 */
import Papa from 'papaparse';
import { BroadcastRun } from '$lib/engine/forecast/broadcast-run';
import { planRanges } from '$lib/engine/forecast/monte-carlo';
import { PlanCursor } from '$lib/engine/forecast/plan';
import type { RecipientInput } from '$lib/engine/forecast/forecaster';
import { CsvRecipients, inspectRows } from '$lib/engine/forecast/recipients-csv';
import type { EpochMs } from '$lib/domain/units';
import type { ForecastProgress, ForecastReply, ForecastRequest } from './forecast-protocol';

/** Rows read to inspect a file (the header and up to 200 recipients). */
const INSPECT_ROWS = 201;
/** Bytes per chunk: about 25,000 rows of a typical export, a progress step of a few tens of ms. */
export const CHUNK_BYTES = 1 << 20;
const PROGRESS_MS = 100;

export interface JobControl {
	cancelled: boolean;
}

type Post = (reply: ForecastReply) => void;

const now = () => performance.now();

export function runJob(req: ForecastRequest, post: Post, control: JobControl = { cancelled: false }): void {
	try {
		if (req.type === 'inspect') inspect(req, post);
		else if (req.type === 'file') priceFile(req, post, control);
		else pricePlan(req, post, control);
	} catch (err) {
		post({ id: req.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
	}
}

function inspect(req: Extract<ForecastRequest, { type: 'inspect' }>, post: Post): void {
	Papa.parse<string[]>(req.file as File, {
		preview: INSPECT_ROWS,
		skipEmptyLines: true,
		chunkSize: 256 * 1024,
		complete: (res) => {
			const r = inspectRows(res.data, req.timezone, req.file.size);
			post(
				r.ok
					? { id: req.id, type: 'inspected', inspection: r.inspection }
					: { id: req.id, type: 'refused', message: r.message }
			);
		},
		error: (err: Error) =>
			post({ id: req.id, type: 'refused', message: `The file cannot be read: ${err.message}` })
	});
}

function progress(id: number, p: ForecastProgress): ForecastReply {
	return { id, type: 'progress', ...p };
}

function priceFile(req: Extract<ForecastRequest, { type: 'file' }>, post: Post, control: JobControl): void {
	const start = now();
	let last = start;
	const run = new BroadcastRun(req.settings);
	const size = Math.max(1, req.file.size);
	let reader: CsvRecipients | null = null;
	let chunks = 0;
	let finished = false;
	const end = (reply: ForecastReply) => {
		if (finished) return;
		finished = true;
		post(reply);
	};
	Papa.parse<string[]>(req.file as File, {
		skipEmptyLines: true,
		chunkSize: CHUNK_BYTES,
		chunk: (res, parser) => {
			if (control.cancelled || finished) {
				parser.abort();
				return;
			}
			const rows = res.data;
			const from = Math.min(1, (chunks * CHUNK_BYTES) / size);
			chunks++;
			const to = Math.min(1, (chunks * CHUNK_BYTES) / size);
			let first = 0;
			if (reader === null) {
				// Rows of empty cells before the header are no header (the inspection skipped them too).
				while (first < rows.length && (rows[first] as string[]).every((c) => c.trim() === '')) first++;
				if (first === rows.length) return;
				const header = (rows[first] as string[]).map((h) => h.trim().replace(/^\uFEFF/, ''));
				if (header.join('\u0000') !== req.header.join('\u0000')) {
					// Answer first: abort() calls `complete` at once.
					end({
						id: req.id,
						type: 'refused',
						message:
							'The file’s header changed since it was chosen (was it saved again?). Choose the file again.'
					});
					parser.abort();
					return;
				}
				reader = new CsvRecipients(req.columns, header, run, req.schedule, req.settings.options.timezone);
				reader.line += first;
				first++;
			}
			reader.rows(rows, first, from, to);
			const t = now();
			if (t - last >= PROGRESS_MS) {
				last = t;
				post(progress(req.id, { rows: run.rows, fraction: to, elapsedMs: t - start, phase: 'pricing' }));
			}
		},
		complete: () => {
			if (control.cancelled || finished) return;
			if (reader === null)
				return end({
					id: req.id,
					type: 'refused',
					message:
						'The file is empty. A recipients file has a header row (e.g. phone), then one recipient per row.'
				});
			end({
				id: req.id,
				type: 'done',
				result: run.finish(),
				ranges: null,
				rows: run.rows,
				elapsedMs: now() - start
			});
		},
		error: (err: Error) =>
			end({ id: req.id, type: 'refused', message: `The file cannot be read: ${err.message}` })
	});
}

function pricePlan(req: Extract<ForecastRequest, { type: 'plan' }>, post: Post, control: JobControl): void {
	const start = now();
	let last = start;
	const run = new BroadcastRun(req.settings);
	const cursor = new PlanCursor(req.plan, req.schedule);
	const r: RecipientInput = { phone: '', sendAt: 0 as EpochMs };
	while (cursor.next(r)) {
		run.add(r, cursor.position);
		if ((cursor.index & 4095) === 0) {
			if (control.cancelled) return;
			const t = now();
			if (t - last >= PROGRESS_MS) {
				last = t;
				post(
					progress(req.id, {
						rows: cursor.index,
						fraction: (cursor.index / cursor.total) * 0.5,
						elapsedMs: t - start,
						phase: 'pricing'
					})
				);
			}
		}
	}
	const ranges = planRanges(req.plan, req.schedule, req.settings, (done, of) => {
		const t = now();
		if (t - last < PROGRESS_MS) return;
		last = t;
		post(
			progress(req.id, {
				rows: cursor.total,
				fraction: 0.5 + (done / Math.max(1, of)) * 0.5,
				elapsedMs: t - start,
				phase: 'ranges'
			})
		);
	});
	if (control.cancelled) return;
	post({
		id: req.id,
		type: 'done',
		result: run.finish(),
		ranges,
		rows: cursor.total,
		elapsedMs: now() - start
	});
}
