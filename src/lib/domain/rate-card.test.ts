import { describe, it, expect } from 'vitest';
import {
	RATE_CARDS,
	cardCurrencies,
	listCards,
	lookupRate,
	marketsOnCards,
	rateHistory,
	type PricingModel,
	type RateCardData,
	type RateCategory
} from './rate-card';
import { formatMicros, parseDecimalMicros } from './units';

type Expect =
	{ rate: number; cardId: string; carriedForward?: boolean; beforeEffective?: boolean } | { fails: true };

interface Case {
	name: string;
	market: string;
	category: RateCategory;
	model: PricingModel;
	date: string;
	currency?: string;
	expect: Expect;
}

describe('lookupRate', () => {
	const cases: Case[] = [
		// Exact micros from the decimal strings, never through a float.
		{
			name: 'Indonesia marketing on the June-2023 card',
			market: 'Indonesia',
			category: 'marketing',
			model: 'CBP',
			date: '2023-06-01',
			expect: { rate: 41_100, cardId: '2023-06-01-USD' }
		},
		{
			name: 'a three-decimal rate ("0.025") as written',
			market: 'North America',
			category: 'marketing',
			model: 'PMP',
			date: '2026-07-01',
			expect: { rate: 25_000, cardId: '2026-07-01-USD' }
		},
		// Card boundaries: a card is in force from 12am of its date; every change date has its card.
		{
			name: 'India utility the day before the 2024-08-01 card (2024-07-01 card)',
			market: 'India',
			category: 'utility',
			model: 'CBP',
			date: '2024-07-31',
			expect: { rate: 4_200, cardId: '2024-07-01-USD' }
		},
		{
			name: 'India utility on the first day of the 2024-08-01 card',
			market: 'India',
			category: 'utility',
			model: 'CBP',
			date: '2024-08-01',
			expect: { rate: 1_400, cardId: '2024-08-01-USD' }
		},
		// The examples, each on its own card.
		{
			name: 'Brazil utility conversation on 2024-09-15 (2024-08-01 card)',
			market: 'Brazil',
			category: 'utility',
			model: 'CBP',
			date: '2024-09-15',
			expect: { rate: 8_000, cardId: '2024-08-01-USD' }
		},
		{
			name: 'UK marketing on 2024-10-15 (2024-10-01 card)',
			market: 'United Kingdom',
			category: 'marketing',
			model: 'CBP',
			date: '2024-10-15',
			expect: { rate: 52_900, cardId: '2024-10-01-USD' }
		},
		{
			name: 'Pakistan utility in May 2026 (2026-04-01 card)',
			market: 'Pakistan',
			category: 'utility',
			model: 'PMP',
			date: '2026-05-20',
			expect: { rate: 10_000, cardId: '2026-04-01-USD' }
		},
		{
			name: 'Mexico marketing in November 2026 (2026-10-01 card)',
			market: 'Mexico',
			category: 'marketing',
			model: 'PMP',
			date: '2026-11-10',
			expect: { rate: 39_700, cardId: '2026-10-01-USD' }
		},
		// Carried forward only for a category the newest card does not price at all (a pinned what-if).
		{
			name: 'CBP service after 2024-11-01 (no card prices it) comes from the 2024-10-01 card',
			market: 'Indonesia',
			category: 'service',
			model: 'CBP',
			date: '2024-12-01',
			expect: { rate: 19_000, cardId: '2024-10-01-USD', carriedForward: true }
		},
		{
			name: 'Brazil utility, on the Jul-2026 USD card itself',
			market: 'Brazil',
			category: 'utility',
			model: 'PMP',
			date: '2026-08-01',
			expect: { rate: 6_800, cardId: '2026-07-01-USD', carriedForward: false }
		},
		{
			name: 'Brazil service from 2026-10-01',
			market: 'Brazil',
			category: 'service',
			model: 'PMP',
			date: '2026-10-01',
			expect: { rate: 6_800, cardId: '2026-10-01-USD', carriedForward: false }
		},
		{
			name: 'Argentina utility on the Jul-2025 card',
			market: 'Argentina',
			category: 'utility',
			model: 'PMP',
			date: '2025-08-01',
			expect: { rate: 28_900, cardId: '2025-07-01-USD' }
		},
		// Other currencies: that currency's own card, never a conversion.
		{
			name: 'United Kingdom marketing in GBP',
			market: 'United Kingdom',
			category: 'marketing',
			model: 'PMP',
			date: '2026-07-01',
			currency: 'GBP',
			expect: { rate: 45_800, cardId: '2026-07-01-GBP' }
		},
		{
			name: 'India authentication-international in INR',
			market: 'India',
			category: 'authentication_international',
			model: 'PMP',
			date: '2026-09-30',
			currency: 'INR',
			expect: { rate: 2_497_100, cardId: '2026-07-01-INR' }
		},
		{
			name: 'Colombia marketing in COP (whole pesos and decimals)',
			market: 'Colombia',
			category: 'marketing',
			model: 'PMP',
			date: '2026-10-01',
			currency: 'COP',
			expect: { rate: 46_022_700, cardId: '2026-10-01-COP' }
		},
		// Before effective: a date before the pricing model began, priced under it (pinned what-if).
		{
			name: 'PMP pricing of a 2024 date uses the first PMP card',
			market: 'Indonesia',
			category: 'marketing',
			model: 'PMP',
			date: '2024-01-15',
			expect: { rate: 41_100, cardId: '2025-07-01-USD', beforeEffective: true, carriedForward: false }
		},
		// Missing values fail; they are never zero and never another card's value.
		{
			name: 'BRL before its first card (per-message pricing had begun: no BRL value then)',
			market: 'Brazil',
			category: 'marketing',
			model: 'PMP',
			date: '2026-06-30',
			currency: 'BRL',
			expect: { fails: true }
		},
		{
			name: 'Argentina in BRL: the BRL card prices Brazil only',
			market: 'Argentina',
			category: 'marketing',
			model: 'PMP',
			date: '2026-11-01',
			currency: 'BRL',
			expect: { fails: true }
		},
		{
			name: 'Indonesia authentication-international before the 2024-06-01 card',
			market: 'Indonesia',
			category: 'authentication_international',
			model: 'CBP',
			date: '2024-05-31',
			expect: { fails: true }
		},
		{
			name: 'Qatar before it becomes standalone (2026-07-01)',
			market: 'Qatar',
			category: 'marketing',
			model: 'PMP',
			date: '2026-06-30',
			expect: { fails: true }
		},
		{
			name: 'Brazil service before the Oct-2026 card',
			market: 'Brazil',
			category: 'service',
			model: 'PMP',
			date: '2026-09-30',
			expect: { fails: true }
		},
		{
			name: 'no CBP cards in BRL',
			market: 'Brazil',
			category: 'marketing',
			model: 'CBP',
			date: '2024-01-01',
			currency: 'BRL',
			expect: { fails: true }
		},
		{
			name: 'unknown market',
			market: 'Atlantis',
			category: 'marketing',
			model: 'CBP',
			date: '2024-01-01',
			expect: { fails: true }
		}
	];

	it.each(cases)('$name', ({ market, category, model, date, currency, expect: want }) => {
		const got = lookupRate({ market, category, model, date, currency });
		if ('fails' in want) {
			expect(got).toEqual({
				ok: false,
				reason: `no rate known in ${currency ?? 'USD'} for ${market} ${category} on ${date} (${model} cards)`
			});
			return;
		}
		expect(got).toMatchObject({
			ok: true,
			rate: want.rate,
			cardId: want.cardId,
			carriedForward: want.carriedForward ?? false,
			beforeEffective: want.beforeEffective ?? false
		});
	});

	it('names the card date, confidence and source of the value', () => {
		const got = lookupRate({ market: 'India', category: 'service', model: 'CBP', date: '2023-07-01' });
		expect(got).toMatchObject({
			ok: true,
			effectiveFrom: '2023-06-01',
			rate: 4_000,
			confidence: 'confirmed'
		});
		expect(got.ok && got.source).toMatch(/R2/);
	});

	it('answers repeated lookups with the same frozen object (no allocation in the hot loop)', () => {
		const q = { market: 'Other', category: 'marketing', model: 'CBP', date: '2024-02-02' } as const;
		const a = lookupRate(q);
		expect(lookupRate(q)).toBe(a);
		expect(Object.isFrozen(a)).toBe(true);
	});

	describe('with passed cards', () => {
		const imported: RateCardData = {
			id: 'my-2026-01-01-USD',
			effectiveFrom: '2026-01-01',
			currency: 'USD',
			model: 'PMP',
			file: 'my.csv',
			rows: [
				{
					market: 'Indonesia',
					category: 'utility',
					rate: '0.03',
					confidence: 'single-source',
					source: 'test'
				}
			]
		};
		const cards = [...RATE_CARDS, imported];

		it('a later card of the same date replaces the built-in value', () => {
			expect(
				lookupRate({ market: 'Indonesia', category: 'utility', model: 'PMP', date: '2026-03-01', cards })
			).toMatchObject({ ok: true, rate: 30_000, cardId: 'my-2026-01-01-USD', carriedForward: false });
		});

		it('leaves other pairs to the built-in cards', () => {
			expect(
				lookupRate({ market: 'Indonesia', category: 'marketing', model: 'PMP', date: '2026-03-01', cards })
			).toMatchObject({ ok: true, rate: 41_100, cardId: '2026-01-01-USD' });
		});

		it('uses only the cards passed', () => {
			expect(
				lookupRate({
					market: 'India',
					category: 'utility',
					model: 'PMP',
					date: '2026-03-01',
					cards: [imported]
				})
			).toMatchObject({ ok: false });
		});
	});
});

describe('generated rate data', () => {
	const rows = RATE_CARDS.flatMap((card) => card.rows.map((row) => ({ card: card.id, ...row })));

	it('has rows', () => expect(rows.length).toBeGreaterThan(500));

	it('every rate parses as an exact decimal', () => {
		for (const row of rows) {
			const micros = parseDecimalMicros(row.rate);
			expect(Number.isInteger(micros), `${row.card} ${row.market} ${row.category}`).toBe(true);
			expect(micros, `${row.card} ${row.market} ${row.category}`).toBeGreaterThan(0);
			expect(parseDecimalMicros(formatMicros(micros))).toBe(micros);
		}
	});

	it('assigns CBP to the 2023-06-01 and 2024-11-01 cards and PMP from 2025-07-01', () => {
		for (const card of RATE_CARDS) {
			expect(card.model, card.id).toBe(card.effectiveFrom < '2025-07-01' ? 'CBP' : 'PMP');
			expect(card.id).toBe(`${card.effectiveFrom}-${card.currency}`);
			expect(card.file).toBe(`${card.id}.csv`);
		}
	});
});

describe('rateHistory', () => {
	it('gives every USD card in date order, one per change date', () => {
		const points = rateHistory('Indonesia', 'marketing');
		expect(points.map((p) => p.effectiveFrom)).toEqual([
			'2023-06-01',
			'2024-06-01',
			'2024-07-01',
			'2024-08-01',
			'2024-10-01',
			'2024-11-01',
			'2025-02-01',
			'2025-04-01',
			'2025-07-01',
			'2025-10-01',
			'2026-01-01',
			'2026-04-01',
			'2026-07-01',
			'2026-10-01'
		]);
		expect(new Set(points.map((p) => p.rate))).toEqual(new Set([41_100]));
	});

	it('null where a card has no value, with confidence and source only where there is one', () => {
		const na = rateHistory('North America', 'utility');
		expect(na[0]).toMatchObject({ rate: 15_000, confidence: 'confirmed' });
		expect(na.find((p) => p.cardId === '2026-07-01-USD')).toMatchObject({ rate: 3_400 });
		const qatar = rateHistory('Qatar', 'marketing');
		expect(qatar[0]).toEqual({
			effectiveFrom: '2023-06-01',
			cardId: '2023-06-01-USD',
			model: 'CBP',
			rate: null
		});
	});

	it('filters by currency', () => {
		expect(rateHistory('United Kingdom', 'service', 'GBP')).toMatchObject([
			{ cardId: '2026-07-01-GBP', rate: null },
			{ cardId: '2026-10-01-GBP', rate: 15_900 }
		]);
	});
});

describe('listCards, cardCurrencies and marketsOnCards', () => {
	it('summarises every card by date then currency', () => {
		const cards = listCards();
		expect(cards).toHaveLength(RATE_CARDS.length);
		expect(cards.map((c) => c.id).slice(0, 3)).toEqual([
			'2023-06-01-USD',
			'2024-06-01-USD',
			'2024-07-01-USD'
		]);
		expect(cards[0]).toMatchObject({
			model: 'CBP',
			currency: 'USD',
			markets: 32,
			categories: ['marketing', 'utility', 'authentication', 'service']
		});
		expect(cards.find((c) => c.id === '2024-11-01-USD')?.categories).not.toContain('service');
		expect(cards.find((c) => c.id === '2026-10-01-USD')).toMatchObject({ markets: 47 });
		expect(cards.find((c) => c.id === '2026-10-01-USD')?.categories).toContain('service');
	});

	it('lists every currency that has a card, USD first', () => {
		expect(cardCurrencies()).toEqual(['USD', 'AED', 'BRL', 'CLP', 'COP', 'EUR', 'GBP', 'INR']);
	});

	it('lists sorted unique market names', () => {
		const markets = marketsOnCards();
		expect(markets).toEqual([...markets].sort());
		expect(new Set(markets).size).toBe(markets.length);
		for (const m of ['Qatar', 'Other', 'Hong Kong', 'Kazakhstan']) expect(markets).toContain(m);
	});
});
