/** Mastery per topic: the share right of the latest answers; the weakest topics, weakest first. */
import { describe, expect, it } from 'vitest';
import { MASTERY_WINDOW, masteryByTopic, percent, TOPICS, weakestTopics, type AnswerFact } from './mastery';

const answers = (topic: AnswerFact['topic'], pattern: string, from = 0): AnswerFact[] =>
	[...pattern].map((c, i) => ({ topic, correct: c === '1', at: from + i }));

describe('mastery', () => {
	it('every topic listed, null before any answer', () => {
		const m = masteryByTopic([]);
		expect(m.map((t) => t.topic)).toEqual(TOPICS);
		expect(m.every((t) => t.mastery === null && t.answered === 0)).toBe(true);
		expect(weakestTopics(m)).toEqual([]);
	});

	it('looks at the latest answers only', () => {
		const early = answers('charge', '0'.repeat(20));
		const late = answers('charge', '1'.repeat(MASTERY_WINDOW), 100);
		const m = masteryByTopic([...late, ...early]).find((t) => t.topic === 'charge')!;
		expect(m.answered).toBe(30);
		expect(m.correct).toBe(10);
		expect(m.mastery).toBe(1);
	});

	it('weakest topics first, mastered ones left out', () => {
		const m = masteryByTopic([
			...answers('charge', '1111'),
			...answers('outcome', '0101'),
			...answers('free_form', '0001'),
			...answers('sessions', '01')
		]);
		expect(weakestTopics(m).map((t) => t.topic)).toEqual(['free_form', 'outcome', 'sessions']);
		expect(percent(0.25)).toBe('25%');
	});
});
