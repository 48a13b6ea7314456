/**
 * The inbox simulator's session: the chat so far (a Scenario) and its ledger, the simulated clock,
 * the customer messages still to come, the agent setting, and — in an exercise — the engine's
 * verdict. Sending appends an event at the clock and re-prices the chat with `replay`; what is open
 * at the clock is `stateAt(ledger, clock)`.
 */
import { localDate } from '$lib/domain/time';
import { regimeOnDate, type Regime } from '$lib/domain/regimes';
import { addEvent } from '$lib/domain/scenario-edits';
import type { Scenario, TemplateCategory } from '$lib/domain/scenario';
import type { EpochMs } from '$lib/domain/units';
import type { Ledger, LedgerMessage } from '$lib/engine/ledger';
import { replay } from '$lib/engine/replay';
import { stateAt, type StateAt } from '$lib/engine/state-at';
import type { Exercise, ExerciseSetup, Verdict } from '$lib/engine/training/exercises';
import { customerEvent, nextStop, send, type ScriptedMessage } from '$lib/engine/training/inbox';
import { SimClock } from './sim-clock.svelte';

export class InboxSession {
	scenario = $state.raw<Scenario>(null as unknown as Scenario);
	ledger = $state.raw<Ledger>(null as unknown as Ledger);
	/** Customer messages not delivered yet, in time order. */
	script = $state.raw<ScriptedMessage[]>([]);
	clock: SimClock;
	/** Settings → Agents Management → Broadcast Agent Setting: "Agents can send broadcasts when customer service window is active". */
	broadcastSetting = $state(true);
	/** Input index of the learner's last message: the live answer. */
	lastIndex = $state<number | null>(null);
	verdict = $state.raw<Verdict | null>(null);
	choice = $state<string | null>(null);
	private reported = false;

	// Getters, not $derived fields: they read the clock, which the constructor creates.
	get state(): StateAt {
		return stateAt(this.ledger, this.clock.now);
	}
	get last(): LedgerMessage | null {
		return this.lastIndex === null ? null : (this.ledger.messages[this.lastIndex] ?? null);
	}
	/** The regime of the simulated date: what a message sent now is priced under. */
	get regime(): Regime {
		return regimeOnDate(localDate(this.clock.now, this.scenario.timezone));
	}
	get windowOpen(): boolean {
		return this.state.serviceWindow !== null;
	}
	/** The chat room's broadcast-template button: only while the window is active and the setting is on. */
	get canBroadcast(): boolean {
		return this.windowOpen && this.broadcastSetting;
	}

	constructor(
		setup: ExerciseSetup,
		readonly exercise: Exercise | null = null,
		private onfinish: (v: Verdict, session: InboxSession) => void = () => {}
	) {
		this.scenario = setup.scenario;
		this.ledger = replay(setup.scenario);
		this.script = [...setup.script].sort((a, b) => a.at - b.at);
		this.clock = new SimClock(setup.start, (_from, to) => this.deliverUntil(to));
		this.grade();
	}

	/** Customer messages whose time has come join the chat. */
	private deliverUntil(t: EpochMs): void {
		const due = this.script.filter((m) => m.at <= t);
		if (!due.length) return;
		this.script = this.script.filter((m) => m.at > t);
		let s = this.scenario;
		for (const m of due) s = addEvent(s, customerEvent(m, s.timezone));
		this.scenario = s;
		this.ledger = replay(s);
		this.grade();
	}

	/** Jumps to the next moment something happens (a message arrives, a window or conversation ends). */
	step(): void {
		const t = nextStop(this.ledger, this.script, this.clock.now);
		if (t !== null) this.clock.setTo(t);
	}

	sendFreeForm(text: string): LedgerMessage {
		return this.sendKind({ type: 'free_form' }, text);
	}

	sendTemplate(category: TemplateCategory, text: string): LedgerMessage {
		return this.sendKind({ type: 'template', category }, text);
	}

	/** Free play: the customer writes now (opens or restarts the window). */
	customerWrites(text: string, entryPoint?: 'ctwa_ad'): void {
		this.script = [
			...this.script,
			{ at: this.clock.now, text, ...(entryPoint ? { entry_point: entryPoint } : {}) }
		];
		this.deliverUntil(this.clock.now);
	}

	answer(choice: string): void {
		this.choice = choice;
		this.grade();
	}

	private sendKind(kind: Parameters<typeof send>[1], text: string): LedgerMessage {
		const sent = send(this.scenario, kind, this.clock.now, text);
		this.scenario = sent.scenario;
		this.ledger = sent.ledger;
		this.lastIndex = sent.scenario.events.length - 1;
		this.grade();
		return sent.message;
	}

	private grade(): void {
		if (!this.exercise) return;
		this.verdict = this.exercise.grade(this.scenario, this.ledger, this.choice);
		if (this.verdict.state !== 'pending' && !this.reported) {
			this.reported = true;
			this.clock.pause();
			this.onfinish(this.verdict, this);
		}
	}

	dispose(): void {
		this.clock.pause();
	}
}
