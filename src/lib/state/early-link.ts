/**
 * A long share link starts opening while the app itself starts (issue 9: a 100,000-event link is
 * ~100 KB, ~650 KB in the s1 format, and its worker needs a while). A script in src/app.html starts
 * the pricing worker as the page's HTML is read, before the app's code has loaded; hooks.client.ts
 * calls `startEarly` before the first page loads, which takes that worker over (or starts one, where
 * the script did not), and the sandbox page takes the same opening with `takeEarly` instead of
 * starting another.
 * Small (the request's shape and the worker's start only): it is part of every page's start-up code.
 */
import { openLinkRequest, type PricingReply } from '$lib/engine/pricing-protocol';
import type { Ledger } from '$lib/engine/ledger';
import type { ShareDecodeResult } from '$lib/storage/share-link';
import { startPricingWorker } from './pricing-worker';

/** An opened share link (state/link-opener.ts). */
export interface OpenedLink {
	result: ShareDecodeResult | null;
	/** The ledger of `result.scenario`, being priced by the worker that read the link. */
	ledger?: Promise<Ledger>;
}

/** A worker already asked to open the link, with the replies it gave so far. */
export interface StartedLinkWorker {
	worker: Worker;
	replies: PricingReply[];
}

/** s1 links longer than this are opened in a worker (decoding a shorter one takes a few milliseconds). */
export const WORKER_LINK_CHARS = 64 * 1024;
/**
 * The same for s2 links and later ones: packed, a run takes a character or less an event (a
 * 100,000-event run can be 15 KB), so a link of a few KB may hold thousands of events, a run the
 * bulk path prices in a worker anyway: better one started now, that also reads the link.
 */
export const WORKER_PACKED_LINK_CHARS = 4 * 1024;

/** Whether an address fragment is a share link long enough for a worker. */
export function isLongLink(hash: string): boolean {
	const version = /^#?s(\d+)=/.exec(hash)?.[1];
	if (version === undefined) return false;
	return hash.length > (version === '1' ? WORKER_LINK_CHARS : WORKER_PACKED_LINK_CHARS);
}

/** What the script in src/app.html leaves on `window` when it started a worker for the link. */
interface InlineStart {
	hash: string;
	worker: Worker;
	replies: PricingReply[];
	/** The worker failed before the app took it over (its script did not load, as on the dev server). */
	failed: boolean;
}

/** The worker app.html started for `hash`, taken once; null if it started none (or it failed). */
function takeInlineStart(hash: string): InlineStart | null {
	const w = globalThis as { __waEarlyLink?: InlineStart };
	const inline = w.__waEarlyLink;
	delete w.__waEarlyLink;
	if (!inline || inline.hash !== hash || inline.failed) {
		inline?.worker.terminate();
		return null;
	}
	return inline;
}

let early: {
	hash: string;
	opened: Promise<OpenedLink>;
	phase: string | null;
	listener: ((phase: string) => void) | null;
} | null = null;

/**
 * Starts opening `hash` if it is a long link of the sandbox page: the pricing worker starts at once
 * and its replies wait here until the opener's code (loaded meanwhile) takes them over.
 */
export function startEarly(pathname: string, hash: string): void {
	if (!/\/sandbox\/?$/.test(pathname) || !isLongLink(hash)) return;
	const inline = takeInlineStart(hash);
	const first = inline?.worker ?? startPricingWorker();
	if (!first) return; // the page opens the link itself
	let worker: Worker = first;
	// Named moments of a long open, read by bench/browser/sandbox-bench.ts (app.html marks its own).
	if (!inline) performance.mark('wa:link-early-start');
	const replies: PricingReply[] = inline?.replies ?? [];
	const listen = (w: Worker) => {
		w.onmessage = (m: MessageEvent<PricingReply>) => void replies.push(m.data);
		w.onerror = (ev) => {
			// app.html's worker that fails before its first reply (an old copy of its script, cached
			// under its fixed name): this app's own worker starts instead.
			const own = w === inline?.worker && replies.length === 0 ? startPricingWorker() : null;
			if (own) {
				w.terminate();
				worker = own;
				listen(own);
				own.postMessage(openLinkRequest(hash));
				return;
			}
			// A worker that fails before the opener takes over (its script not loading) is told as a reply too.
			replies.push({ id: 1, type: 'error', message: ev.message || 'the pricing worker failed' });
		};
	};
	listen(worker);
	if (!inline) worker.postMessage(openLinkRequest(hash));
	const e: NonNullable<typeof early> = { hash, opened: null as never, phase: null, listener: null };
	const onProgress = (phase: string) => {
		e.phase = phase;
		e.listener?.(phase);
	};
	e.opened = import('./link-opener').then((m) => m.openShareLink(hash, onProgress, { worker, replies }));
	// Nobody may take it (the page opens a draft instead): not an unhandled error.
	e.opened.catch(() => undefined);
	early = e;
}

/** Opens `hash`: the opening started with the app if there is one, else a new one (its code loaded now). */
export function openLink(hash: string, onProgress?: (phase: string) => void): Promise<OpenedLink> {
	return (
		takeEarly(hash, onProgress) ?? import('./link-opener').then((m) => m.openShareLink(hash, onProgress))
	);
}

/** The opening of `hash` started early, once, with its progress from now on (and the last phase at once). */
export function takeEarly(hash: string, onProgress?: (phase: string) => void): Promise<OpenedLink> | null {
	if (!early || early.hash !== hash) return null;
	const e = early;
	early = null;
	e.listener = onProgress ?? null;
	if (e.phase !== null) onProgress?.(e.phase);
	return e.opened;
}
