/**
 * A long share link opened as the app starts (early-link.ts): its worker's replies, and a worker that
 * fails, before the page takes the opening over. The worker is a stand-in; link-opener.ts is real.
 */
import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '$lib/domain/scenario';
import { USE_CASES } from '$lib/domain/use-cases';
import { decodeShareFragment, encodeShareFragment, readShareFragment } from '$lib/storage/share-link';
import { largeScenario } from '../../../tests/helpers/large-scenario';
import { openLinkRequest } from '$lib/engine/pricing-protocol';
import { isLongLink, startEarly, takeEarly, WORKER_LINK_CHARS, WORKER_PACKED_LINK_CHARS } from './early-link';
import { timedEventsOf } from './timed-events';

class FakeWorker {
	static last: FakeWorker | null = null;
	onmessage: ((e: MessageEvent) => void) | null = null;
	onerror: ((e: ErrorEvent) => void) | null = null;
	posted: unknown[] = [];
	terminated = false;
	constructor() {
		FakeWorker.last = this;
	}
	postMessage(m: unknown) {
		this.posted.push(m);
	}
	terminate() {
		this.terminated = true;
	}
	reply(data: unknown) {
		this.onmessage?.({ data } as MessageEvent);
	}
}

const longLink = `#s1=${LZString.compressToEncodedURIComponent(JSON.stringify(largeScenario(12_000)))}`;

describe('a long link opened as the app starts', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		FakeWorker.last = null;
	});

	it('starts nothing for another page or a short link', () => {
		vi.stubGlobal('Worker', FakeWorker);
		expect(longLink.length).toBeGreaterThan(WORKER_LINK_CHARS);
		startEarly('/runs', longLink);
		startEarly('/sandbox', '#s1=short');
		expect(FakeWorker.last).toBeNull();
		expect(takeEarly(longLink)).toBeNull();
	});

	it('hands the page the replies the worker gave before the opener loaded, and its last phase', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		startEarly('/app/sandbox', longLink);
		const worker = FakeWorker.last!;
		expect(worker.posted).toEqual([{ id: 1, type: 'open-link', fragment: longLink }]);
		worker.reply({ id: 1, type: 'progress', phase: 'reading the link' });
		worker.reply({ id: 1, type: 'refused', version: 's1', reason: 'it names an unknown market.' });
		const phases: string[] = [];
		const opened = await takeEarly(longLink, (p) => phases.push(p))!;
		expect(phases).toEqual(['reading the link']);
		expect(opened.result).toEqual({ ok: false, version: 's1', reason: 'it names an unknown market.' });
		expect(worker.terminated).toBe(true);
		expect(takeEarly(longLink)).toBeNull(); // taken once
	});

	it('reads the link on the page when the worker failed before the opener took over', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		startEarly('/sandbox', longLink);
		FakeWorker.last!.onerror?.({ message: 'script failed to load' } as ErrorEvent);
		const opened = await takeEarly(longLink)!;
		expect(opened.result).toEqual(decodeShareFragment(longLink));
		expect(opened.result?.ok).toBe(true);
	});

	it('an s2 link of a few KB starts early too; the scenario is unpacked from the payload the worker sends', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		startEarly('/sandbox', `#${encodeShareFragment(USE_CASES[0]!.scenario)}`);
		expect(FakeWorker.last).toBeNull();
		const scenario = largeScenario(12_000) as Scenario;
		const link = `#${encodeShareFragment(scenario)}`;
		expect(link.length).toBeGreaterThan(WORKER_PACKED_LINK_CHARS);
		expect(link.length).toBeLessThan(WORKER_LINK_CHARS);
		startEarly('/sandbox', link);
		const worker = FakeWorker.last!;
		expect(worker.posted).toEqual([{ id: 1, type: 'open-link', fragment: link }]);
		const read = readShareFragment(link)!;
		// The run is in time order already: the order is the input order.
		const order = Int32Array.from(scenario.events, (_, i) => i);
		worker.reply({ id: 1, type: 'opened', version: 's2', payload: read.payload, order, at: read.at });
		const opened = await takeEarly(link)!;
		expect(opened.result).toEqual({ ok: true, version: 's2', scenario });
		expect(opened.ledger).toBeInstanceOf(Promise);
		if (!opened.result?.ok) return;
		// The time order came from the worker: primed, not parsed again.
		const timed = timedEventsOf(opened.result.scenario);
		expect(timed).toHaveLength(12_000);
		expect(timed[7]).toEqual({ index: 7, t: read.at![7], event: opened.result.scenario.events[7] });
		expect(worker.terminated).toBe(false); // it prices the run next
	});

	it('takes over the worker app.html started, with the replies it already gave, and starts no other', async () => {
		const inline = new FakeWorker();
		FakeWorker.last = null;
		vi.stubGlobal('Worker', FakeWorker);
		const reading = { id: 1, type: 'progress', phase: 'reading the link' };
		vi.stubGlobal('__waEarlyLink', { hash: longLink, worker: inline, replies: [reading], failed: false });
		startEarly('/sandbox', longLink);
		expect(FakeWorker.last).toBeNull();
		expect((globalThis as { __waEarlyLink?: unknown }).__waEarlyLink).toBeUndefined();
		inline.reply({ id: 1, type: 'refused', version: 's1', reason: 'it names an unknown market.' });
		const phases: string[] = [];
		const opened = await takeEarly(longLink, (p) => phases.push(p))!;
		expect(phases).toEqual(['reading the link']);
		expect(opened.result).toEqual({ ok: false, version: 's1', reason: 'it names an unknown market.' });
	});

	it('starts its own worker when app.html’s fails before its first reply (an old copy of its script)', async () => {
		const inline = new FakeWorker();
		FakeWorker.last = null;
		vi.stubGlobal('Worker', FakeWorker);
		vi.stubGlobal('__waEarlyLink', { hash: longLink, worker: inline, replies: [], failed: false });
		startEarly('/sandbox', longLink);
		inline.onerror?.({ message: 'script failed to load' } as ErrorEvent);
		const own = FakeWorker.last!;
		expect(own).not.toBeNull();
		expect(inline.terminated).toBe(true);
		expect(own.posted).toEqual([openLinkRequest(longLink)]);
		own.reply({ id: 1, type: 'refused', version: 's1', reason: 'it names an unknown market.' });
		expect((await takeEarly(longLink)!).result?.ok).toBe(false);

		// Failed before the app even started: not taken over at all.
		const failed = new FakeWorker();
		FakeWorker.last = null;
		vi.stubGlobal('__waEarlyLink', { hash: longLink, worker: failed, replies: [], failed: true });
		startEarly('/sandbox', longLink);
		expect(failed.terminated).toBe(true);
		expect(FakeWorker.last!.posted).toEqual([openLinkRequest(longLink)]);
		void takeEarly(longLink);
	});
});

/** The script in src/app.html that starts the worker before the app's code loads. */
const appHtmlScript = [...readFileSync('src/app.html', 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)]
	.map((m) => m[1]!)
	.find((s) => s.includes('__waEarlyLink'))!;

/** Runs that script for an address; what it started, if anything. */
function runAppHtmlScript(pathname: string, hash: string) {
	const started: { url: string; options: unknown; posted: unknown[] }[] = [];
	class Recorder {
		posted: unknown[] = [];
		onmessage = null;
		onerror = null;
		constructor(url: URL, options: unknown) {
			started.push({ url: String(url), options, posted: this.posted });
		}
		postMessage(m: unknown) {
			this.posted.push(m);
		}
	}
	const icon = { href: 'https://example.org/base/favicon.svg' };
	const document = { querySelector: (q: string) => (q === 'link[rel="icon"]' ? icon : null) };
	const window: Record<string, unknown> = {};
	const performance = { mark: () => undefined };
	new Function('location', 'document', 'Worker', 'window', 'performance', appHtmlScript)(
		{ pathname, hash },
		document,
		Recorder,
		window,
		performance
	);
	return { started, early: window.__waEarlyLink as { hash: string } | undefined };
}

describe('the script in app.html that starts the worker first', () => {
	it('starts it for exactly the links isLongLink names, on the sandbox page only', () => {
		const hashes = [
			'',
			'#s1=short',
			`#s1=${'A'.repeat(WORKER_LINK_CHARS - 4)}`,
			`#s1=${'A'.repeat(WORKER_LINK_CHARS - 3)}`,
			`#s2=${'A'.repeat(WORKER_PACKED_LINK_CHARS - 4)}`,
			`#s2=${'A'.repeat(WORKER_PACKED_LINK_CHARS - 3)}`,
			`#s3=${'A'.repeat(WORKER_PACKED_LINK_CHARS)}`,
			`#x1=${'A'.repeat(WORKER_LINK_CHARS)}`
		];
		for (const pathname of ['/sandbox', '/sandbox/', '/base/sandbox', '/runs', '/sandbox/x'])
			for (const hash of hashes) {
				const expected = /\/sandbox\/?$/.test(pathname) && isLongLink(hash);
				const { started, early } = runAppHtmlScript(pathname, hash);
				expect({ pathname, length: hash.length, started: started.length }).toEqual({
					pathname,
					length: hash.length,
					started: expected ? 1 : 0
				});
				if (!expected) continue;
				expect(started[0]).toEqual({
					url: 'https://example.org/base/_app/pricing.worker.js',
					options: { type: 'module' },
					posted: [openLinkRequest(hash)]
				});
				expect(early?.hash).toBe(hash);
			}
	});
});
