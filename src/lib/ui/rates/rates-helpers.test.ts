import { describe, expect, it } from 'vitest';
import { rateHistory, type RateHistoryPoint } from '$lib/domain/rate-card';
import { asMicros } from '$lib/domain/units';
import { customRatesCsv, previewCustom } from './custom-preview';
import { marketMoves, marketNames, resolveChoice, type MarketChoice } from './market-choice';
import { fieldError, toAdjustments, toFields } from './price-fields';
import { categoryRows, formatDay, isIsoDate, ruleRegime } from './rates-view';
import { addMonths, chartDomain, pointLabel, stepRuns } from './step-runs';

const byCategory = (rows: ReturnType<typeof categoryRows>) =>
	Object.fromEntries(rows.map((r) => [r.category, r]));

describe('categoryRows', () => {
	it('Indonesia on 2023-09-12 per conversation: the June 2023 card, confirmed', () => {
		const rows = byCategory(
			categoryRows({ market: 'Indonesia', date: '2023-09-12', model: 'CBP', iso2: 'ID' })
		);
		const m = rows.marketing?.price;
		expect(m?.kind).toBe('rate');
		if (m?.kind !== 'rate') return;
		expect(m.found).toMatchObject({ rate: 41_100, cardId: '2023-06-01-USD', confidence: 'confirmed' });
		expect(rows.service?.price.kind).toBe('rate'); // charged in cbp-2023-06, with the free tier noted
		expect(rows.service?.notes.join(' ')).toMatch(/1,000 service conversations/);
		expect(rows.authentication_international?.price).toMatchObject({ kind: 'none' });
	});

	it('service is free by rule under cbp-2024-11 and pmp-2025-07, even where an old card has a value', () => {
		const cbp = byCategory(
			categoryRows({ market: 'Indonesia', date: '2025-01-15', model: 'CBP', iso2: 'ID' })
		);
		expect(cbp.service?.price).toMatchObject({ kind: 'free' });
		const pmp = byCategory(
			categoryRows({ market: 'Indonesia', date: '2025-08-01', model: 'PMP', iso2: 'ID' })
		);
		expect(pmp.service?.price).toMatchObject({ kind: 'free' });
		expect(pmp.utility?.notes.join(' ')).toMatch(/customer service window/);
	});

	it('under pmp-2026-10 service takes the utility rate where no service row exists, and says so', () => {
		const rows = byCategory(
			categoryRows({ market: 'Indonesia', date: '2026-11-24', model: 'PMP', iso2: 'ID' })
		);
		expect(rows.service?.fromUtility).toBe(true);
		expect(rows.service?.price).toMatchObject({ kind: 'rate', found: { rate: 25_000 } });
		expect(rows.service?.notes[0]).toMatch(/equals the market's utility rate/);
	});

	it('a missing rate is "none" with the lookup reason, never zero', () => {
		const rows = categoryRows({ market: 'Hong Kong', date: '2026-08-01', model: 'PMP', iso2: 'HK' });
		for (const r of rows.filter((r) => r.category !== 'service'))
			expect(r.price).toMatchObject({
				kind: 'none',
				reason: expect.stringMatching(/no rate known for Hong Kong/)
			});
	});

	it('notes the US marketing pause for US recipients only', () => {
		const us = byCategory(
			categoryRows({ market: 'North America', date: '2025-08-01', model: 'PMP', iso2: 'US' })
		);
		expect(us.marketing?.notes.join(' ')).toMatch(/US numbers/);
		const ca = byCategory(
			categoryRows({ market: 'North America', date: '2025-08-01', model: 'PMP', iso2: 'CA' })
		);
		expect(ca.marketing?.notes).toEqual([]);
	});
});

describe('ruleRegime, dates', () => {
	it('uses the regime in force when the model matches, else the nearest regime of the model', () => {
		expect(ruleRegime('2026-11-24', 'PMP')).toMatchObject({ inForce: true, regime: { id: 'pmp-2026-10' } });
		expect(ruleRegime('2026-11-24', 'CBP')).toMatchObject({ inForce: false, regime: { id: 'cbp-2024-11' } });
		expect(ruleRegime('2024-01-01', 'PMP')).toMatchObject({ inForce: false, regime: { id: 'pmp-2025-07' } });
	});
	it('formats and checks dates from their digits', () => {
		expect(formatDay('2026-11-24')).toBe('24 Nov 2026');
		expect(isIsoDate('2026-11-24')).toBe(true);
		expect(isIsoDate('')).toBe(false);
		expect(isIsoDate('2026-1-2')).toBe(false);
	});
});

describe('market choice', () => {
	const choice = (patch: Partial<MarketChoice>): MarketChoice => ({
		mode: 'country',
		country: 'ID',
		number: '',
		market: 'Indonesia',
		...patch
	});
	it('follows dated moves: Zimbabwe is Other, then Rest of Africa from 2025-10-01', () => {
		expect(resolveChoice(choice({ country: 'ZW' }), '2025-09-30')).toMatchObject({
			ok: true,
			market: 'Other'
		});
		expect(resolveChoice(choice({ country: 'ZW' }), '2025-10-01')).toMatchObject({
			ok: true,
			market: 'Rest of Africa'
		});
		expect(marketMoves('ZW')).toEqual([
			{ market: 'Other', from: null, until: '2025-10-01' },
			{ market: 'Rest of Africa', from: '2025-10-01', until: null }
		]);
		expect(marketMoves('ID')).toEqual([]);
	});
	it('resolves E.164 numbers and explains unusable ones', () => {
		expect(
			resolveChoice(choice({ mode: 'number', number: '+62 812 3456 7890' }), '2026-01-01')
		).toMatchObject({
			ok: true,
			market: 'Indonesia',
			matchedPrefix: '62'
		});
		expect(resolveChoice(choice({ mode: 'number', number: '62812345' }), '2026-01-01')).toMatchObject({
			ok: false
		});
		expect(resolveChoice(choice({ mode: 'number', number: 'ID' }), '2026-01-01')).toMatchObject({
			ok: false
		});
	});
	it('lists market names from the cards and the standalone ones without rates', () => {
		const names = marketNames();
		expect(names.onCards).toContain('Indonesia');
		expect(names.mappingOnly).toContain('Hong Kong');
		expect(names.mappingOnly).not.toContain('Indonesia');
	});
});

describe('stepRuns', () => {
	const p = (effectiveFrom: string, model: 'CBP' | 'PMP', rate: number | null): RateHistoryPoint => ({
		effectiveFrom,
		cardId: effectiveFrom,
		model,
		rate: rate === null ? null : asMicros(rate)
	});
	const history = [
		p('2023-06-01', 'CBP', 10),
		p('2024-11-01', 'CBP', 20),
		p('2025-07-01', 'PMP', 30),
		p('2026-07-01', 'PMP', null)
	];

	it('holds each value until the next card, breaks at a model change and leaves a gap for a missing value', () => {
		expect(stepRuns(history, '2027-01-01')).toEqual([
			{
				kind: 'card',
				model: 'CBP',
				points: [
					{ date: '2023-06-01', rate: 10 },
					{ date: '2024-11-01', rate: 20 },
					{ date: '2025-07-01', rate: 20 }
				]
			},
			{
				kind: 'card',
				model: 'PMP',
				points: [
					{ date: '2025-07-01', rate: 30 },
					{ date: '2026-07-01', rate: 30 }
				]
			}
		]);
	});
	it('optionally draws the carried-forward value as its own run', () => {
		const runs = stepRuns(history, '2027-01-01', true);
		expect(runs[2]).toEqual({
			kind: 'carried',
			model: 'PMP',
			points: [
				{ date: '2026-07-01', rate: 30 },
				{ date: '2027-01-01', rate: 30 }
			]
		});
	});
	it('labels a point with date, card, value, unit and confidence, or says it has no value', () => {
		const [first] = rateHistory('Indonesia', 'marketing');
		expect(first && pointLabel(first, 'USD')).toBe(
			'1 Jun 2023 · card 2023-06-01-USD · 0.0411 USD per conversation · Confirmed'
		);
		expect(pointLabel(p('2026-07-01', 'PMP', null), 'USD')).toBe(
			'1 Jul 2026 · card 2026-07-01 · no value on this card (not zero)'
		);
	});
	it('pads the domain around the cards and the selected date', () => {
		expect(addMonths('2023-06-01', -2)).toBe('2023-04-01');
		expect(chartDomain(rateHistory('Indonesia', 'marketing'), '2028-03-15')).toEqual([
			'2023-04-01',
			'2028-09-01'
		]);
	});
});

describe('price fields', () => {
	it('checks each field like the scenario schema', () => {
		expect(fieldError('perMessage', '0.0050')).toBeNull();
		expect(fieldError('perMessage', '0.0000001')).toMatch(/at most 6 decimals/);
		expect(fieldError('perConversation', '-1')).toMatch(/decimal amount/);
		expect(fieldError('markup', '12.5')).toBeNull();
		expect(fieldError('markup', 'ten')).toMatch(/percentage/);
		expect(fieldError('markup', '1001')).toMatch(/at most 1000/);
		expect(fieldError('label', 'x'.repeat(101))).toMatch(/100 characters/);
		expect(fieldError('perMessage', '  ')).toBeNull();
	});
	it('turns fields into adjustments and back; all empty is undefined', () => {
		const adj = { label: 'Acme', markup_percent: 7.5, fee_per_message: '0.005' };
		expect(toAdjustments(toFields(adj))).toEqual(adj);
		expect(toAdjustments(toFields(undefined))).toBeUndefined();
	});
});

describe('previewCustom', () => {
	it('looks the imported card up alone, next to Meta’s, in the card’s model', () => {
		const preview = previewCustom(
			{ name: 'Mine', model: 'CBP', rows: [{ market: 'Indonesia', category: 'marketing', rate: '0.0500' }] },
			'Indonesia',
			'2023-09-12'
		);
		const marketing = preview.rows.find((r) => r.category === 'marketing');
		expect(marketing?.yours).toMatchObject({ ok: true, rate: 50_000, confidence: 'user-supplied' });
		expect(marketing?.meta).toMatchObject({ ok: true, rate: 41_100 });
		expect(marketing?.diff).toBe(8_900);
		expect(preview.rows.find((r) => r.category === 'utility')?.yours.ok).toBe(false);
		expect(preview.marketMissing).toBe(false);
	});
});

describe('customRatesCsv', () => {
	it('writes the rows back as CSV, quoting only where needed', () => {
		const csv = customRatesCsv({
			name: 'x',
			model: 'PMP',
			rows: [
				{ market: 'Indonesia', category: 'marketing', rate: '0.04' },
				{ market: 'A, "B"', category: 'utility', rate: '0.01' }
			]
		});
		expect(csv).toBe('market,category,rate\nIndonesia,marketing,0.04\n"A, ""B""",utility,0.01');
	});
});
