/**
 * `cli forecast` at scale (issue "Outbound broadcast and campaign forecast"): a generated recipients
 * CSV of 1,000,000 rows (India, Brazil, Indonesia, the US and a few invalid numbers; 20 % with a
 * customer message in the last 24 h) priced by the CLI's own streaming code, in this process, so
 * Node's start-up is excluded; beside it, the time to merely read and split the same file with
 * papaparse. Target: 1,000,000 rows priced in ≤ 1 s of work.
 *   npx tsx bench/forecast-bench.ts [--rows 1000000]
 */
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { parseForecastArgs, runForecast } from '../src/cli/forecast';

const i = process.argv.indexOf('--rows');
const ROWS = i > 0 ? Number(process.argv[i + 1]) : 1_000_000;
const SEND = Date.UTC(2026, 11, 3, 9);

export function recipientsCsv(rows: number): string {
	let seed = 7;
	const rand = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed / 2_147_483_648;
	};
	const prefixes = ['91 98', '55 11 9', '62 812', '1 212', '54 9 11', '999 12'];
	const out: string[] = ['id,name,phone,last_customer_message_at'];
	for (let n = 0; n < rows; n++) {
		const r = rand();
		const p = prefixes[r < 0.4 ? 0 : r < 0.7 ? 1 : r < 0.9 ? 2 : r < 0.95 ? 3 : r < 0.999 ? 4 : 5];
		const digits = String(Math.floor(rand() * 1e8)).padStart(8, '0');
		const last = rand() < 0.2 ? new Date(SEND - Math.floor(rand() * 23 * 3_600_000)).toISOString() : '';
		out.push(`${n},Customer ${n},+${p}${digits},${last}`);
	}
	return out.join('\n') + '\n';
}

const dir = mkdtempSync(join(tmpdir(), 'forecast-bench-'));
const file = join(dir, 'recipients.csv');
writeFileSync(file, recipientsCsv(ROWS));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const readOnly = () =>
	new Promise<number>((resolve) => {
		let rows = 0;
		Papa.parse<string[]>(createReadStream(file) as unknown as File, {
			chunk: (r) => (rows += r.data.length),
			complete: () => resolve(rows)
		});
	});
const priced = async () => {
	const args = parseForecastArgs(
		[file, '--category', 'marketing', '--send-at', new Date(SEND).toISOString()],
		() => ''
	);
	if (typeof args === 'string') throw new Error(args);
	return runForecast(args, createReadStream(file));
};

const split: number[] = [];
const full: number[] = [];
let last = '';
for (let k = 0; k < 4; k++) {
	let t0 = performance.now();
	await readOnly();
	split.push(performance.now() - t0);
	t0 = performance.now();
	last = (await priced()).stdout;
	full.push(performance.now() - t0);
}
const j = JSON.parse(last);
const lines = [
	`cli forecast, ${ROWS.toLocaleString('en-US')} rows (${j.outcomes.invalid.toLocaleString('en-US')} invalid), marketing, one send time:`,
	`  read and split only (papaparse, streamed): median ${median(split).toFixed(0)} ms`,
	`  read, split and priced (the CLI's own code): median ${median(full).toFixed(0)} ms — target ≤ 1,000 ms: ${median(full) <= 1000 ? 'met' : 'NOT met'}`,
	`  total ${j.total} ${j.currency}, charged ${j.outcomes.charged.toLocaleString('en-US')}, failed ${j.outcomes.failed.toLocaleString('en-US')}`
];
console.log(lines.join('\n'));
