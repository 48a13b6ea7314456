/**
 * Every generated question's answer is what the engine says for its scenario (thousands of seeds),
 * no question is ambiguous (distinct choices, exactly one of them the answer), and a seed always
 * gives the same questions.
 */
import { describe, expect, it } from 'vitest';
import { formatMicros, type EpochMs } from '$lib/domain/units';
import { REGIME_IDS } from '$lib/domain/regimes';
import { validateScenario } from '$lib/domain/scenario';
import { ledgerToJson } from '../ledger-json';
import { priceScenario } from '../price';
import { stateAt } from '../state-at';
import { question, questionBank, type Level } from './questions';

describe('quiz questions from the engine', { timeout: 120_000 }, () => {
	it('thousands of seeds: answers from the ledger, never ambiguous', () => {
		let n = 0;
		for (let seed = 0; seed < 700; seed++) {
			const level = ((seed % 3) + 1) as Level;
			const regime = seed % 5 === 4 ? REGIME_IDS[seed % REGIME_IDS.length] : undefined;
			for (let k = 0; k < 3; k++) {
				const q = question(seed, k, level, regime);
				n++;
				// The scenario is a valid file; the question is about one of its messages.
				expect(validateScenario(q.scenario).ok).toBe(true);
				const json = ledgerToJson(priceScenario(q.scenario));
				const m = json.messages[q.event]!;
				expect(m).toBeDefined();
				if (q.kind === 'charge') expect(q.answer).toBe(m.charge);
				if (q.kind === 'outcome') expect(q.answer).toBe(m.outcome);
				if (q.kind === 'charge' || q.kind === 'outcome') expect(q.explanation).toBe(m.reason);
				if (q.kind === 'free_form') {
					const s = stateAt(priceScenario(q.scenario), Date.parse(q.at!) as EpochMs);
					expect(q.answer.startsWith('Yes')).toBe(s.freeForm.allowed);
				}
				expect(new Set(q.choices).size).toBe(q.choices.length);
				expect(q.choices.filter((c) => c === q.answer)).toHaveLength(1);
				expect(q.choices.length).toBeGreaterThanOrEqual(2);
			}
		}
		expect(n).toBe(2100);
	});

	it('a seed gives the same bank; question n does not depend on the count', () => {
		const a = questionBank({ count: 5, seed: 42, level: 3 });
		expect(questionBank({ count: 5, seed: 42, level: 3 })).toEqual(a);
		expect(questionBank({ count: 3, seed: 42, level: 3 })).toEqual(a.slice(0, 3));
		expect(questionBank({ count: 5, seed: 43, level: 3 })).not.toEqual(a);
	});

	it('a pinned regime prices every question under it', () => {
		for (const q of questionBank({ count: 20, seed: 9, regime: 'pmp-2026-10' })) {
			expect(q.scenario.regime).toBe('pmp-2026-10');
			if (q.kind === 'charge') expect(q.choices).toContain(formatMicros(0 as never));
		}
	});
});
