/**
 * A long share link opened through the real pricing worker's code (workers/pricing.worker.ts, run
 * in this process behind a stand-in Worker): s2 and s1 links come to the page as the scenario they
 * hold, with their time order, and then their ledger; a bad link is refused with its reason.
 */
import LZString from 'lz-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timedEvents, type Scenario } from '$lib/domain/scenario';
import { replay } from '$lib/engine/replay';
import { encodeShareFragment } from '$lib/storage/share-link';
import { largeScenario } from '../../../tests/helpers/large-scenario';
import { openShareLink } from './link-opener';
import { timedEventsOf } from './timed-events';

/** The worker's global scope: what the worker module sees as `self` (Vite's worker URLs read its location). */
const scope: {
	onmessage: ((e: MessageEvent) => void) | null;
	postMessage: (data: unknown) => void;
	location: Location;
} = { onmessage: null, postMessage: () => undefined, location: window.location };

/** A Worker whose messages go to the worker module's handler in this process (structured-cloned, as a real one's). */
class InProcessWorker {
	static replies: string[] = [];
	onmessage: ((e: MessageEvent) => void) | null = null;
	onerror: ((e: ErrorEvent) => void) | null = null;
	terminated = false;
	constructor() {
		scope.postMessage = (data: unknown) => {
			InProcessWorker.replies.push((data as { type: string }).type);
			const copy = structuredClone(data);
			setTimeout(() => this.terminated || this.onmessage?.({ data: copy } as MessageEvent));
		};
	}
	postMessage(data: unknown) {
		setTimeout(() => scope.onmessage?.({ data: structuredClone(data) } as MessageEvent));
	}
	terminate() {
		this.terminated = true;
	}
}

describe('opening a long link through the pricing worker', () => {
	beforeEach(async () => {
		vi.stubGlobal('self', scope);
		vi.stubGlobal('Worker', InProcessWorker);
		InProcessWorker.replies = [];
		vi.resetModules();
		await import('$lib/workers/pricing.worker');
	});
	afterEach(() => vi.unstubAllGlobals());

	// Out of time order, with texts (extras of the packed form) and offsets.
	const scenario = (() => {
		const s = largeScenario(12_000) as Scenario;
		const events = s.events.map((e, i) =>
			i % 100 === 7
				? { ...e, text: `note ${i}` }
				: i % 50 === 3
					? { ...e, at: e.at.replace('Z', '+00:00') }
					: e
		);
		[events[10], events[11]] = [events[11]!, events[10]!];
		return { ...s, events } as Scenario;
	})();

	it.each([
		['s2', `#${encodeShareFragment(scenario)}`],
		['s1', `#s1=${LZString.compressToEncodedURIComponent(JSON.stringify(scenario))}`]
	])('an %s link: the scenario, its time order, then its ledger', async (version, hash) => {
		const phases: string[] = [];
		const opened = await openShareLink(hash, (p) => phases.push(p));
		expect(opened.result).toEqual({ ok: true, version, scenario });
		if (!opened.result?.ok) return;
		const shown = opened.result.scenario;
		expect(timedEventsOf(shown)).toEqual(timedEvents(shown));
		const ledger = await opened.ledger!;
		expect(ledger.total).toBe(replay(scenario).total);
		expect(ledger.messages).toHaveLength(12_000);
		expect(phases[0]).toBe('reading the link');
		expect(InProcessWorker.replies).toEqual(['progress', 'opened', 'progress', 'done']);
	});

	it('a damaged link is refused with the reason the codec gives', async () => {
		const hash = `#${encodeShareFragment(scenario).slice(0, -40)}`;
		expect(hash.length).toBeGreaterThan(4096);
		const opened = await openShareLink(hash);
		expect(opened).toEqual({
			result: {
				ok: false,
				version: 's2',
				reason: 'the link is damaged (it may have been cut short when it was copied).'
			}
		});
	});
});
