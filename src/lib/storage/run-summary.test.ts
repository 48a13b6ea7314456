import { describe, expect, it } from 'vitest';
import { USE_CASES } from '$lib/domain/use-cases';
import type { Micros } from '$lib/domain/units';
import { replay } from '$lib/engine/replay';
import { compareSummaries, rateCardsOf, summarizeLedger } from './run-summary';

describe('summarizeLedger', () => {
	it('totals, categories and outcome counts agree with the ledger', () => {
		for (const u of USE_CASES) {
			const ledger = replay(u.scenario);
			const s = summarizeLedger(ledger);
			expect(s.total).toBe(ledger.total);
			expect(Object.values(s.outcomes).reduce((a, b) => a + b, 0)).toBe(ledger.messages.length);
			expect(Object.values(s.totalsByCategory).reduce((a, b) => a + b, 0)).toBe(ledger.total);
			expect(s.market).toBe(ledger.market);
			expect(rateCardsOf(ledger).every((id) => /^\d{4}-\d{2}-\d{2}-[A-Z]{3}$/.test(id))).toBe(true);
		}
	});

	it('is plain data (structured-cloneable, JSON-stable)', () => {
		const s = summarizeLedger(replay(USE_CASES[4]!.scenario));
		expect(structuredClone(s)).toEqual(s);
		expect(JSON.parse(JSON.stringify(s))).toEqual(s);
	});
});

describe('compareSummaries', () => {
	const base = summarizeLedger(replay(USE_CASES[4]!.scenario));
	it('is empty when equal', () => {
		expect(compareSummaries(base, structuredClone(base))).toEqual([]);
	});
	it('names each difference in words', () => {
		const changed = {
			...base,
			total: (base.total + 100) as Micros,
			totalsByCategory: {
				...base.totalsByCategory,
				marketing: (base.totalsByCategory.marketing + 100) as Micros
			},
			outcomes: { ...base.outcomes, charged: base.outcomes.charged + 1 }
		};
		expect(compareSummaries(base, changed)).toEqual([
			'total was 0.0711 USD, now 0.0712 USD',
			`marketing was 0.0411 USD, now 0.0412 USD`,
			`charged messages were ${base.outcomes.charged}, now ${base.outcomes.charged + 1}`
		]);
	});
});
