/**
 * The analytics page's webhook import, built as users get it, in Debian's Chromium (issue 12
 * point 1): a generated log of 100,000 and 1,000,000 statuses (NDJSON, one envelope a line; and the
 * million as one JSON array) chosen in the file input, timed until its reconciliation shows, with
 * the worker's own figure (read + reconciled, statuses/s); the JS heap of the import workers (the
 * log-import worker and, for a large file, the one reading its second half: CDP Runtime.getHeapUsage
 * through the page's target, sampled while they work) and of the page, and the renderer's resident
 * memory. Each file is imported `--runs` times (the machine is shared: the median is reported, the
 * best beside it). Then the CLI's own code on the same million, in-process.
 *   npx tsx bench/browser/webhook-import-bench.ts [--n 1000000] [--runs 3] [--skip-build] [--node-only]
 * SITE_DIR names another checkout to build and serve (e.g. an older commit, for a before figure).
 * BUILD_DIR and SK_OUT_DIR name the build (both: the preview serves SK_OUT_DIR's output), so that
 * sessions sharing a tree each measure their own.
 * Prints the figures; bench/run.ts records them in BENCHMARKS.md.
 */
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { reconcileCompact } from '../../src/lib/engine/webhooks/bulk-reconcile';
import { readLog } from '../../src/lib/engine/webhooks/import-job';
import { writeWebhookLog } from '../webhook-log-file';
import { rendererRssMb } from './renderer-memory';

const arg = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('n', 1_000_000);
const SMALL = 100_000;
const PORT = Number(process.env.BENCH_PORT ?? 5419);
const BUILD = process.env.BUILD_DIR ?? 'build';
/** The tree whose build is served: `vite preview` serves SvelteKit's output folder of that tree. */
const SITE = process.env.SITE_DIR ?? '.';
const DIR = process.env.BENCH_TMP ?? '/tmp';
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

async function logFile(n: number, array: boolean): Promise<string> {
	const path = `${DIR}/webhook-bench-${n}.${array ? 'json' : 'ndjson'}`;
	if (!existsSync(path)) await writeWebhookLog(path, n, array);
	return path;
}

/**
 * The heap of the import workers — the log-import worker and the one it starts for a large file's
 * second half — asked through the page's CDP session (non-flat auto-attach, nested for the second).
 */
class WorkerHeap {
	/** Each worker as the chain of session ids from the page's session down to it. */
	private workers: string[][] = [];
	private next = 1;
	private waiting = new Map<number, (v: number) => void>();
	/** Peak of the workers' heaps summed, and of each. */
	peak = 0;
	peaks: number[] = [];
	constructor(private cdp: CDPSession) {
		cdp.on('Target.attachedToTarget', (e) => {
			if (e.targetInfo.type === 'worker') void this.attached([e.sessionId]);
		});
		cdp.on('Target.receivedMessageFromTarget', (e) => this.message([e.sessionId], e.message));
		cdp.on('Target.detachedFromTarget', (e) => this.detached(e.sessionId));
	}
	/** A worker that ended (the second reader, once its half is merged) is no longer asked. */
	private detached(sessionId: string): void {
		this.workers = this.workers.filter((w) => !w.includes(sessionId));
	}
	private message(path: string[], text: string): void {
		const msg = JSON.parse(text) as {
			id?: number;
			method?: string;
			params?: { sessionId: string; message: string; targetInfo?: { type: string } };
			result?: { usedSize: number };
		};
		if (msg.method === 'Target.receivedMessageFromTarget' && msg.params)
			this.message([...path, msg.params.sessionId], msg.params.message);
		else if (msg.method === 'Target.attachedToTarget' && msg.params?.targetInfo?.type === 'worker')
			void this.attached([...path, msg.params.sessionId]);
		else if (msg.method === 'Target.detachedFromTarget' && msg.params) this.detached(msg.params.sessionId);
		else if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg.result?.usedSize ?? NaN);
	}
	private async attached(path: string[]): Promise<void> {
		this.workers.push(path);
		// Workers this one starts are attached too.
		await this.send(path, 'Target.setAutoAttach', {
			autoAttach: true,
			waitForDebuggerOnStart: false,
			flatten: false
		});
	}
	private async send(path: string[], method: string, params: object = {}): Promise<number> {
		const id = this.next++;
		let msg: object = { id, method, params };
		for (let i = path.length - 1; i >= 1; i--)
			msg = {
				id: this.next++,
				method: 'Target.sendMessageToTarget',
				params: { sessionId: path[i], message: JSON.stringify(msg) }
			};
		const answer = new Promise<number>((resolve) => {
			this.waiting.set(id, resolve);
			// An answer that does not come (a worker ending) must not hold up the sampling.
			setTimeout(() => resolve(NaN), 300);
		});
		await this.cdp
			.send('Target.sendMessageToTarget', { sessionId: path[0] as string, message: JSON.stringify(msg) })
			.catch(() => undefined);
		return answer;
	}
	async start(): Promise<void> {
		await this.cdp.send('Target.setAutoAttach', {
			autoAttach: true,
			waitForDebuggerOnStart: false,
			flatten: false
		});
	}
	/** The workers' heaps summed (NaN before the first worker starts). */
	async sample(): Promise<number> {
		if (!this.workers.length) return NaN;
		const each = await Promise.all(this.workers.map((w) => this.send(w, 'Runtime.getHeapUsage')));
		each.forEach((v, i) => {
			if (v > (this.peaks[i] ?? 0)) this.peaks[i] = v;
		});
		const sum = each.filter((v) => !Number.isNaN(v)).reduce((a, b) => a + b, 0);
		if (sum > this.peak) this.peak = sum;
		return sum;
	}
}

interface Run {
	/** The worker's own figure (read + reconciled), seconds, and its statuses/s as the page shows them. */
	seconds: number;
	rate: string;
	wall: number;
	heapPeak: number;
	heapPeaks: number[];
	heapMedian: number;
	pagePeak: number;
	pageAfter: number;
	rss: number;
}

const RUNS = arg('runs', 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function importOnce(browser: Browser, path: string): Promise<Run> {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
	await page.addInitScript({ content: 'window.__name = (f) => f;' });
	const cdp = await page.context().newCDPSession(page);
	const heap = new WorkerHeap(cdp);
	await heap.start();
	await cdp.send('Performance.enable');
	await page.goto(`http://127.0.0.1:${PORT}/analytics`);
	await page.getByTestId('log-file').waitFor();
	const name = path.split('/').pop() as string;
	const t0 = Date.now();
	await page.getByTestId('log-file').setInputFiles(path);
	const card = page.getByTestId('reconciliation').filter({ hasText: name });
	let pagePeak = 0;
	const samples: number[] = [];
	while (!(await card.isVisible())) {
		const w = await heap.sample();
		if (!Number.isNaN(w)) samples.push(w);
		const { metrics } = await cdp.send('Performance.getMetrics');
		pagePeak = Math.max(pagePeak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
		if (Date.now() - t0 > 600_000) throw new Error('import did not finish in 10 minutes');
		await page.waitForTimeout(250);
	}
	const wall = Date.now() - t0;
	const line = ((await card.locator('p').first().textContent()) ?? '').replace(/\s+/g, ' ');
	const read = /read in ([\d.]+) s \(([\d,]+) statuses\/s\)/.exec(line);
	const rss = rendererRssMb().all;
	await cdp.send('HeapProfiler.collectGarbage');
	const { metrics } = await cdp.send('Performance.getMetrics');
	const pageAfter = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
	await page.close();
	return {
		seconds: Number(read?.[1] ?? NaN),
		rate: read?.[2] ?? '?',
		wall,
		heapPeak: heap.peak,
		heapPeaks: heap.peaks,
		heapMedian: samples.length ? median(samples) : NaN,
		pagePeak,
		pageAfter,
		rss
	};
}

async function browserRuns(): Promise<string[]> {
	if (!process.argv.includes('--skip-build') || !existsSync(`${SITE}/${BUILD}/index.html`))
		execSync('npx vite build', { stdio: 'ignore', cwd: SITE, env: { ...process.env, BUILD_DIR: BUILD } });
	// A server left on the port would be measured instead of this build: refuse.
	if (
		await fetch(`http://127.0.0.1:${PORT}/`).then(
			() => true,
			() => false
		)
	)
		throw new Error(`port ${PORT} is in use: stop what serves it first`);
	// vite itself (not through npx), so that stopping it stops the server.
	const server = spawn(
		process.execPath,
		[
			'node_modules/vite/bin/vite.js',
			'preview',
			'--host',
			'127.0.0.1',
			'--port',
			String(PORT),
			'--strictPort'
		],
		// `vite preview` serves SvelteKit's output folder (SK_OUT_DIR) of the tree it runs in, not
		// BUILD_DIR: both must name this build, or another session's build would be measured.
		{ stdio: 'ignore', cwd: SITE, env: { ...process.env, BUILD_DIR: BUILD } }
	);
	let browser: Browser | null = null;
	const out: string[] = [];
	try {
		await new Promise((r) => setTimeout(r, 2500));
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
		});
		out.push(
			`analytics page import (built site, Chromium ${browser.version()}; ${RUNS} runs each, the median shown, best in brackets):`
		);
		const configs: [number, boolean][] = [
			[SMALL, false],
			[N, false],
			[N, true]
		];
		for (const [n, array] of configs) {
			const path = await logFile(n, array);
			const runs: Run[] = [];
			for (let i = 0; i < RUNS; i++) runs.push(await importOnce(browser, path));
			const byTime = [...runs].sort((a, b) => a.seconds - b.seconds);
			const mid = byTime[Math.floor(byTime.length / 2)] as Run;
			const best = byTime[0] as Run;
			const worst = (f: (r: Run) => number) => Math.max(...runs.map(f));
			const size = statSync(path).size;
			const peaks = runs.reduce<number[]>(
				(acc, r) => r.heapPeaks.map((p, i) => Math.max(p, acc[i] ?? 0)),
				[]
			);
			out.push(
				`  ${n.toLocaleString('en-US')} statuses, ${array ? 'one JSON array' : 'NDJSON'} (${mb(size)} MB): ` +
					`worker read + reconciled in ${mid.seconds.toFixed(1)} s (${mid.rate} statuses/s) [best ${best.seconds.toFixed(1)} s], ` +
					`shown after ${(mid.wall / 1000).toFixed(1)} s` +
					(n >= 1_000_000 ? ` — target ≤ 5 s: ${mid.seconds <= 5 ? 'met' : 'NOT met'}` : ''),
				`    memory (worst run): workers' JS heap peak ${mb(worst((r) => r.heapPeak))} MB` +
					(peaks.length > 1
						? ` (first ${mb(peaks[0] as number)} MB, second ${mb(peaks[1] as number)} MB)`
						: '') +
					`, median while importing ${mb(worst((r) => r.heapMedian))} MB; page JS heap peak ${mb(worst((r) => r.pagePeak))} MB (${mb(worst((r) => r.pageAfter))} MB after), renderer resident ${Math.round(worst((r) => r.rss))} MB`
			);
		}
	} finally {
		await browser?.close();
		server.kill();
	}
	return out;
}

/** The CLI's code on the same file, in-process (Node's start-up excluded): stream, read, reconcile. */
async function cliRun(): Promise<string[]> {
	const out: string[] = [];
	for (const array of [false, true]) {
		const path = await logFile(N, array);
		const before = process.memoryUsage().heapUsed;
		let peak = before;
		const t0 = performance.now();
		const { reader } = await readLog(createReadStream(path, { highWaterMark: 1 << 20 }), 0, {
			progress: () => (peak = Math.max(peak, process.memoryUsage().heapUsed)),
			cancelled: () => false,
			every: 100
		});
		const t1 = performance.now();
		const r = reconcileCompact(reader, 'UTC');
		const t2 = performance.now();
		peak = Math.max(peak, process.memoryUsage().heapUsed);
		out.push(
			`cli reconcile, ${reader.statusCount.toLocaleString('en-US')} statuses, ${array ? 'one JSON array' : 'NDJSON'}: read ${((t1 - t0) / 1000).toFixed(1)} s, reconciled ${((t2 - t1) / 1000).toFixed(1)} s, ` +
				`${Math.round(reader.statusCount / ((t2 - t0) / 1000)).toLocaleString('en-US')} statuses/s; heap peak ${mb(peak)} MB (${r.reconciliation.messages.toLocaleString('en-US')} messages, ${r.reconciliation.mismatched.billed_but_free.toLocaleString('en-US')} billed though free)`
		);
	}
	return out;
}

const lines = [
	...(process.argv.includes('--node-only') ? [] : await browserRuns()),
	...(await cliRun()),
	`machine: ${process.version}; logs generated by tests/fixtures/webhooks/generate-log.ts`
];
console.log(lines.join('\n'));
