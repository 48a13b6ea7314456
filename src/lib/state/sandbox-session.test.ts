import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	addEvent,
	blankScenario,
	buildEvent,
	DEFAULT_DRAFT,
	deleteEvent,
	setRegime
} from '$lib/domain/scenario-edits';
import { HOUR, asEpochMs } from '$lib/domain/units';
import { useCaseById } from '$lib/domain/use-cases';
import { Playback } from './playback.svelte';
import { SandboxSession } from './sandbox-session.svelte';

const uc1 = () => useCaseById('service-conversation')!.scenario;
const at = (iso: string) => Date.parse(iso);

describe('SandboxSession', () => {
	afterEach(() => vi.useRealTimers());

	it('shows a scenario with no events (an emptied draft or run) at this hour in its zone, not in 2023', () => {
		vi.useFakeTimers({ now: at('2026-12-02T14:37:12Z'), toFake: ['Date'] });
		// Kolkata is UTC+5:30: 20:07 there, so the hour starts at 20:00 local = 14:30 UTC.
		const s = new SandboxSession({ ...blankScenario('Asia/Kolkata'), name: 'Emptied' });
		expect(s.playhead).toBe(at('2026-12-02T14:30:00Z'));
		expect(s.span.start).toBe(at('2026-12-02T14:30:00Z'));
		expect(s.span.end - s.span.start).toBe(24 * HOUR);
	});

	it('opens at the first event; stepping moves to the next and previous event and selects it', () => {
		const s = new SandboxSession(uc1());
		expect(s.playhead).toBe(at('2023-09-12T09:00:00+07:00'));
		s.step(1);
		expect(s.playhead).toBe(at('2023-09-12T10:00:00+07:00'));
		expect(s.selected).toBe(1);
		s.step(1);
		s.step(-1);
		expect(s.selected).toBe(1);
		s.step(-1);
		s.step(-1); // nothing before the first event: stays
		expect(s.selected).toBe(0);
	});

	it('says it can step exactly where stepping moves the playhead (events and captions, both ends)', () => {
		const uc1 = useCaseById('service-conversation')!.scenario;
		// Narration before the first event and after the last: captions at both ends.
		const framed = {
			...uc1,
			narration: [
				{ at: '2023-09-12T08:00:00+07:00', text: 'Before anything happens.' },
				...(uc1.narration ?? []),
				{ at: '2023-09-20T08:00:00+07:00', text: 'Long after.' }
			]
		};
		const scenarios = { uc1, uc3: useCaseById('business-initiated')!.scenario, framed };
		for (const [uc, scenario] of Object.entries(scenarios)) {
			const probe = new SandboxSession(scenario);
			const moments = [...probe.timed.map((e) => e.t), ...probe.captions.map((c) => c.t)];
			expect(probe.captions.length).toBeGreaterThan(0);
			const playheads = moments.flatMap((t) => [t - 1, t, t + 1]);
			for (const p of playheads)
				for (const d of [1, -1] as const) {
					const s = new SandboxSession(scenario);
					s.playhead = asEpochMs(p);
					const can = s.canStep(d);
					s.step(d);
					expect(can, `${uc} at ${new Date(p).toISOString()} towards ${d}`).toBe(s.playhead !== p);
				}
		}
	});

	it('reads the state at the playhead without re-pricing, and re-prices on an edit that undo reverts', () => {
		const s = new SandboxSession(uc1());
		const ledger = s.ledger;
		s.playhead = asEpochMs(at('2023-09-13T13:30:00+07:00'));
		expect(s.ledger).toBe(ledger);
		expect(s.state.freeForm.allowed).toBe(false);
		expect(s.state.total).toBe(38_000);
		s.edit(setRegime(s.scenario, 'cbp-2024-11'));
		expect(s.state.total).toBe(0);
		expect(s.canUndo).toBe(true);
		s.undo();
		expect(s.state.total).toBe(38_000);
		s.redo();
		expect(s.ledger.regime).toBe('cbp-2024-11');
	});

	it('drops a selection that no longer exists after an edit or undo', () => {
		const s = new SandboxSession(uc1());
		s.goToEvent(4);
		expect(s.selected).toBe(4);
		s.edit(deleteEvent(s.scenario, 0));
		expect(s.selected).toBeNull();
	});

	it('a forbidden send added in the editor is kept and priced as blocked (never silently refused)', () => {
		const s = new SandboxSession({ ...blankScenario('Asia/Jakarta'), name: 'Edits' });
		const reply = { ...DEFAULT_DRAFT, kind: 'business_message' } as const;
		s.edit(addEvent(s.scenario, buildEvent(reply, asEpochMs(at('2023-09-12T03:00:00Z')), 'Asia/Jakarta')));
		expect(s.scenario.events).toHaveLength(1);
		expect(s.ledger.messages[0]?.outcome).toBe('blocked');
	});

	it('spans from the first event to the last window or conversation end', () => {
		const s = new SandboxSession(uc1());
		expect(s.span.start).toBe(at('2023-09-12T09:00:00+07:00'));
		expect(s.span.end).toBe(at('2023-09-14T11:00:00+07:00'));
	});
});

describe('Playback', () => {
	it('advances the playhead at the chosen speed and stops at the end', () => {
		const s = new SandboxSession(uc1());
		const frames: ((now: number) => void)[] = [];
		const p = new Playback(
			s,
			(cb) => frames.push(cb),
			() => {}
		);
		p.speed = 6 * HOUR;
		p.play();
		const start = s.playhead;
		let now = 0;
		const tick = (ms: number) => {
			now += ms;
			frames.shift()?.(now);
		};
		tick(0);
		tick(100); // 0.1 s at 6 h/s = 36 min
		expect(s.playhead - start).toBe(0.6 * HOUR);
		for (let i = 0; i < 200 && p.playing; i++) tick(200);
		expect(p.playing).toBe(false);
		expect(s.playhead).toBe(s.span.end);
		// Play again at the end starts over.
		p.play();
		expect(s.playhead).toBe(s.span.start);
		p.pause();
	});
});
