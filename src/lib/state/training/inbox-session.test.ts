/**
 * The inbox session: the clock delivers the customer's messages when their time comes, the step
 * button lands where something happens, free-form outside the window is refused (131047) and kept
 * in the chat, the broadcast button follows the window and the agent setting, and an exercise's
 * verdict is reported once.
 */
import { describe, expect, it, vi } from 'vitest';
import { HOUR, MINUTE, type EpochMs } from '$lib/domain/units';
import { exerciseById } from '$lib/engine/training/exercises';
import { freePlaySetup } from '$lib/engine/training/free-play';
import { InboxSession } from './inbox-session.svelte';

describe('InboxSession', () => {
	it('free play: messages arrive on the clock; stepping stops where something happens', () => {
		const s = new InboxSession(freePlaySetup('cbp-2023-06'));
		const start = s.clock.now;
		expect(s.scenario.events).toHaveLength(0);
		expect(s.windowOpen).toBe(false);
		s.step();
		expect(s.clock.now).toBe(start + 5 * MINUTE);
		expect(s.scenario.events).toHaveLength(1);
		expect(s.windowOpen).toBe(true);
		expect(s.regime.id).toBe('cbp-2023-06');
		s.clock.setTo((start + 30 * HOUR) as EpochMs);
		expect(s.scenario.events).toHaveLength(2);
		expect(s.state.serviceWindow).toBeNull();
	});

	it('free-form outside the window is refused and offered a template; a template goes through', () => {
		const s = new InboxSession(freePlaySetup('cbp-2023-06'));
		const refused = s.sendFreeForm('Hello');
		expect(refused.outcome).toBe('blocked');
		expect(s.last?.reason).toContain('131047');
		const t = s.sendTemplate('utility', 'Order update');
		expect(t.outcome).toBe('charged');
		expect(s.last?.charge).toBe(t.charge);
		expect(s.scenario.events.map((e) => e.type)).toEqual(['business_message', 'template']);
	});

	it('the broadcast button: window active and the setting on', () => {
		const s = new InboxSession(freePlaySetup('pmp-2025-07'));
		const start = s.clock.now;
		expect(s.canBroadcast).toBe(false);
		s.step();
		expect(s.canBroadcast).toBe(true);
		s.broadcastSetting = false;
		expect(s.canBroadcast).toBe(false);
		s.broadcastSetting = true;
		// 24 h after the customer's second message (at 3 h), before the third (at 50 h).
		s.clock.setTo((start + 28 * HOUR) as EpochMs);
		expect(s.windowOpen).toBe(false);
		expect(s.canBroadcast).toBe(false);
	});

	it('prices under the regime of the simulated date', () => {
		const s = new InboxSession(freePlaySetup('pmp-2025-07'));
		s.step();
		expect(s.sendFreeForm('Yes, on its way').outcome).toBe('free');
		expect(s.last?.regime).toBe('pmp-2025-07');
	});

	it('an exercise reports its verdict once and stops the clock', () => {
		const done = vi.fn();
		const ex = exerciseById('reply-in-time')!;
		const s = new InboxSession(ex.setup, ex, done);
		expect(s.verdict?.state).toBe('pending');
		s.sendFreeForm('Yes, send me the new address');
		expect(s.verdict?.state).toBe('passed');
		s.sendFreeForm('Anything else?');
		expect(done).toHaveBeenCalledTimes(1);
		expect(done.mock.calls[0]![0].state).toBe('passed');
	});

	it('the clock runs at its speed, frame by frame', () => {
		let cb: ((t: number) => void) | null = null;
		const s = new InboxSession(freePlaySetup('cbp-2023-06'));
		const clock = s.clock;
		// Drive the clock by hand: a fake animation frame.
		Object.assign(clock, { raf: (f: (t: number) => void) => ((cb = f), 1), cancel: () => (cb = null) });
		const t0 = clock.now;
		clock.speed = 3600;
		clock.play();
		cb!(1000);
		cb!(1100);
		expect(clock.now).toBe(t0 + 100 * 3600);
		clock.pause();
		expect(clock.running).toBe(false);
	});
});
