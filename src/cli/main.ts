/**
 * The command-line entry of the engine (the contract analysts and our acceptance checks use):
 *   npm run --silent cli -- simulate <file|-> [--table] [--regime <id>] [--compare] [--currency <cur>]
 *   npm run --silent cli -- forecast <recipients.csv|-> --category <c> --send-at <instant> [...]
 *   npm run --silent cli -- reconcile <log.json|log.ndjson|-> [--analytics export.json] [--table]
 * Invalid input: exit code 2 and one clear line on stderr; never a stack trace.
 */
import { createReadStream } from 'node:fs';
import { parseForecastArgs, runForecast } from './forecast';
import { InputError, readInput, writeAll } from './io';
import { parseReconcileArgs, readAnalytics, reconcileReport } from './reconcile';
import { readLog } from '$lib/engine/webhooks/import-job';
import { runCli, type CliResult } from './run';

const argv = process.argv.slice(2);
const readFile = (path: string) => readInput(path);

async function forecast(): Promise<CliResult> {
	const args = parseForecastArgs(argv.slice(1), readFile);
	if (typeof args === 'string') return { code: 2, stdout: '', stderr: `error: ${args}` };
	const input = args.file === '-' ? process.stdin : createReadStream(args.file);
	const opened = await new Promise<string | null>((resolve) => {
		if (args.file === '-') return resolve(null);
		input.once('open', () => resolve(null));
		input.once('error', (e: NodeJS.ErrnoException) =>
			resolve(e.code === 'ENOENT' ? `no such file: ${args.file}` : `cannot read ${args.file}: ${e.message}`)
		);
	});
	if (opened) return { code: 2, stdout: '', stderr: `error: ${opened}` };
	return runForecast(args, input);
}

/** A webhook log of any size, streamed (the 64 MiB cap of scenario files does not apply). */
async function reconcile(): Promise<CliResult> {
	const args = parseReconcileArgs(argv.slice(1));
	if ('code' in args) return args;
	const analytics = readAnalytics(args, readFile);
	if (analytics && 'code' in analytics) return analytics;
	const input = args.file === '-' ? process.stdin : createReadStream(args.file);
	try {
		const { reader } = await readLog(input, 0, { progress: () => {}, cancelled: () => false });
		return reconcileReport(args, reader, analytics);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		const m =
			code === 'ENOENT'
				? `no such file: ${args.file}`
				: `cannot read ${args.file === '-' ? 'stdin' : args.file}: ${code ?? (e as Error).message}`;
		return { code: 2, stdout: '', stderr: `error: ${m}` };
	}
}

function run(): Promise<CliResult> | CliResult {
	try {
		if (argv[0] === 'reconcile') return reconcile();
		return argv[0] === 'forecast' ? forecast() : runCli(argv, readFile);
	} catch (e) {
		// Input that cannot be read (too large, not UTF-8, a device): one line, exit 2.
		if (e instanceof InputError) return { code: 2, stdout: '', stderr: `error: ${e.message}` };
		throw e;
	}
}

const result = await run();
let code = result.code;
if (result.stdout) {
	const written = writeAll(1, result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
	if (written !== 0 && code === 0) code = written;
}
if (result.stderr) writeAll(2, `${result.stderr}\n`);
process.exitCode = code;
