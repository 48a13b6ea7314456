/**
 * Importing one file into the analytics page (run in src/lib/workers/log-import.worker.ts): a
 * webhook log streamed as bytes (ingest.ts: NDJSON line by line, a JSON array element by element,
 * only a lone pretty-printed document read whole) into the compact reader, reconciled and its usage
 * summed per day on the bulk path (bulk-reconcile.ts); or Meta's `pricing_analytics` export, summed.
 * Only the report goes back: counts, the first mismatches, small per-day rows, and the scenarios of
 * the first mismatches' recipients — never the statuses themselves.
 */
import type { Scenario } from '$lib/domain/scenario';
import { analyticsTotals, type AnalyticsTotals } from './analytics-export';
import { reconcileCompact } from './bulk-reconcile';
import { CompactLogReader, type ReaderPart } from './compact-log';
import { LogIngest, type PartStart } from './ingest';
import type { Reconciliation } from './reconcile';
import { scenarioUsageRows, type UsageRow } from './usage';

/** An export larger than this is not read as one document. */
const ANALYTICS_MAX_BYTES = 64 << 20;

export interface LogReport {
	kind: 'log';
	name: string;
	bytes: number;
	timezone: string;
	statuses: number;
	inbound: number;
	duplicates: number;
	malformed: { line: number; reason: string }[];
	malformedCount: number;
	unknownValues: Record<string, number>;
	reconciliation: Reconciliation;
	usage: UsageRow[];
	currency: string;
	/** Recipient → their log as a sandbox scenario (the first mismatches' recipients only). */
	scenarios: Record<string, Scenario>;
	/** Business phone number ids named in the log. */
	phones: string[];
	ms: number;
	statusesPerSecond: number;
}

export interface AnalyticsReport {
	kind: 'analytics';
	name: string;
	bytes: number;
	totals: AnalyticsTotals;
}

export type ImportReport = LogReport | AnalyticsReport;

export interface ImportProgress {
	bytes: number;
	total: number;
	statuses: number;
	statusesPerSecond: number;
	phase: 'reading' | 'reconciling';
}

export type ImportRequest =
	| { type: 'import'; id: number; file: Blob; name: string; timezone: string }
	| { type: 'cancel'; id: number }
	| { type: 'price-runs'; id: number; runs: { id: string; scenario: Scenario }[] };

export type ImportReply =
	| ({ type: 'progress'; id: number } & ImportProgress)
	| { type: 'done'; id: number; report: ImportReport }
	| { type: 'runs'; id: number; rows: Record<string, UsageRow[]>; errors: Record<string, string> }
	| { type: 'cancelled'; id: number }
	| { type: 'error'; id: number; message: string };

/** Between the log-import worker and the worker reading a file's second half (log-read.worker.ts). */
export type PartReadRequest = { type: 'read'; file: Blob; start: PartStart } | { type: 'cancel' };
export type PartReadReply =
	| { type: 'progress'; bytes: number; statuses: number }
	| { type: 'done'; result: PartResult }
	| { type: 'cancelled' }
	| { type: 'error'; message: string };

export class ImportError extends Error {}
export class Cancelled extends Error {}

export interface JobHooks {
	progress: (p: ImportProgress) => void;
	cancelled: () => boolean;
	now?: () => number;
	/** Milliseconds between progress reports. */
	every?: number;
}

const yieldNow = () => new Promise<void>((r) => setTimeout(r, 0));

/** Reads the chunks of a byte stream (a File's in the worker, a file's in the CLI). */
export type ByteChunks = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

async function* chunksOf(source: ByteChunks): AsyncGenerator<Uint8Array> {
	if (Symbol.asyncIterator in source) {
		for await (const c of source as AsyncIterable<Uint8Array>) yield c;
		return;
	}
	const reader = (source as ReadableStream<Uint8Array>).getReader();
	try {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}

/**
 * A webhook log streamed into the compact reader: bytes in, no status kept as an object. Progress
 * every `every` ms (with a turn of the event loop, so a cancel can land); throws Cancelled.
 */
export async function readLog(
	source: ByteChunks,
	total: number,
	hooks: JobHooks
): Promise<{ reader: CompactLogReader; ingest: LogIngest }> {
	const now = hooks.now ?? (() => performance.now());
	const every = hooks.every ?? 100;
	const started = now();
	let last = started;
	const reader = new CompactLogReader();
	const ingest = new LogIngest(reader);
	for await (const chunk of chunksOf(source)) {
		if (hooks.cancelled()) throw new Cancelled('cancelled');
		ingest.push(chunk);
		if (now() - last >= every) {
			last = now();
			const elapsed = (last - started) / 1000;
			hooks.progress({
				bytes: ingest.bytes,
				total,
				statuses: reader.statusCount,
				statusesPerSecond: elapsed > 0 ? reader.statusCount / elapsed : 0,
				phase: 'reading'
			});
			await yieldNow();
		}
	}
	ingest.end();
	return { reader, ingest };
}

/** Files smaller than this are read in one worker (a second one costs more than it saves). */
export const SPLIT_BYTES = 32 << 20;

/** What the reader of a file's second part gives back. */
export interface PartResult {
	part: ReaderPart;
}

/** The reader of a file's second part, started when the first part knows the layout. */
export interface PartHandle {
	result: Promise<PartResult>;
	cancel(): void;
}

/** Starts reading `file` (the bytes after the cut) elsewhere: another worker in the browser. */
export type PartReader = (
	file: Blob,
	start: PartStart,
	progress: (p: { bytes: number; statuses: number }) => void
) => PartHandle;

/** The second part of a file, read into its own compact reader (what the helper worker runs). */
export async function readPart(
	source: ByteChunks,
	start: PartStart,
	hooks: Pick<JobHooks, 'cancelled' | 'now' | 'every'> & {
		progress: (p: { bytes: number; statuses: number }) => void;
	}
): Promise<PartResult> {
	const now = hooks.now ?? (() => performance.now());
	const every = hooks.every ?? 100;
	let last = now();
	const reader = new CompactLogReader();
	const ingest = new LogIngest(reader);
	ingest.resume(start);
	for await (const chunk of chunksOf(source)) {
		if (hooks.cancelled()) throw new Cancelled('cancelled');
		ingest.push(chunk);
		if (now() - last >= every) {
			last = now();
			hooks.progress({ bytes: ingest.bytes, statuses: reader.statusCount });
			await yieldNow();
		}
	}
	ingest.end();
	return { part: reader.exportPart() };
}

/**
 * Where to cut `file` in two: just after a newline past its middle, and what follows there (an
 * array element, or the comma before one). In a pretty-printed array the cut goes before a line
 * indented as the first element's opening line (the values inside an element are indented deeper).
 * Null when there is no such line near the middle.
 */
async function findCut(file: Blob): Promise<{ at: number; next: number } | null> {
	const isSpace = (c: number | undefined) => c === 32 || c === 9;
	const isWs = (c: number | undefined) => isSpace(c) || c === 10 || c === 13;
	const head = new Uint8Array(await file.slice(0, 1 << 16).arrayBuffer());
	// The first element's indentation when it starts a line of its own after "[" (-1: any line).
	let indent = -1;
	let p = head[0] === 0xef ? 3 : 0;
	while (isWs(head[p])) p++;
	if (head[p] === 91) {
		let lineStart = -1;
		for (p++; isWs(head[p]); p++) if (head[p] === 10) lineStart = p + 1;
		if (lineStart >= 0 && head[p] === 123) indent = p - lineStart;
	}
	const mid = Math.floor(file.size / 2);
	const near = new Uint8Array(await file.slice(mid, mid + (1 << 20)).arrayBuffer());
	for (let nl = near.indexOf(10); nl !== -1; nl = near.indexOf(10, nl + 1)) {
		let q = nl + 1;
		while (isSpace(near[q])) q++;
		const c = near[q];
		if (c === undefined) return null;
		if (c === 10 || c === 13) continue;
		if (indent < 0 || (q - nl - 1 === indent && (c === 123 || c === 44)))
			return { at: mid + nl + 1, next: c };
	}
	return null;
}

/**
 * A large webhook log read in two workers (the machine's two cores): this one reads the first half
 * while `second` reads the rest from the newline after the middle, and its compact reader is merged
 * into this one's. Whenever the halves cannot be joined exactly — the cut falls inside a pretty-
 * printed array element, the second reader failed, or a status is in both halves (deduplication
 * needs the order) — this worker reads the second half itself, as readLog would have.
 */
export async function readLogSplit(
	file: Blob,
	hooks: JobHooks,
	second: PartReader | null,
	minBytes = SPLIT_BYTES
): Promise<{ reader: CompactLogReader; ingest: LogIngest }> {
	const total = file.size;
	const cut = second && total >= minBytes ? await findCut(file) : null;
	if (!second || !cut) return readLog(file.stream(), total, hooks);
	const now = hooks.now ?? (() => performance.now());
	const every = hooks.every ?? 100;
	const started = now();
	let last = started;
	const reader = new CompactLogReader();
	const ingest = new LogIngest(reader);
	let other: PartHandle | null = null;
	let start: PartStart | null = null;
	let otherProgress = { bytes: 0, statuses: 0 };
	const report = async () => {
		if (now() - last < every) return;
		last = now();
		const elapsed = (last - started) / 1000;
		const statuses = reader.statusCount + otherProgress.statuses;
		hooks.progress({
			bytes: ingest.bytes + otherProgress.bytes,
			total,
			statuses,
			statusesPerSecond: elapsed > 0 ? statuses / elapsed : 0,
			phase: 'reading'
		});
		await yieldNow();
	};
	try {
		for await (const chunk of chunksOf(file.slice(0, cut.at).stream())) {
			if (hooks.cancelled()) throw new Cancelled('cancelled');
			ingest.push(chunk);
			if (!other && !start && ingest.layout !== null) {
				// The second half starts where the first layout says: a line, an element or a comma.
				const layout = ingest.layout;
				start =
					layout === 'ndjson'
						? { layout, arrayState: 'element' }
						: layout === 'array' && (cut.next === 123 || cut.next === 44)
							? { layout, arrayState: cut.next === 44 ? 'after' : 'element' }
							: null;
				if (start)
					other = second(file.slice(cut.at), start, (p) => {
						otherProgress = p;
					});
			}
			await report();
		}
		const here = ingest.handOver();
		if (other && start && here && here.layout === start.layout && here.arrayState === start.arrayState) {
			// Waiting for the second half: progress goes on, and a cancel lands within `every` ms.
			const done = other.result.then(
				(r) => ({ r }),
				() => ({ r: null })
			);
			let result: PartResult | null | undefined;
			while (result === undefined) {
				const settled = await Promise.race([
					done,
					new Promise<null>((r) => setTimeout(() => r(null), every))
				]);
				if (hooks.cancelled()) throw new Cancelled('cancelled');
				if (settled) result = settled.r;
				else await report();
			}
			if (result && reader.mergePart(result.part, ingest.lines)) return { reader, ingest };
		}
	} finally {
		other?.cancel();
	}
	// Read the rest here, as one reader would have.
	otherProgress = { bytes: 0, statuses: 0 };
	for await (const chunk of chunksOf(file.slice(cut.at).stream())) {
		if (hooks.cancelled()) throw new Cancelled('cancelled');
		ingest.push(chunk);
		await report();
	}
	ingest.end();
	return { reader, ingest };
}

export async function importFile(
	file: Blob,
	name: string,
	timezone: string,
	hooks: JobHooks,
	second: PartReader | null = null
): Promise<ImportReport> {
	const now = hooks.now ?? (() => performance.now());
	const started = now();
	const total = file.size;
	const check = () => {
		if (hooks.cancelled()) throw new Cancelled('cancelled');
	};
	check();
	const { reader, ingest } = await readLogSplit(file, hooks, second);
	if (ingest.empty) throw new ImportError(`${name} is empty.`);
	if (reader.recognised === 0) {
		// Maybe Meta's pricing_analytics export (one JSON document, read whole: it is small).
		let whole = ingest.documentValue;
		if (whole === undefined && total <= ANALYTICS_MAX_BYTES)
			try {
				whole = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
			} catch {
				whole = undefined;
			}
		const totals = whole === undefined ? null : analyticsTotals(whole);
		if (totals && totals.points > 0) return { kind: 'analytics', name, bytes: total, totals };
		throw new ImportError(
			`${name} is not a WhatsApp webhook log (nor a pricing_analytics export): no status or message objects in it` +
				(reader.log.malformed[0]
					? ` (line ${reader.log.malformed[0].line}: ${reader.log.malformed[0].reason})`
					: '') +
				'.'
		);
	}
	const statuses = reader.statusCount;
	const elapsed = (now() - started) / 1000;
	hooks.progress({
		bytes: total,
		total,
		statuses,
		statusesPerSecond: elapsed > 0 ? statuses / elapsed : 0,
		phase: 'reconciling'
	});
	await yieldNow();
	check();
	const bulk = reconcileCompact(reader, timezone);
	const log = reader.log;
	const ms = now() - started;
	return {
		kind: 'log',
		name,
		bytes: total,
		timezone,
		statuses,
		inbound: reader.inboundTotal,
		duplicates: log.duplicates,
		malformed: log.malformed,
		malformedCount: log.malformedCount,
		unknownValues: log.unknownValues,
		reconciliation: bulk.reconciliation,
		usage: bulk.usage,
		currency: bulk.currency,
		scenarios: bulk.scenarios,
		phones: bulk.phones,
		ms,
		statusesPerSecond: ms > 0 ? statuses / (ms / 1000) : 0
	};
}

/** Saved runs' scenarios priced and summed per day (runs name no business phone number). */
export function priceRuns(runs: readonly { id: string; scenario: Scenario }[]): {
	rows: Record<string, UsageRow[]>;
	errors: Record<string, string>;
} {
	const rows: Record<string, UsageRow[]> = {};
	const errors: Record<string, string> = {};
	for (const r of runs) {
		try {
			rows[r.id] = scenarioUsageRows(r.scenario);
		} catch (e) {
			errors[r.id] = e instanceof Error ? e.message : String(e);
		}
	}
	return { rows, errors };
}
