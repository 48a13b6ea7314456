/**
 * A quiz being taken: questions from the engine's generator (or the due topics' review), the
 * learner's choices, and the mode — practice shows the engine's answer and reason after each
 * question; the exam runs against a clock and shows them all at the end; time up ends it, and
 * questions left unanswered count as wrong.
 */
import type { RegimeId } from '$lib/domain/regimes';
import { questionBank, type Level, type Question, type QuestionKind } from '$lib/engine/quiz/questions';
import { reviewQuestions } from '$lib/engine/training/review-quiz';

export type QuizMode = 'practice' | 'exam' | 'review';

export interface QuizConfig {
	mode: QuizMode;
	level: Level;
	regime?: RegimeId;
	count: number;
	seed: number;
	/** Review: the due topics. */
	kinds?: readonly QuestionKind[];
}

/** The exam's time: a minute a question. */
export const EXAM_MS_PER_QUESTION = 60_000;

export interface QuizResult {
	question: Question;
	chosen: string | null;
	correct: boolean;
}

export class QuizSession {
	readonly questions: Question[];
	index = $state(0);
	chosen = $state<(string | null)[]>([]);
	revealed = $state(false);
	finished = $state(false);
	/** Set by the timer; the exam's clock. */
	now = $state(0);
	readonly startedAt: number;
	readonly deadline: number | null;
	private timer: ReturnType<typeof setInterval> | null = null;

	// Getters over the fields above (the questions are drawn in the constructor).
	get question(): Question {
		return this.questions[Math.min(this.index, this.questions.length - 1)] as Question;
	}
	get timeLeft(): number | null {
		return this.deadline === null ? null : Math.max(0, this.deadline - this.now);
	}
	get results(): QuizResult[] {
		return this.questions.map((question, i) => {
			const chosen = this.chosen[i] ?? null;
			return { question, chosen, correct: chosen === question.answer };
		});
	}
	get score(): number {
		return this.results.filter((r) => r.correct).length;
	}

	constructor(
		readonly config: QuizConfig,
		private onfinish: (s: QuizSession) => void = () => {},
		private clock: () => number = () => Date.now()
	) {
		this.questions =
			config.mode === 'review'
				? reviewQuestions(config.kinds ?? [], {
						seed: config.seed,
						count: config.count,
						regime: config.regime
					})
				: questionBank({
						count: config.count,
						seed: config.seed,
						level: config.level,
						regime: config.regime
					});
		this.chosen = this.questions.map(() => null);
		this.startedAt = this.now = clock();
		this.deadline =
			config.mode === 'exam' ? this.startedAt + EXAM_MS_PER_QUESTION * this.questions.length : null;
	}

	/** Starts the exam clock (a tick a second); returns the stop function. */
	startTimer(every = 1000): () => void {
		if (this.deadline !== null && this.timer === null) this.timer = setInterval(() => this.tick(), every);
		return () => this.stopTimer();
	}

	tick(): void {
		this.now = this.clock();
		if (this.deadline !== null && this.now >= this.deadline) this.finish();
	}

	/** Practice: records the choice and shows the answer. Exam: records it and moves on. */
	submit(choice: string): void {
		if (this.finished || this.revealed) return;
		this.chosen[this.index] = choice;
		if (this.config.mode === 'exam') this.next();
		else this.revealed = true;
	}

	next(): void {
		if (this.finished) return;
		if (this.index >= this.questions.length - 1) return this.finish();
		this.index++;
		this.revealed = false;
	}

	finish(): void {
		if (this.finished) return;
		this.finished = true;
		this.stopTimer();
		this.onfinish(this);
	}

	private stopTimer(): void {
		if (this.timer !== null) clearInterval(this.timer);
		this.timer = null;
	}
}
