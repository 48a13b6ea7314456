import { describe, expect, it } from 'vitest';
import { useCaseById } from '$lib/domain/use-cases';
import { replay } from '$lib/engine/replay';
import type { Ledger } from '$lib/engine/ledger';
import { TimelineView } from './timeline-view.svelte';

const uc1 = useCaseById('service-conversation')!.scenario;

describe('TimelineView', () => {
	it('keeps its extent, scale and ticks when a new ledger spans the same time (an edit that keeps it)', () => {
		const input = $state<{ ledger: Ledger }>({ ledger: replay(uc1) });
		const view = new TimelineView({
			scenario: uc1,
			get ledger() {
				return input.ledger;
			},
			playhead: replay(uc1).messages[0]!.at,
			height: undefined,
			width: 900,
			denseThreshold: 250
		});
		const { extent, x, ticks } = view;
		input.ledger = replay(uc1);
		expect(view.extent).toBe(extent);
		expect(view.x).toBe(x);
		expect(view.ticks).toBe(ticks);
		// A ledger that spans less moves them.
		input.ledger = {
			...input.ledger,
			messages: input.ledger.messages.slice(0, 2),
			windows: [],
			conversations: []
		};
		expect(view.extent).not.toBe(extent);
		expect(view.extent[1]).toBeLessThan(extent[1]);
	});
});
