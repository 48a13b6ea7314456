/**
 * The inbox simulator's clock: simulated time that runs at 1×, 60× or 3600× real time, one
 * animation frame at a time, or jumps (the step button). Pure of the chat: whoever owns it hears
 * every move through `onmove`, and may stop it (a customer message arrives, a window ends).
 */
import { asEpochMs, type EpochMs } from '$lib/domain/units';

export const CLOCK_SPEEDS = [1, 60, 3600] as const;
export type ClockSpeed = (typeof CLOCK_SPEEDS)[number];

type Raf = (cb: (now: number) => void) => number;

export class SimClock {
	now = $state<EpochMs>(asEpochMs(0));
	speed = $state<ClockSpeed>(60);
	running = $state(false);
	private frame: number | null = null;
	private last: number | null = null;

	constructor(
		start: EpochMs,
		private onmove: (from: EpochMs, to: EpochMs) => void = () => {},
		private raf: Raf = (cb) => requestAnimationFrame(cb),
		private cancel: (id: number) => void = (id) => cancelAnimationFrame(id)
	) {
		this.now = start;
	}

	play(): void {
		if (this.running) return;
		this.running = true;
		this.last = null;
		this.frame = this.raf(this.tick);
	}

	pause(): void {
		this.running = false;
		if (this.frame !== null) this.cancel(this.frame);
		this.frame = null;
		this.last = null;
	}

	toggle(): void {
		if (this.running) this.pause();
		else this.play();
	}

	/** Moves the clock to `t` (never backwards). */
	setTo(t: EpochMs): void {
		if (t <= this.now) return;
		const from = this.now;
		this.now = t;
		this.onmove(from, t);
	}

	private tick = (frameAt: number): void => {
		if (!this.running) return;
		// A background tab's long gap is not a jump of hours at 3600×.
		const dt = this.last === null ? 0 : Math.min(frameAt - this.last, 250);
		this.last = frameAt;
		if (dt > 0) this.setTo(asEpochMs(Math.round(this.now + dt * this.speed)));
		if (this.running) this.frame = this.raf(this.tick);
	};
}
