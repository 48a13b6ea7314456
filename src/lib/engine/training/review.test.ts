/**
 * The spaced-repetition schedule (ts-fsrs): a missed topic is due again within minutes, so it is
 * due "the next day"; a topic answered right again and again comes back later each time; the same
 * answers give the same schedule; a session's misses count once per topic.
 */
import { describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '$lib/domain/units';
import { dueTopics, newTopicCard, reviewTopic, sessionGrades, type TopicCard } from './review';

const NOW = Date.parse('2026-01-05T09:00:00Z');

describe('topic review schedule', () => {
	it('a new topic is due at once', () => {
		expect(dueTopics([newTopicCard('charge', NOW)], NOW).map((c) => c.topic)).toEqual(['charge']);
	});

	it('a missed topic comes back within minutes, and is due the next day', () => {
		const missed = reviewTopic(undefined, 'free_form', false, NOW);
		expect(missed.due).toBeGreaterThan(NOW);
		expect(missed.due).toBeLessThanOrEqual(NOW + 10 * MINUTE);
		expect(dueTopics([missed], NOW)).toEqual([]);
		expect(dueTopics([missed], NOW + DAY).map((c) => c.topic)).toEqual(['free_form']);
	});

	it('right answers push the next review further each time', () => {
		let card: TopicCard | undefined;
		let t = NOW;
		const gaps: number[] = [];
		for (let i = 0; i < 5; i++) {
			card = reviewTopic(card, 'charge', true, t);
			gaps.push(card.due - t);
			t = card.due;
		}
		for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(gaps[i - 1]!);
		expect(gaps.at(-1)!).toBeGreaterThan(DAY);
		expect(card!.reps).toBe(5);
		expect(card!.state).toBe('review');
	});

	it('a lapse after learning brings the topic back sooner than a right answer would', () => {
		let card = reviewTopic(undefined, 'sessions', true, NOW);
		card = reviewTopic(card, 'sessions', true, card.due);
		card = reviewTopic(card, 'sessions', true, card.due);
		const right = reviewTopic(card, 'sessions', true, card.due);
		const wrong = reviewTopic(card, 'sessions', false, card.due);
		expect(wrong.due).toBeLessThan(right.due);
		expect(wrong.lapses).toBe(card.lapses + (card.state === 'review' ? 1 : 0));
	});

	it('is deterministic, and the cards are plain data', () => {
		const a = reviewTopic(reviewTopic(undefined, 'outcome', true, NOW), 'outcome', false, NOW + DAY);
		const b = reviewTopic(reviewTopic(undefined, 'outcome', true, NOW), 'outcome', false, NOW + DAY);
		expect(a).toEqual(b);
		expect(JSON.parse(JSON.stringify(a))).toEqual(a);
	});

	it('most overdue first', () => {
		const cards = [
			{ ...newTopicCard('charge', NOW), due: NOW - MINUTE },
			{ ...newTopicCard('outcome', NOW), due: NOW - DAY }
		];
		expect(dueTopics(cards, NOW).map((c) => c.topic)).toEqual(['outcome', 'charge']);
	});

	it('one grade per topic per session: a single miss makes it missed', () => {
		expect(
			sessionGrades([
				{ topic: 'charge', correct: true },
				{ topic: 'charge', correct: false },
				{ topic: 'outcome', correct: true }
			])
		).toEqual([
			{ topic: 'charge', correct: false },
			{ topic: 'outcome', correct: true }
		]);
	});
});
