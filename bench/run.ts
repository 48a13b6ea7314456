/**
 * `npm run bench`: one process, a 10,000-event scenario through the XState engine (replay) and the
 * same events through the kernel (the reference reducer), events per second for each and the ratio.
 * Targets (issue "Pricing engine"): replay of 10,000 events ≤ 50 ms; kernel ≥ 10,000,000 events/s.
 * Figures are written to BENCHMARKS.md by `npm run bench -- --write`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { timedEvents } from '../src/lib/domain/scenario';
import { encodeEvents, runKernel } from '../src/lib/engine/kernel';
import { PricingContext } from '../src/lib/engine/pricing-context';
import { kernelReplay, replay } from '../src/lib/engine/replay';
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
	`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, Node ${process.version}`
];
console.log(lines.join('\n'));

if (process.argv.includes('--write')) {
	const file = 'BENCHMARKS.md';
	const marker = '<!-- engine-bench -->';
	const block = `${marker}\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n${marker}`;
	const current = readFileSync(file, 'utf8');
	const re = new RegExp(`${marker}[\\s\\S]*?${marker}`);
	writeFileSync(file, re.test(current) ? current.replace(re, block) : `${current}\n${block}\n`);
	console.log(`written to ${file}`);
}
