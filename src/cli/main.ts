/**
 * The command-line entry of the engine (the contract analysts and our acceptance checks use):
 *   npm run --silent cli -- simulate <file|-> [--table] [--regime <id>] [--compare]
 * Invalid input: exit code 2 and one clear line on stderr; never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './run';

const result = runCli(process.argv.slice(2), (path) =>
	path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8')
);
if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
if (result.stderr) process.stderr.write(`${result.stderr}\n`);
process.exitCode = result.code;
