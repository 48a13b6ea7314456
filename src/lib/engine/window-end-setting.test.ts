/**
 * Issue 8, points 4 and 7 through both engines (machines and kernel): the window-end setting
 * (exactly 24 h: open or closed, UNCONFIRMED, §6.1) governs every window the engine times — the
 * customer service window, the 24 h conversations, the 72 h free entry point and the 24 h reply
 * limit that opens it — and +1 numbers are told apart by area code for the US marketing pause.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioEvent } from '$lib/domain/scenario';
import {
	customer,
	H,
	reply,
	scenario,
	template,
	type ScenarioOptions
} from '../../../tests/helpers/build-scenario';
import type { Outcome } from './ledger';
import { kernelReplay, replay } from './replay';

const DAY = 24 * H;

function outcomes(events: ScenarioEvent[], options: ScenarioOptions): Outcome[] {
	const s = scenario(events, options);
	const ledger = replay(s);
	const { snapshots: _a, ...machine } = ledger;
	const { snapshots: _b, ...kernel } = kernelReplay(s);
	expect(kernel).toEqual(machine);
	return ledger.messages.map((m) => m.outcome);
}

describe('the window-end setting governs every window', () => {
	it.each([
		{
			window: 'the 24 h customer service window',
			events: [customer(0), reply(DAY)],
			closed: ['received', 'blocked'],
			open: ['received', 'charged']
		},
		{
			window: 'a 24 h conversation',
			events: [template(0, 'marketing'), template(DAY, 'marketing')],
			closed: ['charged', 'charged'],
			open: ['charged', 'included']
		},
		{
			window: 'the 72 h free entry point',
			events: [customer(0, 'ctwa_ad'), reply(H), template(H + 72 * H, 'utility')],
			closed: ['received', 'free', 'charged'],
			open: ['received', 'free', 'free']
		},
		{
			window: 'the 24 h to reply to an ad click that opens the free entry point',
			events: [customer(0, 'ctwa_ad'), template(DAY, 'marketing')],
			closed: ['received', 'charged'],
			open: ['received', 'free']
		}
	])('$window: closed at its exact end by default, open with inclusive ends', ({ events, closed, open }) => {
		expect(outcomes(events, {})).toEqual(closed);
		expect(outcomes(events, { inclusive: true })).toEqual(open);
	});
});

describe('markets from +1 numbers in the engine', () => {
	// After the US pause began (about 2025-04-01), under per-message pricing.
	const base = Date.UTC(2025, 7, 4, 12);
	const events = [template(0, 'marketing', { base })];
	const run = (market: string) => {
		const s = scenario(events, { market, regime: null });
		const l = replay(s);
		return { outcome: l.messages[0]?.outcome, code: l.messages[0]?.code, market: l.messages[0]?.market };
	};

	it('+1 212 is North America and the US marketing pause applies', () => {
		expect(run('+1 212 555 0100')).toEqual({
			outcome: 'failed',
			code: 'us_marketing_paused',
			market: 'North America'
		});
	});
	it('+1 416 is North America and not paused', () => {
		expect(run('+1 416 555 0100')).toMatchObject({ outcome: 'charged', market: 'North America' });
	});
	it('+1 242 (Bahamas) is Other and not paused', () => {
		expect(run('+1 242 555 0100')).toMatchObject({ outcome: 'charged', market: 'Other' });
	});
	it('+1 671 (Guam, a US territory) is Other and not paused', () => {
		expect(run('+1 671 555 0100')).toMatchObject({ outcome: 'charged', market: 'Other' });
	});
	it('+1 809 is Rest of Latin America', () => {
		expect(run('+1 809 555 0100')).toMatchObject({ outcome: 'charged', market: 'Rest of Latin America' });
	});
});
