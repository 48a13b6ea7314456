/**
 * Timeline drag benchmark: renders the Timeline with a generated 10,000-event scenario in Chromium
 * and measures, for every pointermove of a playhead drag, the time from the move to the end of the
 * frame it caused (input handling, Svelte update, rAF, style, layout, paint; see timeline-probe.ts).
 *   npx tsx bench/browser/timeline-bench.ts [--moves 300] [--n 10000] [--dev]
 * Builds the bench page (timeline.vite.config.ts) into the OS temp dir and serves it on port 5391
 * (--dev: the dev server instead); prints a table and JSON.
 */
import { chromium, type Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer, preview } from 'vite';

const arg = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MOVES = arg('moves', 300);
const N = arg('n', 10_000);

const quantile = (xs: number[], q: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const stats = (xs: number[]) => ({
	n: xs.length,
	median: +quantile(xs, 0.5).toFixed(2),
	p95: +quantile(xs, 0.95).toFixed(2),
	max: +Math.max(...xs).toFixed(2)
});

async function open(page: Page, query: string) {
	await page.goto(`http://127.0.0.1:5391/timeline.html?${query}`);
	await page.waitForFunction(() => window.__tl?.ready, null, { timeout: 120_000 });
	await page.waitForTimeout(500);
	return page.evaluate(() => ({
		buttons: document.querySelectorAll('.mark[role=button]').length,
		canvas: document.querySelectorAll('canvas').length
	}));
}

/**
 * Main-thread CPU time per frame from a Chrome trace: the sum of the renderer main thread's
 * top-level tasks' thread time (tdur), which other processes on a busy machine do not inflate the
 * way they inflate wall-clock frame times. Includes the runner's tiny per-move evaluate calls.
 */
function mainThreadCpuMs(trace: Buffer): number {
	const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
	const main = new Set(
		events
			.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
			.map((e) => `${e.pid}:${e.tid}`)
	);
	let us = 0;
	for (const e of events)
		if (e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`)) us += e.tdur ?? 0;
	return us / 1000;
}
interface TraceEvent {
	ph: string;
	name: string;
	pid: number;
	tid: number;
	tdur?: number;
	args?: { name?: string };
}

/** Press on the axis track, then MOVES moves to the right, one frame each; release. */
async function dragPlayhead(page: Page): Promise<number[]> {
	const track = await page.locator('.track').boundingBox();
	if (!track) throw new Error('no axis track');
	const y = track.y + track.height - 6;
	const x0 = track.x + 80;
	const x1 = track.x + track.width - 40;
	await page.mouse.move(x0, y);
	await page.mouse.down();
	await page.evaluate(() => window.__tl.reset());
	for (let k = 1; k <= MOVES; k++) {
		await page.mouse.move(x0 + ((x1 - x0) * k) / MOVES, y);
		await page.evaluate(() => window.__tl.settled());
	}
	await page.mouse.up();
	return page.evaluate(() => [...window.__tl.frames]);
}

/** Wheel zoom steps over the middle of the plot: a full re-layout of marks per frame. */
async function wheelZoom(page: Page, steps = 40): Promise<number[]> {
	const track = await page.locator('.track').boundingBox();
	if (!track) throw new Error('no axis track');
	await page.mouse.move(track.x + track.width / 2, track.y + 120);
	await page.evaluate(() => window.__tl.reset());
	for (let k = 0; k < steps; k++) {
		await page.mouse.wheel(0, k < steps / 2 ? -60 : 60);
		await page.evaluate(() => window.__tl.settled());
	}
	return page.evaluate(() => [...window.__tl.frames]);
}

// A production build by default: Svelte's dev mode adds checks to every update and would skew frames.
const configFile = fileURLToPath(new URL('./timeline.vite.config.ts', import.meta.url));
const dev = process.argv.includes('--dev');
const outDir = join(tmpdir(), 'wa-timeline-bench');
let server: { close: () => Promise<void> };
if (dev) {
	const s = await createServer({ configFile });
	await s.listen();
	server = s;
} else {
	await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
	const p = await preview({
		configFile,
		build: { outDir },
		preview: { port: 5391, strictPort: true, host: '127.0.0.1' }
	});
	server = { close: () => p.close() };
}
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
});
const results: Record<string, unknown> = {};
try {
	// auto: what ships (canvas past DENSE_THRESHOLD); svg: all N marks forced into SVG, the
	// alternative; svg@1500: SVG at the threshold, the worst case auto still draws as SVG.
	const runs = { auto: `n=${N}&mode=auto`, svg: `n=${N}&mode=svg`, 'svg@1500': 'n=1500&mode=svg' };
	for (const [mode, query] of Object.entries(runs)) {
		const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
		const dom = await open(page, query);
		await browser.startTracing(page, {
			categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline']
		});
		const drag = stats(await dragPlayhead(page));
		const cpuPerFrame = +(mainThreadCpuMs(await browser.stopTracing()) / MOVES).toFixed(2);
		const zoom = stats(await wheelZoom(page));
		results[mode] = { ...dom, drag, cpuPerFrame, zoom };
		console.log(`${mode.padEnd(9)} marks as SVG buttons: ${dom.buttons}, canvas: ${dom.canvas}`);
		console.log(
			`      playhead drag ms/frame  median ${drag.median}  p95 ${drag.p95}  max ${drag.max}  (n=${drag.n})`
		);
		console.log(`      playhead drag main-thread CPU ms/frame (trace) ${cpuPerFrame}`);
		console.log(
			`      wheel zoom    ms/frame  median ${zoom.median}  p95 ${zoom.p95}  max ${zoom.max}  (n=${zoom.n})`
		);
		await page.close();
	}
	console.log(
		JSON.stringify({
			events: N,
			moves: MOVES,
			build: dev ? 'dev' : 'production',
			chromium: browser.version(),
			results
		})
	);
} finally {
	await browser.close();
	await server.close();
}
