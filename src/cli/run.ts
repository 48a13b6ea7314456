/** The CLI's logic, free of process I/O so tests can call it: argv + a file reader → stdout, stderr, code. */
import { describeScenarioError, parseScenarioText } from '$lib/domain/scenario';
import { isRegimeId, REGIME_IDS } from '$lib/domain/regimes';
import { compareRegimes } from '$lib/engine/compare';
import { ledgerToJson } from '$lib/engine/ledger-json';
import { priceScenario } from '$lib/engine/price';
import { formatMicros } from '$lib/domain/units';
import { cardCurrencies } from '$lib/domain/rate-card';
import { FORECAST_USAGE } from './forecast';
import { InputError } from './io';
import { QUIZ_USAGE, runQuiz } from './quiz';
import { RECONCILE_USAGE, runReconcile } from './reconcile';
import { comparisonTable, ledgerTable } from './table';

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

export const USAGE = `usage: cli simulate <file|-> [--table] [--regime <${REGIME_IDS.join('|')}>] [--compare] [--currency <${cardCurrencies().join('|')}>]`;

const fail = (message: string, code = 2): CliResult => ({ code, stdout: '', stderr: `error: ${message}` });

export function runCli(argv: readonly string[], readFile: (path: string) => string): CliResult {
	const [command, ...rest] = argv;
	if (command === '--help' || command === '-h' || command === 'help')
		return { code: 0, stdout: [USAGE, FORECAST_USAGE, QUIZ_USAGE, RECONCILE_USAGE].join('\n'), stderr: '' };
	if (command === 'quiz') return runQuiz(rest);
	if (command === 'reconcile') return runReconcile(rest, readFile);
	if (command !== 'simulate') return fail(command ? `unknown command "${command}". ${USAGE}` : USAGE);

	let file: string | null = null;
	let asTable = false;
	let compare = false;
	let regime: string | null = null;
	let currency: string | null = null;
	for (let i = 0; i < rest.length; i++) {
		const arg = rest[i] as string;
		if (arg === '--table') asTable = true;
		else if (arg === '--compare') compare = true;
		else if (arg === '--regime') {
			regime = rest[++i] ?? null;
			if (!isRegimeId(regime)) return fail(`--regime needs one of ${REGIME_IDS.join(', ')}`);
		} else if (arg === '--currency') {
			currency = rest[++i] ?? null;
			if (currency === null || !cardCurrencies().includes(currency))
				return fail(`--currency needs a currency that has rate cards: ${cardCurrencies().join(', ')}`);
		} else if (arg.startsWith('--')) return fail(`unknown option "${arg}". ${USAGE}`);
		else if (file === null) file = arg;
		else return fail(`only one scenario file at a time (got "${file}" and "${arg}")`);
	}
	if (file === null) return fail(`no scenario file given. ${USAGE}`);
	if (compare && regime) return fail('--compare prices under every regime; leave out --regime');

	let text: string;
	try {
		text = readFile(file);
	} catch (err) {
		if (err instanceof InputError) return fail(err.message);
		const code = (err as NodeJS.ErrnoException).code;
		return fail(
			code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(err as Error).message}`
		);
	}
	const parsed = parseScenarioText(text);
	if (!parsed.ok) {
		const [first, ...others] = parsed.errors;
		const more = others.length ? ` (and ${others.length} more problem${others.length > 1 ? 's' : ''})` : '';
		return fail(
			`invalid scenario ${file === '-' ? 'on stdin' : file}: ${first ? describeScenarioError(first) : 'unknown problem'}${more}`
		);
	}
	const scenario = {
		...parsed.scenario,
		...(regime && isRegimeId(regime) ? { regime } : {}),
		...(currency ? { currency } : {})
	};

	if (compare) {
		const cmp = compareRegimes(scenario);
		if (asTable) return { code: 0, stdout: comparisonTable(cmp), stderr: '' };
		const json = {
			regimes: cmp.results.map(({ regime: r, ledger }) => ({
				regime: r.id,
				label: r.label,
				total: formatMicros(ledger.total),
				currency: ledger.currency,
				totals_by_category: Object.fromEntries(
					Object.entries(ledger.totalsByCategory).map(([k, v]) => [k, formatMicros(v)])
				)
			})),
			differing: cmp.differing.map((i) => ({
				event: i,
				outcomes: cmp.results.map(({ regime: r, ledger }) => {
					const m = ledger.messages[i];
					return {
						regime: r.id,
						outcome: m?.outcome,
						charge: m ? formatMicros(m.charge) : null,
						reason: m?.reason
					};
				})
			})),
			ledgers: Object.fromEntries(cmp.results.map(({ regime: r, ledger }) => [r.id, ledgerToJson(ledger)]))
		};
		return { code: 0, stdout: JSON.stringify(json, null, 2), stderr: '' };
	}
	const ledger = priceScenario(scenario);
	return {
		code: 0,
		stdout: asTable ? ledgerTable(ledger) : JSON.stringify(ledgerToJson(ledger), null, 2),
		stderr: ''
	};
}
