/**
 * Play/pause for the replay: advances the session's playhead at a chosen speed of scenario time per
 * real second, one requestAnimationFrame at a time, and stops at the end of the scenario's span.
 */
import { HOUR, MINUTE, asEpochMs } from '$lib/domain/units';
import type { SandboxSession } from './sandbox-session.svelte';

export const SPEEDS: readonly { label: string; perSecond: number }[] = [
	{ label: '10 min/s', perSecond: 10 * MINUTE },
	{ label: '1 h/s', perSecond: HOUR },
	{ label: '6 h/s', perSecond: 6 * HOUR }
];

type Raf = (cb: (now: number) => void) => number;

export class Playback {
	playing = $state(false);
	/** Scenario milliseconds per real second. */
	speed = $state(HOUR as number);
	private frame: number | null = null;
	private last: number | null = null;

	constructor(
		private session: SandboxSession,
		private raf: Raf = (cb) => requestAnimationFrame(cb),
		private cancel: (id: number) => void = (id) => cancelAnimationFrame(id)
	) {}

	play(): void {
		if (this.playing) return;
		const { start, end } = this.session.span;
		// At (or past) the end, play again from the start rather than doing nothing.
		if (this.session.playhead >= end) this.session.playhead = start;
		this.playing = true;
		this.last = null;
		this.frame = this.raf(this.tick);
	}

	pause(): void {
		this.playing = false;
		if (this.frame !== null) this.cancel(this.frame);
		this.frame = null;
		this.last = null;
	}

	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	private tick = (now: number): void => {
		if (!this.playing) return;
		const dt = this.last === null ? 0 : Math.min(now - this.last, 250); // a background tab's long gap is not a jump
		this.last = now;
		const end = this.session.span.end;
		const next = this.session.playhead + (dt / 1000) * this.speed;
		if (next >= end) {
			this.session.playhead = end;
			this.pause();
			return;
		}
		this.session.playhead = asEpochMs(next);
		this.frame = this.raf(this.tick);
	};
}
