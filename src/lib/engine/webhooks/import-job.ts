/**
 * Importing one file into the analytics page (run in src/lib/workers/log-import.worker.ts): a
 * webhook log read in slices (NDJSON streamed line by line; one JSON document read whole), fed to
 * LogReader, reconciled, its usage summed per day; or Meta's `pricing_analytics` export, summed.
 * Only the report goes back: counts, the first mismatches, small per-day rows, and the scenarios of
 * the first mismatches' recipients — never the statuses themselves.
 */
import type { Scenario } from '$lib/domain/scenario';
import { analyticsTotals, type AnalyticsTotals } from './analytics-export';
import { detectLayout, LineSplitter, readLine } from './lines';
import { LogReader } from './parse';
import { reconcile, type Reconciliation } from './reconcile';
import { logUsage, mismatchRecipients, scenarioUsageRows, type UsageRow } from './usage';

export const SLICE_BYTES = 1 << 20;
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

export async function importFile(
	file: Blob,
	name: string,
	timezone: string,
	hooks: JobHooks
): Promise<ImportReport> {
	const now = hooks.now ?? (() => performance.now());
	const every = hooks.every ?? 100;
	const started = now();
	let last = started;
	const reader = new LogReader();
	const total = file.size;
	const report = (bytes: number, phase: ImportProgress['phase']) => {
		const s = reader.log.statuses.length;
		const elapsed = (now() - started) / 1000;
		hooks.progress({ bytes, total, statuses: s, statusesPerSecond: elapsed > 0 ? s / elapsed : 0, phase });
	};
	const check = () => {
		if (hooks.cancelled()) throw new Cancelled('cancelled');
	};

	const head = new TextDecoder('utf-8').decode(await file.slice(0, SLICE_BYTES).arrayBuffer(), {
		stream: true
	});
	if (head.trim() === '') throw new ImportError(`${name} is empty.`);
	const layout = detectLayout(head, total <= SLICE_BYTES);
	const splitter = new LineSplitter();
	const onLine = (text: string, line: number) => readLine(reader, text, line);
	if (layout === 'ndjson') {
		const decoder = new TextDecoder('utf-8');
		for (let offset = 0; offset < total; offset += SLICE_BYTES) {
			check();
			const buf = await file.slice(offset, offset + SLICE_BYTES).arrayBuffer();
			splitter.push(decoder.decode(buf, { stream: offset + SLICE_BYTES < total }), onLine);
			if (now() - last >= every) {
				last = now();
				report(Math.min(total, offset + SLICE_BYTES), 'reading');
				await yieldNow();
			}
		}
		splitter.end(onLine);
	} else {
		const text = (await file.text()).replace(/^\uFEFF/, '');
		check();
		let whole: unknown;
		try {
			whole = JSON.parse(text);
		} catch {
			whole = undefined;
		}
		if (whole !== undefined) {
			reader.add(whole, 1);
			if (reader.recognised === 0) {
				const totals = analyticsTotals(whole);
				if (totals.points > 0) return { kind: 'analytics', name, bytes: total, totals };
			}
		} else {
			splitter.push(text, onLine);
			splitter.end(onLine);
		}
	}
	if (reader.recognised === 0 && layout === 'ndjson' && total <= ANALYTICS_MAX_BYTES) {
		// A one-line JSON document: maybe Meta's pricing_analytics export.
		let whole: unknown;
		try {
			whole = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
		} catch {
			whole = undefined;
		}
		const totals = whole === undefined ? null : analyticsTotals(whole);
		if (totals && totals.points > 0) return { kind: 'analytics', name, bytes: total, totals };
	}
	if (reader.recognised === 0)
		throw new ImportError(
			`${name} is not a WhatsApp webhook log (nor a pricing_analytics export): no status or message objects in it` +
				(reader.log.malformed[0]
					? ` (line ${reader.log.malformed[0].line}: ${reader.log.malformed[0].reason})`
					: '') +
				'.'
		);
	report(total, 'reconciling');
	await yieldNow();
	check();
	const log = reader.log;
	const reconciliation = reconcile(log, timezone);
	check();
	const usage = logUsage(log, timezone, mismatchRecipients(reconciliation));
	const ms = now() - started;
	const phones = new Set<string>();
	for (const s of log.statuses) if (s.phoneNumberId) phones.add(s.phoneNumberId);
	return {
		kind: 'log',
		name,
		bytes: total,
		timezone,
		statuses: log.statuses.length,
		inbound: log.inbound.length,
		duplicates: log.duplicates,
		malformed: log.malformed,
		malformedCount: log.malformedCount,
		unknownValues: log.unknownValues,
		reconciliation,
		usage: usage.rows,
		currency: usage.currency,
		scenarios: usage.scenarios,
		phones: [...phones].sort(),
		ms,
		statusesPerSecond: ms > 0 ? log.statuses.length / (ms / 1000) : 0
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
