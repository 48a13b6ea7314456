/**
 * `cli forecast`: a recipients CSV priced before the broadcast is sent, streamed (papaparse over a
 * Node stream, rows handled in chunks) so memory stays flat whatever the file's size. Each row goes
 * through the Forecaster (the sandbox's rules table); only totals are kept.
 *   forecast <recipients.csv|-> --category <marketing|utility|authentication> --send-at <instant>
 *     [--phone-column NAME] [--timezone IANA] [--regime ID] [--currency CUR] [--account account.json]
 *     [--compare] [--table]
 */
import Papa from 'papaparse';
import type { Readable } from 'node:stream';
import { cardCurrencies } from '$lib/domain/rate-card';
import { isRegimeId, REGIMES, REGIME_IDS, regimeOnDate, type RegimeId } from '$lib/domain/regimes';
import {
	describeScenarioError,
	TEMPLATE_CATEGORIES,
	validateScenario,
	type Scenario,
	type TemplateCategory
} from '$lib/domain/scenario';
import { isValidTimeZone, localDate, parseInstant } from '$lib/domain/time';
import type { EpochMs } from '$lib/domain/units';
import { Forecaster, type ForecastOptions, type RecipientInput } from '$lib/engine/forecast/forecaster';
import { ENTRY_POINT_COLUMN, LAST_MESSAGE_COLUMN } from '$lib/engine/forecast/recipients-csv';
import { forecastToJson, forecastTable, type ForecastJson } from '$lib/engine/forecast/forecast-json';
import type { CliResult } from './run';

export const FORECAST_USAGE = `usage: cli forecast <recipients.csv|-> --category <${TEMPLATE_CATEGORIES.join('|')}> --send-at <ISO 8601 instant> [--phone-column NAME] [--timezone IANA] [--regime <${REGIME_IDS.join('|')}>] [--currency <${cardCurrencies().join('|')}>] [--account account.json] [--compare] [--table]`;

export interface ForecastArgs {
	file: string;
	options: ForecastOptions;
	sendAt: EpochMs;
	phoneColumn: string;
	compare: boolean;
	table: boolean;
}

/** Flags → arguments, or the one-line problem. `readFile` reads --account. */
export function parseForecastArgs(
	argv: readonly string[],
	readFile: (p: string) => string
): ForecastArgs | string {
	let file: string | null = null;
	let category: string | null = null;
	let sendAt: string | null = null;
	let phoneColumn = 'phone';
	let timezone = 'UTC';
	let regime: string | null = null;
	let currency: string | null = null;
	let accountFile: string | null = null;
	let compare = false;
	let table = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${arg} needs a value. ${FORECAST_USAGE}`);
			return v;
		};
		try {
			if (arg === '--category') category = value();
			else if (arg === '--send-at') sendAt = value();
			else if (arg === '--phone-column') phoneColumn = value();
			else if (arg === '--timezone') timezone = value();
			else if (arg === '--regime') regime = value();
			else if (arg === '--currency') currency = value();
			else if (arg === '--account') accountFile = value();
			else if (arg === '--compare') compare = true;
			else if (arg === '--table') table = true;
			else if (arg.startsWith('--')) return `unknown option "${arg}". ${FORECAST_USAGE}`;
			else if (file === null) file = arg;
			else return `only one recipients file at a time (got "${file}" and "${arg}")`;
		} catch (e) {
			return (e as Error).message;
		}
	}
	if (file === null) return `no recipients file given. ${FORECAST_USAGE}`;
	if (!category || !(TEMPLATE_CATEGORIES as readonly string[]).includes(category))
		return `--category needs one of ${TEMPLATE_CATEGORIES.join(', ')}`;
	if (!sendAt) return '--send-at needs an ISO 8601 instant with an offset, e.g. 2026-12-03T09:00:00+07:00';
	const t = parseInstant(sendAt);
	if (t === null)
		return `--send-at "${sendAt}" is not an ISO 8601 instant with an offset (e.g. 2026-12-03T09:00:00Z)`;
	if (!isValidTimeZone(timezone))
		return `--timezone "${timezone}" is not an IANA time zone (e.g. Asia/Jakarta)`;
	if (regime !== null && !isRegimeId(regime)) return `--regime needs one of ${REGIME_IDS.join(', ')}`;
	if (compare && regime) return '--compare prices under every regime; leave out --regime';
	if (currency !== null && !cardCurrencies().includes(currency))
		return `--currency needs a currency that has rate cards: ${cardCurrencies().join(', ')}`;
	let account: Scenario['account'];
	if (accountFile) {
		let text: string;
		try {
			text = readFile(accountFile);
		} catch (e) {
			return `cannot read ${accountFile}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`;
		}
		let data: unknown;
		try {
			data = JSON.parse(text);
		} catch (e) {
			return `${accountFile} is not valid JSON: ${(e as Error).message}`;
		}
		// The account object of a scenario file, checked by the same schema.
		const v = validateScenario({
			format: 'wa-pricing-scenario/1',
			name: 'x',
			market: 'ID',
			timezone,
			account: data,
			events: []
		});
		if (!v.ok) return `invalid ${accountFile}: ${describeScenarioError(v.errors[0]!)}`;
		account = v.scenario.account;
	}
	return {
		file,
		sendAt: t,
		phoneColumn,
		compare,
		table,
		options: {
			category: category as TemplateCategory,
			timezone,
			...(regime ? { regime: regime as RegimeId } : {}),
			...(currency ? { currency } : {}),
			...(account ? { account } : {})
		}
	};
}

/** An optional instant column: null when empty, the instant, or why it is not one. */
function instantCell(row: readonly string[], col: number, name: string): EpochMs | null | string {
	if (col < 0) return null;
	const text = (row[col] ?? '').trim();
	if (text === '') return null;
	return parseInstant(text) ?? `${name}: "${text.slice(0, 40)}" is not an ISO 8601 instant with an offset`;
}

/** Streams the CSV through one forecaster per regime asked for; resolves with the CLI's answer. */
export function runForecast(args: ForecastArgs, input: Readable): Promise<CliResult> {
	const regimes: (RegimeId | undefined)[] = args.compare ? REGIMES.map((r) => r.id) : [args.options.regime];
	const forecasters = regimes.map(
		(regime) => new Forecaster({ ...args.options, ...(regime ? { regime } : {}) })
	);
	const fail = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `error: ${message}` });
	return new Promise((resolve) => {
		let header: string[] | null = null;
		let phoneAt = -1;
		let lastAt = -1;
		let entryAt = -1;
		let line = 1;
		let done = false;
		const recipient: RecipientInput = { phone: '', sendAt: args.sendAt, line: 0 };
		const finish = (r: CliResult) => {
			if (done) return;
			done = true;
			resolve(r);
		};
		Papa.parse<string[]>(input as unknown as File, {
			header: false,
			skipEmptyLines: true,
			chunk: (results, parser) => {
				const rows = results.data;
				let i = 0;
				if (header === null) {
					const first = rows[0];
					if (!first) return;
					header = first.map((h) => h.trim().replace(/^\uFEFF/, ''));
					const find = (name: string) => header!.findIndex((h) => h.toLowerCase() === name.toLowerCase());
					phoneAt = find(args.phoneColumn);
					if (phoneAt < 0) {
						// Answer first: abort() calls `complete` at once.
						finish(
							fail(
								`no column "${args.phoneColumn}" in the header (columns: ${header.slice(0, 12).join(', ') || 'none'}); name the phone column with --phone-column`
							)
						);
						parser.abort();
						return;
					}
					lastAt = find(LAST_MESSAGE_COLUMN);
					entryAt = find(ENTRY_POINT_COLUMN);
					i = 1;
				}
				for (; i < rows.length; i++) {
					const row = rows[i] as string[];
					line++;
					// A row of empty cells (a spreadsheet's trailing line) is not a recipient.
					if (row.length > 1 && (row[phoneAt] ?? '') === '' && row.every((c) => c.trim() === '')) continue;
					const last = instantCell(row, lastAt, LAST_MESSAGE_COLUMN);
					const entry = instantCell(row, entryAt, ENTRY_POINT_COLUMN);
					// One input object, refilled per row: no allocation per recipient.
					recipient.phone = row[phoneAt] ?? '';
					recipient.lastCustomerMessageAt = typeof last === 'string' ? null : last;
					recipient.freeEntryPointOpenedAt = typeof entry === 'string' ? null : entry;
					recipient.line = line;
					for (const f of forecasters) {
						if (typeof last === 'string' || typeof entry === 'string')
							f.addInvalid(line, typeof last === 'string' ? last : (entry as string));
						else f.add(recipient);
					}
				}
			},
			complete: () => {
				if (done) return;
				if (header === null)
					return finish(fail('the file is empty: a header row with a phone column is expected'));
				const sendDate = localDate(args.sendAt, args.options.timezone);
				const results = forecasters.map((f, k) => ({
					regime: regimes[k] ?? regimeOnDate(sendDate).id,
					result: f.finish()
				}));
				if (!args.compare) {
					const json = forecastToJson(results[0]!.result, args.sendAt, results[0]!.regime);
					return finish({
						code: 0,
						stdout: args.table ? forecastTable(json) : JSON.stringify(json, null, 2),
						stderr: ''
					});
				}
				const all: ForecastJson[] = results.map((r) => forecastToJson(r.result, args.sendAt, r.regime));
				finish({
					code: 0,
					stdout: args.table
						? all.map((j) => forecastTable(j)).join('\n\n')
						: JSON.stringify({ format: 'wa-pricing-forecast-comparison/1', forecasts: all }, null, 2),
					stderr: ''
				});
			},
			error: (err: Error) =>
				finish({ code: 2, stdout: '', stderr: `error: cannot read the recipients file: ${err.message}` })
		});
	});
}
