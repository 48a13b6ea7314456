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
import { CompactLogReader } from './compact-log';
import { LogIngest } from './ingest';
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

export async function importFile(
	file: Blob,
	name: string,
	timezone: string,
	hooks: JobHooks
): Promise<ImportReport> {
	const now = hooks.now ?? (() => performance.now());
	const started = now();
	const total = file.size;
	const check = () => {
		if (hooks.cancelled()) throw new Cancelled('cancelled');
	};
	check();
	const { reader, ingest } = await readLog(file.stream(), total, hooks);
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
