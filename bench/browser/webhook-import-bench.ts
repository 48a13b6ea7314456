/**
 * The analytics page's webhook import, built as users get it, in Debian's Chromium (issue 12
 * point 1): a generated log of 100,000 and 1,000,000 statuses (NDJSON, one envelope a line; and the
 * million as one JSON array) chosen in the file input, timed until its reconciliation shows, with
 * the worker's own figure (read + reconciled, statuses/s); the JS heap of the worker (CDP
 * Runtime.getHeapUsage through the page's target, sampled while it works) and of the page, and the
 * renderer's resident memory. Then the CLI's own code on the same million, in-process.
 *   npx tsx bench/browser/webhook-import-bench.ts [--n 1000000] [--skip-build] [--node-only]
 * SITE_DIR names another checkout to build and serve (e.g. an older commit, for a before figure).
 * BUILD_DIR and SK_OUT_DIR name the build (both: the preview serves SK_OUT_DIR's output), so that
 * sessions sharing a tree each measure their own.
 * Prints the figures; bench/run.ts records them in BENCHMARKS.md.
 */
import { chromium, type CDPSession } from '@playwright/test';
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

/** The heap of the import worker, asked through the page's CDP session (non-flat auto-attach). */
class WorkerHeap {
	private sessionId: string | null = null;
	private next = 1;
	private waiting = new Map<number, (v: number) => void>();
	peak = 0;
	constructor(private cdp: CDPSession) {
		cdp.on('Target.attachedToTarget', (e) => {
			if (e.targetInfo.type === 'worker') this.sessionId = e.sessionId;
		});
		cdp.on('Target.receivedMessageFromTarget', (e) => {
			const msg = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
			if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg.result?.usedSize ?? NaN);
		});
	}
	async start(): Promise<void> {
		await this.cdp.send('Target.setAutoAttach', {
			autoAttach: true,
			waitForDebuggerOnStart: false,
			flatten: false
		});
	}
	async sample(): Promise<number> {
		if (!this.sessionId) return NaN;
		const id = this.next++;
		const used = new Promise<number>((resolve) => {
			this.waiting.set(id, resolve);
			setTimeout(() => resolve(NaN), 2000);
		});
		await this.cdp
			.send('Target.sendMessageToTarget', {
				sessionId: this.sessionId,
				message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' })
			})
			.catch(() => undefined);
		const v = await used;
		if (v > this.peak) this.peak = v;
		return v;
	}
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
	await new Promise((r) => setTimeout(r, 2500));
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
	});
	const out: string[] = [`analytics page import (built site, Chromium ${browser.version()}):`];
	try {
		const runs: [number, boolean][] = [
			[SMALL, false],
			[N, false],
			[N, true]
		];
		for (const [n, array] of runs) {
			const path = await logFile(n, array);
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
			const size = statSync(path).size;
			out.push(
				`  ${n.toLocaleString('en-US')} statuses, ${array ? 'one JSON array' : 'NDJSON'} (${mb(size)} MB): ` +
					`worker read + reconciled in ${read?.[1] ?? '?'} s (${read?.[2] ?? '?'} statuses/s), shown after ${(wall / 1000).toFixed(1)} s` +
					(n >= 1_000_000 ? ` — target ≤ 5 s: ${Number(read?.[1]) <= 5 ? 'met' : 'NOT met'}` : ''),
				`    memory: worker JS heap peak ${Number.isNaN(heap.peak) || heap.peak === 0 ? '?' : `${mb(heap.peak)} MB`} (median while importing ${samples.length ? `${mb(samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] as number)} MB` : '?'}), page JS heap peak ${mb(pagePeak)} MB (${mb(pageAfter)} MB after), renderer resident ${Math.round(rss)} MB`
			);
			await page.close();
		}
	} finally {
		await browser.close();
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
