/** The column packing of the bundled rate data gives back exactly what was packed. */
import { describe, expect, it } from 'vitest';
import type { RateCardData, TierTableData } from '../data-types';
import { namesOf, packCards, packTiers, unpackCards, unpackTiers } from './packed';

const cards: RateCardData[] = [
	{
		id: '2025-07-01-USD',
		effectiveFrom: '2025-07-01',
		currency: 'USD',
		model: 'PMP',
		file: '2025-07-01-USD.csv',
		rows: [
			{ market: 'India', category: 'marketing', rate: '0.0107', confidence: 'confirmed', source: 'a, b' },
			{ market: 'Rest of Africa', category: 'service', rate: '0', confidence: 'derived', source: "c 'd'" },
			{
				market: 'India',
				category: 'authentication_international',
				rate: '0.0280',
				confidence: 'single-source',
				source: 'a, b'
			}
		]
	},
	{
		id: '2099-01-01-EUR',
		effectiveFrom: '2099-01-01',
		currency: 'EUR',
		model: 'PMP',
		file: 'x.csv',
		rows: []
	}
];

const tiers: TierTableData[] = [
	{
		id: 'tiers-2026-10-01',
		effectiveFrom: '2026-10-01',
		currency: 'USD',
		file: 'tiers/tiers-2026-10-01.csv',
		rows: [
			{
				market: 'India',
				category: 'utility',
				from: 0,
				to: 100000,
				rate: '0.0014',
				confidence: 'confirmed',
				source: 's'
			},
			{
				market: 'India',
				category: 'utility',
				from: 100001,
				to: null,
				rate: '0.0010',
				confidence: 'derived',
				source: 't'
			}
		]
	}
];

describe('packed rate data', () => {
	it('unpacks rate cards to what was packed, empty cards included', () => {
		const markets = namesOf(cards.flatMap((c) => c.rows.map((r) => r.market)));
		const sources = namesOf(cards.flatMap((c) => c.rows.map((r) => r.source)));
		expect(markets).toEqual(['India', 'Rest of Africa']);
		expect(unpackCards(packCards(cards, markets, sources), markets, sources)).toEqual(cards);
	});

	it('unpacks tier tables, the open top tier back to null', () => {
		const markets = namesOf(tiers.flatMap((t) => t.rows.map((r) => r.market)));
		const sources = namesOf(tiers.flatMap((t) => t.rows.map((r) => r.source)));
		expect(unpackTiers(packTiers(tiers, markets, sources), markets, sources)).toEqual(tiers);
	});

	it('refuses to pack a name missing from its list, and a damaged index on unpacking', () => {
		expect(() => packCards(cards, ['India'], ['a, b', "c 'd'"])).toThrow(/not in the packed list/);
		const packed = packCards(cards, ['India', 'Rest of Africa'], ['a, b', "c 'd'"]);
		expect(() => unpackCards(packed, ['India'], ['a, b', "c 'd'"])).toThrow(/out of range/);
	});
});
