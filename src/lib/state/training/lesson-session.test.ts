/**
 * A lesson session: predictions must all be made before the engine's answer shows; results keep
 * each prediction with its step's message; a later regime's lesson says what changed; the end is
 * reported once with every prediction.
 */
import { describe, expect, it, vi } from 'vitest';
import { lessonById } from '$lib/engine/training/lessons';
import { LessonSession } from './lesson-session.svelte';

describe('LessonSession', () => {
	it('predict, reveal, next — to the end', () => {
		const done = vi.fn();
		const s = new LessonSession(lessonById('multiple-conversations')!, undefined, done);
		expect(s.steps).toHaveLength(2);
		expect(s.shown.scenario.events).toHaveLength(0);
		s.reveal();
		expect(s.revealed).toBe(false);
		for (const p of s.step.predictions) s.choose(p.id, p.answer);
		s.reveal();
		expect(s.revealed).toBe(true);
		expect(s.shown.scenario.events).toHaveLength(1);
		expect(s.caption?.text).toContain('0.0411 USD');
		s.next();
		for (const p of s.step.predictions)
			s.choose(
				p.id,
				p.choices.find((c) => c !== p.answer)!
			);
		s.reveal();
		s.next();
		expect(s.finished).toBe(true);
		expect(done).toHaveBeenCalledTimes(1);
		expect(s.results).toHaveLength(s.total);
		expect(s.score).toBe(s.steps[0]!.predictions.length);
		expect(s.results.every((r) => r.message.regime === 'cbp-2023-06')).toBe(true);
	});

	it('under a later regime: no June 2023 caption, and what changed', () => {
		const s = new LessonSession(lessonById('service-conversation')!, 'cbp-2024-11');
		s.next();
		for (const p of s.step.predictions) s.choose(p.id, p.answer);
		s.reveal();
		s.next();
		for (const p of s.step.predictions) s.choose(p.id, p.answer);
		s.reveal();
		expect(s.caption).toBeUndefined();
		expect(s.changed).toMatch(/^Changed: .*charged 0\.0190 USD; .* it is free\.$/);
	});
});
