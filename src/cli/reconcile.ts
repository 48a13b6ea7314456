/**
 * `cli reconcile <log.json|log.ndjson|-> [--analytics export.json] [--timezone IANA] [--table]`:
 * a webhook log replayed against the rules; a JSON report (matched and mismatched messages by kind,
 * predicted and billed volumes per market × category, predicted cost, the mismatches with message
 * ids and reasons). A file that is not a webhook log exits 2 with one line. The log is streamed
 * (main.ts: no size cap, flat memory) through the analytics page's reader and bulk reconciliation.
 */
import { isValidTimeZone } from '$lib/domain/time';
import { formatMicros } from '$lib/domain/units';
import { analyticsTotals, type AnalyticsTotals } from '$lib/engine/webhooks/analytics-export';
import { reconcileCompact } from '$lib/engine/webhooks/bulk-reconcile';
import { CompactLogReader } from '$lib/engine/webhooks/compact-log';
import { LogIngest } from '$lib/engine/webhooks/ingest';
import { InputError } from './io';
import type { CliResult } from './run';

export const RECONCILE_USAGE =
	'usage: cli reconcile <log.json|log.ndjson|-> [--analytics export.json] [--timezone IANA] [--table]';

export interface ReconcileArgs {
	file: string;
	analyticsFile: string | null;
	timezone: string;
	table: boolean;
}

const fail = (m: string): CliResult => ({ code: 2, stdout: '', stderr: `error: ${m}` });

/** The command line, checked; a failure result when it is not usable. */
export function parseReconcileArgs(argv: readonly string[]): ReconcileArgs | CliResult {
	let file: string | null = null;
	let analyticsFile: string | null = null;
	let timezone = 'UTC';
	let table = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		if (arg === '--analytics') analyticsFile = argv[++i] ?? null;
		else if (arg === '--timezone') timezone = argv[++i] ?? '';
		else if (arg === '--table') table = true;
		else if (arg.startsWith('--')) return fail(`unknown option "${arg}". ${RECONCILE_USAGE}`);
		else if (file === null) file = arg;
		else return fail(`only one log at a time (got "${file}" and "${arg}")`);
	}
	if (file === null) return fail(`no log file given. ${RECONCILE_USAGE}`);
	if (!isValidTimeZone(timezone)) return fail(`--timezone "${timezone}" is not an IANA time zone`);
	return { file, analyticsFile, timezone, table };
}

const readError = (p: string, e: unknown): Error =>
	e instanceof InputError
		? e
		: new Error(
				(e as NodeJS.ErrnoException).code === 'ENOENT'
					? `no such file: ${p}`
					: `cannot read ${p}: ${(e as Error).message}`,
				{ cause: e }
			);

/** The --analytics export's totals (a small JSON document), or a failure result. */
export function readAnalytics(
	args: ReconcileArgs,
	readFile: (p: string) => string
): AnalyticsTotals | null | CliResult {
	if (!args.analyticsFile) return null;
	let text: string;
	try {
		text = readFile(args.analyticsFile);
	} catch (e) {
		return fail(readError(args.analyticsFile, e).message);
	}
	try {
		return analyticsTotals(JSON.parse(text));
	} catch (e) {
		return fail(e instanceof SyntaxError ? `${args.analyticsFile} is not valid JSON` : (e as Error).message);
	}
}

/** A log file's text (tests, small files): read by the same streaming reader as the big ones. */
export function runReconcile(argv: readonly string[], readFile: (p: string) => string): CliResult {
	const args = parseReconcileArgs(argv);
	if ('code' in args) return args;
	const analytics = readAnalytics(args, readFile);
	if (analytics && 'code' in analytics) return analytics;
	let text: string;
	try {
		text = readFile(args.file);
	} catch (e) {
		return fail(readError(args.file, e).message);
	}
	const reader = new CompactLogReader();
	const ingest = new LogIngest(reader);
	ingest.push(new TextEncoder().encode(text));
	ingest.end();
	return reconcileReport(args, reader, analytics);
}

/** The report of a log read into the compact reader (bulk path), as JSON or a table. */
export function reconcileReport(
	args: ReconcileArgs,
	reader: CompactLogReader,
	analytics: AnalyticsTotals | null
): CliResult {
	if (reader.recognised === 0)
		return fail(
			`${args.file === '-' ? 'stdin' : args.file} is not a WhatsApp webhook log: no status or message objects in it`
		);
	const log = reader.log;
	const r = reconcileCompact(reader, args.timezone).reconciliation;
	const report = {
		format: 'wa-pricing-reconciliation/1',
		statuses: reader.statusCount,
		duplicates: log.duplicates,
		malformed_lines: log.malformedCount,
		malformed: log.malformed,
		unknown_values: log.unknownValues,
		messages: r.messages,
		compared: r.compared,
		matched: r.matched,
		mismatched: r.mismatched,
		currency: r.currency,
		predicted_cost: formatMicros(r.predictedCost),
		by_market: r.byMarket.map((v) => ({ ...v, cost: formatMicros(v.cost) })),
		...(analytics
			? {
					analytics: {
						billed_volume: analytics.volume,
						billed_cost: analytics.cost.toFixed(4),
						by_category: analytics.byCategory,
						skipped_points: analytics.skipped
					}
				}
			: {}),
		skipped_recipients: r.skippedRecipients,
		mismatches: r.mismatches
	};
	if (!args.table) return { code: 0, stdout: JSON.stringify(report, null, 2), stderr: '' };
	const lines = [
		`${report.statuses} statuses (${report.duplicates} duplicates dropped, ${report.malformed_lines} malformed lines), ${r.messages} messages, ${r.compared} compared: ${r.matched} match the rules`,
		`mismatched: ${Object.entries(r.mismatched)
			.map(([k, n]) => `${k} ${n}`)
			.join(', ')}`,
		`predicted cost ${report.predicted_cost} ${r.currency}${analytics ? `; billed per analytics ${analytics.cost.toFixed(4)}` : ''}`,
		'',
		...r.byMarket.map(
			(v) =>
				`${v.market.padEnd(28)} ${v.category.padEnd(28)} predicted ${String(v.predicted).padStart(6)} billed ${String(v.billed).padStart(6)} ${formatMicros(v.cost).padStart(10)}`
		),
		'',
		...r.mismatches.slice(0, 20).map((m) => `${m.at} ${m.id}: ${m.reason}`)
	];
	return { code: 0, stdout: lines.join('\n'), stderr: '' };
}
