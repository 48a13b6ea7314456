/**
 * A lesson being taken: its steps (from the engine), the step shown, the learner's predictions and
 * whether the engine's answer is revealed. The timeline shows the chat before the step while the
 * learner predicts, and the chat including it once revealed.
 */
import type { RegimeId } from '$lib/domain/regimes';
import type { Scenario } from '$lib/domain/scenario';
import type { EpochMs } from '$lib/domain/units';
import type { Ledger, LedgerMessage } from '$lib/engine/ledger';
import { replay } from '$lib/engine/replay';
import { lessonSteps, type LessonStep, type Prediction } from '$lib/engine/training/lesson-steps';
import { BASE_REGIME, lessonScenario, type Caption, type Lesson } from '$lib/engine/training/lessons';
import { whatChanged } from '$lib/engine/training/what-changed';

export interface PredictionResult {
	prediction: Prediction;
	chosen: string;
	correct: boolean;
	/** The message of the step (its regime and rate card stamp the answer). */
	message: LedgerMessage;
}

export class LessonSession {
	readonly steps: LessonStep[];
	readonly scenario: Scenario;
	private readonly base: Ledger | null;
	index = $state(0);
	/** Chosen answer per prediction id. */
	chosen = $state<Record<string, string>>({});
	revealed = $state(false);
	/** Every checked prediction, in order. */
	results = $state.raw<PredictionResult[]>([]);
	finished = $state(false);

	// Getters over the fields above (the steps are built in the constructor).
	get step(): LessonStep {
		return this.steps[Math.min(this.index, this.steps.length - 1)] as LessonStep;
	}
	/** What the timeline shows: the chat before the step, or including it once revealed. */
	get shown(): { scenario: Scenario; ledger: Ledger } {
		return this.revealed ? this.step.after : this.step.before;
	}
	/** The lesson's fixed caption for the step (June 2023 rules only). */
	get caption(): Caption | undefined {
		if (this.regime !== BASE_REGIME) return undefined;
		return this.lesson.captions.find((c) => c.event === this.step.event);
	}
	/** Under a later regime: what changed since June 2023, from the two ledgers. */
	get changed(): string | null {
		return this.base ? whatChanged(this.base, this.step.after.ledger, this.step.event) : null;
	}
	get complete(): boolean {
		return this.step.predictions.every((p) => this.chosen[p.id] !== undefined);
	}
	get score(): number {
		return this.results.filter((r) => r.correct).length;
	}

	constructor(
		readonly lesson: Lesson,
		readonly regime: RegimeId = BASE_REGIME,
		private onfinish: (s: LessonSession) => void = () => {}
	) {
		this.scenario = lessonScenario(lesson, regime);
		this.steps = lessonSteps(this.scenario);
		this.base = regime === BASE_REGIME ? null : replay(lessonScenario(lesson, BASE_REGIME));
	}

	get playhead(): EpochMs {
		return this.step.at;
	}

	choose(id: string, choice: string): void {
		if (this.revealed) return;
		this.chosen = { ...this.chosen, [id]: choice };
	}

	/** Checks the step's predictions against the engine and shows its answer. */
	reveal(): void {
		if (this.revealed || !this.complete) return;
		this.revealed = true;
		this.results = [
			...this.results,
			...this.step.predictions.map((p) => {
				const chosen = this.chosen[p.id] as string;
				return { prediction: p, chosen, correct: chosen === p.answer, message: this.step.message };
			})
		];
	}

	next(): void {
		if (!this.revealed) return;
		if (this.index >= this.steps.length - 1) {
			this.finished = true;
			this.onfinish(this);
			return;
		}
		this.index++;
		this.revealed = false;
	}

	get total(): number {
		return this.steps.reduce((n, s) => n + s.predictions.length, 0);
	}

	/** The ledger of the whole lesson (the summary at the end). */
	get fullLedger(): Ledger {
		return (this.steps.at(-1) as LessonStep).after.ledger;
	}
}
