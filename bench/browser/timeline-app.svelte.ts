/**
 * The bench page's stand-in for the sandbox page: holds the scenario, its ledger (replayed once per
 * edit) and the playhead, and on every playhead move reads stateAt and writes a status line, as the
 * real page does, so that cost is inside the measured frame. Plain TS with runes (no .svelte file),
 * so it stays inside the project's TypeScript and lint setup.
 */
import { mount } from 'svelte';
import type { Scenario } from '$lib/domain/scenario';
import { formatInstantUtc } from '$lib/domain/time';
import { formatMicros, type EpochMs } from '$lib/domain/units';
import { replay } from '$lib/engine/replay';
import { stateAt } from '$lib/engine/state-at';
import { Timeline } from '$lib/timeline';

export interface AppOptions {
	scenario: Scenario;
	mode: 'auto' | 'svg' | 'canvas';
	editable: boolean;
}

export function startApp(target: HTMLElement, opts: AppOptions): void {
	const t0 = performance.now();
	let scenario = $state.raw(opts.scenario);
	const first = replay(opts.scenario);
	const replayMs = Math.round(performance.now() - t0);
	let ledger = $state.raw(first);
	let playhead = $state((first.messages[0]?.at ?? 0) as EpochMs);
	let selected = $state<number | null>(null);

	const status = Object.assign(document.createElement('p'), { className: 'status' });
	const host = document.createElement('div');
	target.append(status, host);

	mount(Timeline, {
		target: host,
		props: {
			get scenario() {
				return scenario;
			},
			get ledger() {
				return ledger;
			},
			get playhead() {
				return playhead;
			},
			set playhead(t: EpochMs) {
				playhead = t;
			},
			get selected() {
				return selected;
			},
			set selected(i: number | null) {
				selected = i;
			},
			editable: opts.editable,
			denseThreshold: opts.mode === 'svg' ? Infinity : opts.mode === 'canvas' ? 0 : undefined,
			onmoveevent: (index: number, at: EpochMs) => {
				const events = scenario.events.map((e, i) => (i === index ? { ...e, at: formatInstantUtc(at) } : e));
				scenario = { ...scenario, events };
				ledger = replay(scenario);
			}
		}
	});

	$effect.root(() => {
		$effect(() => {
			const now = stateAt(ledger, playhead);
			status.textContent =
				`${ledger.messages.length} messages · replay ${replayMs} ms · total so far ${formatMicros(now.total)} ${ledger.currency}` +
				` · free-form ${now.freeForm.allowed ? 'allowed' : 'not allowed'} · selected ${selected ?? '–'}`;
		});
		window.__tl.ready = true;
	});
}
