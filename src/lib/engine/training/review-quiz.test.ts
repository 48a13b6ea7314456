/** A review quiz holds only the due topics' questions, taking turns, the same for the same seed. */
import { describe, expect, it } from 'vitest';
import { ledgerToJson } from '../ledger-json';
import { priceScenario } from '../price';
import { reviewQuestions } from './review-quiz';

describe('review quiz', () => {
	it('questions of the due kinds only, in turn, answers from the engine', () => {
		const qs = reviewQuestions(['sessions', 'charge'], { seed: 7, count: 6 });
		expect(qs.map((q) => q.kind)).toEqual(['sessions', 'charge', 'sessions', 'charge', 'sessions', 'charge']);
		expect(new Set(qs.map((q) => q.id)).size).toBe(6);
		for (const q of qs.filter((x) => x.kind === 'charge'))
			expect(q.answer).toBe(ledgerToJson(priceScenario(q.scenario)).messages[q.event]!.charge);
		expect(reviewQuestions(['sessions', 'charge'], { seed: 7, count: 6 })).toEqual(qs);
	});

	it('each kind at the lowest level that has it; nothing due, no questions', () => {
		expect(reviewQuestions(['outcome'], { seed: 1, count: 2 }).every((q) => q.level === 1)).toBe(true);
		expect(reviewQuestions(['why_free'], { seed: 1, count: 2 }).every((q) => q.level === 2)).toBe(true);
		expect(reviewQuestions([], { seed: 1, count: 5 })).toEqual([]);
	});

	it('a pinned regime holds for review questions too', () => {
		for (const q of reviewQuestions(['charge'], { seed: 3, count: 3, regime: 'cbp-2024-11' }))
			expect(q.scenario.regime).toBe('cbp-2024-11');
	});
});
