/**
 * `npm run bench`: a 10,000-event scenario through the machine path (replay, XState) and the same
 * events through the bulk path (the kernel reading the same rules table), events per second for
 * each and the ratio; the 1,000-event re-pricing an edit costs; then the real sandbox page in
 * Chromium (bench/browser/sandbox-bench.ts: a 100,000-event run's open time, DOM, memory, drag
 * frames, and a 1,000-event edit to the next frame); the analytics page's webhook import of
 * 1,000,000 statuses in Chromium and the CLI's (bench/browser/webhook-import-bench.ts; the CLI part
 * alone with `--node-only`). `--node-only` skips the pages.
 * Targets (issue "Pricing engine"): replay of 10,000 events ≤ 50 ms; kernel ≥ 10,000,000 events/s.
 * Figures are written to BENCHMARKS.md by `npm run bench -- --write`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { timedEvents } from '../src/lib/domain/scenario';
import { encodeEvents, runKernel } from '../src/lib/engine/kernel';
import { PricingContext } from '../src/lib/engine/pricing-context';
import { kernelReplay, replay } from '../src/lib/engine/replay';
import { calibrationMs } from './calibration';
import { generateScenario } from './generate';

const N = 10_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function time(fn: () => void, runs: number): number[] {
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		out.push(performance.now() - t0);
	}
	return out;
}

const scenario = generateScenario(N);
const events = timedEvents(scenario);
const encoded = encodeEvents(events);

// Warm up both paths (JIT), then measure.
for (let i = 0; i < 5; i++) replay(scenario);
const replayMs = time(() => replay(scenario), 15);

for (let i = 0; i < 50; i++) runKernel(encoded, new PricingContext(scenario));
// The kernel's fold over pre-encoded events, a fresh pricing context (day cache) each run.
const kernelMs = time(() => runKernel(encoded, new PricingContext(scenario)), 300);
const kernelLedgerMs = time(() => kernelReplay(scenario), 15);
// An edit of the first event on the machine path re-prices the whole scenario: 1,000 events. One of
// a later event resumes from the last checkpoint before it (engine/replay-trace.ts).
const small = generateScenario(1_000);
for (let i = 0; i < 10; i++) replay(small);
const edit1000Ms = time(() => replay(small), 30);
const smallBase = replay(small);
const smallOrder = timedEvents(small).map((e) => e.index);
/** `small` with the event at time-order position `pos` edited (a new object: a caption added). */
const editedAt = (pos: number) => {
	const i = smallOrder[pos] as number;
	const events = small.events.slice();
	events[i] = { ...(events[i] as (typeof events)[number]), caption: 'edited' };
	return { ...small, events };
};
const resumedMs = (pos: number) => {
	const edited = editedAt(pos);
	for (let i = 0; i < 10; i++) replay(edited, { after: smallBase });
	return median(time(() => replay(edited, { after: smallBase }), 30));
};
const middleEditMs = resumedMs(500);
const lastEditMs = resumedMs(999);

const replayMedian = median(replayMs);
const kernelMedian = median(kernelMs);
const engineRate = (N / replayMedian) * 1000;
const kernelRate = (N / kernelMedian) * 1000;
const lines = [
	`events: ${N} (synthetic chat, Indonesia, Asia/Jakarta, 2025-06-20 onwards: crosses the 2025-07-01 switch)`,
	`XState engine, replay() → full ledger with reasons and snapshots: median ${replayMedian.toFixed(2)} ms (${Math.round(engineRate).toLocaleString('en-US')} events/s) — target ≤ 50 ms: ${replayMedian <= 50 ? 'met' : 'NOT met'}`,
	`kernel, runKernel() over encoded events: median ${kernelMedian.toFixed(3)} ms (${Math.round(kernelRate).toLocaleString('en-US')} events/s) — target ≥ 10,000,000 events/s: ${kernelRate >= 10_000_000 ? 'met' : 'NOT met'}`,
	`kernel incl. parsing and the full ledger (kernelReplay): median ${median(kernelLedgerMs).toFixed(2)} ms`,
	`ratio kernel / engine: ${(kernelRate / engineRate).toFixed(0)}×`,
	`machine path, 1,000 events (an edit of the first event re-prices this much): median ${median(edit1000Ms).toFixed(2)} ms — target ≤ 16 ms including the redraw: ${median(edit1000Ms) <= 16 ? 'met for the pricing' : 'NOT met'}`,
	`machine path, an edit of the 501st of 1,000 events, resumed from its checkpoint: median ${middleEditMs.toFixed(2)} ms; of the last: ${lastEditMs.toFixed(2)} ms`,
	`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, Node ${process.version}; calibration ${calibrationMs().toFixed(0)} ms (bench/calibration.ts: compare runs whose calibration agrees)`
];
console.log(lines.join('\n'));

// The forecast CLI over a 1,000,000-row recipients file, beside merely reading and splitting it.
const forecastLines = execFileSync('npx', ['tsx', '--tsconfig', 'tsconfig.json', 'bench/forecast-bench.ts'], {
	encoding: 'utf8'
})
	.trim()
	.split('\n');
console.log(forecastLines.join('\n'));

// The initial JavaScript of every page against its 150 KB gzip budget (needs a build; exits 1 when over).
const budget = spawnSync('npx', ['tsx', 'bench/bundle-budget.ts'], { encoding: 'utf8' });
const budgetLines = (budget.stdout || budget.stderr).trim().split('\n');
console.log(budgetLines.join('\n'));

// The real sandbox page in Chromium (skipped with --node-only, or where Chromium is missing).
let pageLines: string[] = [];
if (!process.argv.includes('--node-only') && existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
	const out = execFileSync('npx', ['tsx', 'bench/browser/sandbox-bench.ts'], { encoding: 'utf8' });
	pageLines = out
		.trim()
		.split('\n')
		.filter((l) => !l.startsWith('{'));
	console.log(pageLines.join('\n'));
}

// The webhook import: 1,000,000 statuses in the analytics page (Chromium) and in the CLI's code.
const webhookLines = execFileSync(
	'npx',
	[
		'tsx',
		'bench/browser/webhook-import-bench.ts',
		...(pageLines.length ? [] : ['--node-only']),
		...(process.argv.includes('--skip-build') ? ['--skip-build'] : [])
	],
	{ encoding: 'utf8', maxBuffer: 1 << 24 }
)
	.trim()
	.split('\n');
console.log(webhookLines.join('\n'));

if (process.argv.includes('--write')) {
	const file = 'BENCHMARKS.md';
	const write = (marker: string, body: string[]) => {
		const block = `${marker}\n\`\`\`\n${body.join('\n')}\n\`\`\`\n${marker}`;
		const current = readFileSync(file, 'utf8');
		const re = new RegExp(`${marker}[\\s\\S]*?${marker}`);
		writeFileSync(file, re.test(current) ? current.replace(re, block) : `${current}\n${block}\n`);
	};
	write('<!-- engine-bench -->', lines);
	write('<!-- forecast-bench -->', forecastLines);
	write('<!-- bundle-budget -->', budgetLines);
	if (pageLines.length) write('<!-- sandbox-page-bench -->', pageLines);
	write('<!-- webhook-import-bench -->', webhookLines);
	console.log(`written to ${file}`);
}
