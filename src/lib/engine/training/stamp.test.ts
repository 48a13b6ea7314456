/** Each answer is stamped with its question's regime and rate card, and the summary counts them. */
import { describe, expect, it } from 'vitest';
import { ledgerToJson } from '../ledger-json';
import { priceScenario } from '../price';
import { questionBank } from '../quiz/questions';
import { questionStamp, trainedOn } from './stamp';

describe('trained-on stamp', () => {
	it('reads the regime and rate card of the question’s message from its ledger', () => {
		for (const q of questionBank({ count: 12, seed: 5, level: 2 })) {
			const m = priceScenario(q.scenario).messages[q.event]!;
			expect(questionStamp(q)).toEqual({ regime: m.regime, rateCard: m.rate?.cardId ?? null });
			expect(ledgerToJson(priceScenario(q.scenario)).messages[q.event]).toBeDefined();
		}
	});

	it('counts answers per regime and per rate card', () => {
		const t = trainedOn([
			{ regime: 'cbp-2023-06', rateCard: '2023-06-01-USD' },
			{ regime: 'cbp-2023-06', rateCard: null },
			{ regime: 'pmp-2025-07', rateCard: '2025-07-01-USD' }
		]);
		expect(t.regimes.map((r) => [r.id, r.answers])).toEqual([
			['cbp-2023-06', 2],
			['pmp-2025-07', 1]
		]);
		expect(t.rateCards).toEqual([
			{ id: '2025-07-01-USD', answers: 1 },
			{ id: '2023-06-01-USD', answers: 1 }
		]);
	});
});
