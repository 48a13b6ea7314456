/**
 * A quiz session: practice reveals each answer; the exam moves on, runs against its clock and ends
 * when time is up with unanswered questions wrong; review draws the due topics only.
 */
import { describe, expect, it, vi } from 'vitest';
import { EXAM_MS_PER_QUESTION, QuizSession } from './quiz-session.svelte';

describe('QuizSession', () => {
	it('practice: check, see the answer, next; finishes once', () => {
		const done = vi.fn();
		const s = new QuizSession({ mode: 'practice', level: 1, count: 3, seed: 11 }, done);
		expect(s.questions).toHaveLength(3);
		s.submit(s.question.answer);
		expect(s.revealed).toBe(true);
		s.next();
		s.submit(s.question.choices.find((c) => c !== s.question.answer)!);
		s.next();
		s.submit(s.question.answer);
		s.next();
		expect(s.finished).toBe(true);
		expect(s.score).toBe(2);
		expect(done).toHaveBeenCalledTimes(1);
		s.finish();
		expect(done).toHaveBeenCalledTimes(1);
	});

	it('exam: no reveal, a deadline, time up ends it', () => {
		let now = 1_000_000;
		const s = new QuizSession({ mode: 'exam', level: 2, count: 10, seed: 3 }, undefined, () => now);
		expect(s.deadline).toBe(1_000_000 + 10 * EXAM_MS_PER_QUESTION);
		s.submit(s.question.answer);
		expect(s.revealed).toBe(false);
		expect(s.index).toBe(1);
		now += 10 * EXAM_MS_PER_QUESTION;
		s.tick();
		expect(s.finished).toBe(true);
		expect(s.results.filter((r) => r.chosen === null)).toHaveLength(9);
		expect(s.score).toBe(1);
		expect(s.timeLeft).toBe(0);
	});

	it('review: only the due topics', () => {
		const s = new QuizSession({
			mode: 'review',
			level: 1,
			count: 4,
			seed: 5,
			kinds: ['sessions', 'why_free']
		});
		expect(new Set(s.questions.map((q) => q.kind))).toEqual(new Set(['sessions', 'why_free']));
		expect(s.deadline).toBeNull();
	});
});
