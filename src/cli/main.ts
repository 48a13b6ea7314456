/**
 * The command-line entry of the engine (the contract analysts and our acceptance checks use):
 *   npm run --silent cli -- simulate <file|-> [--table] [--regime <id>] [--compare] [--currency <cur>]
 *   npm run --silent cli -- forecast <recipients.csv|-> --category <c> --send-at <instant> [...]
 * Invalid input: exit code 2 and one clear line on stderr; never a stack trace.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { parseForecastArgs, runForecast } from './forecast';
import { runCli, type CliResult } from './run';

const argv = process.argv.slice(2);
const readFile = (path: string) => (path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8'));

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

const result = argv[0] === 'forecast' ? await forecast() : runCli(argv, readFile);
if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
if (result.stderr) process.stderr.write(`${result.stderr}\n`);
process.exitCode = result.code;
