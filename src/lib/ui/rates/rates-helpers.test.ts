import { describe, expect, it } from 'vitest';
import { rateHistory, type RateHistoryPoint } from '$lib/domain/rate-card';
import { asMicros } from '$lib/domain/units';
import { customRatesCsv, previewCustom } from './custom-preview';
import { marketMoves, marketNames, resolveChoice, type MarketChoice } from './market-choice';
import { fieldError, toAdjustments, toFields } from './price-fields';
import {
	cardDateGroups,
	categoryRows,
	currencyCoverage,
	formatDay,
	isIsoDate,
	localToday,
	ruleRegime,
	shortSource,
	tierView
} from './rates-view';
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

	it('under pmp-2026-10 the 2026-10-01 card’s own service row is used, and it equals the utility rate', () => {
		// 2026-10-01-USD.csv: Indonesia,service,0.025 and Indonesia,utility,0.025, both confirmed.
		const rows = byCategory(
			categoryRows({ market: 'Indonesia', date: '2026-11-24', model: 'PMP', iso2: 'ID' })
		);
		expect(rows.service?.fromUtility).toBe(false);
		expect(rows.service?.price).toMatchObject({
			kind: 'rate',
			found: { rate: 25_000, cardId: '2026-10-01-USD', confidence: 'confirmed' }
		});
		expect(rows.service?.notes[0]).toMatch(/own service row: equal to the utility rate/);
	});

	it('under pmp-2026-10 service takes the utility rate where the card has no service row, and says so', () => {
		// 2026-07-01-EUR.csv (no service rows, no newer EUR card): Argentina,utility,0.0216.
		const rows = byCategory(
			categoryRows({ market: 'Argentina', date: '2026-11-10', model: 'PMP', iso2: 'AR', currency: 'EUR' })
		);
		expect(rows.service?.fromUtility).toBe(true);
		expect(rows.service?.price).toMatchObject({
			kind: 'rate',
			found: { rate: 21_600, cardId: '2026-07-01-EUR' }
		});
		expect(rows.service?.notes[0]).toMatch(/No service row on this card.*equals the market's utility rate/);
	});

	it('a currency without a value is "none" with the lookup reason, never zero and never converted', () => {
		// 2026-10-01-BRL.csv lists Brazil only.
		const rows = categoryRows({
			market: 'Argentina',
			date: '2026-11-10',
			model: 'PMP',
			iso2: 'AR',
			currency: 'BRL'
		});
		for (const r of rows)
			expect(r.price).toMatchObject({
				kind: 'none',
				reason: expect.stringMatching(/^no rate known in BRL for Argentina/)
			});
		const brazil = byCategory(
			categoryRows({ market: 'Brazil', date: '2026-11-10', model: 'PMP', iso2: 'BR', currency: 'BRL' })
		);
		expect(brazil.marketing?.price).toMatchObject({
			kind: 'rate',
			found: { rate: 321_700, cardId: '2026-10-01-BRL', confidence: 'derived' }
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
	it('today is the local calendar date, whatever the time of day', () => {
		expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
		expect(localToday(new Date(2026, 10, 24, 0, 1))).toBe('2026-11-24');
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
	it('issue 8: NANP members, Kazakh +7 and countries Meta does not list; look-alike codes refused', () => {
		const at = (c: Partial<MarketChoice>, date = '2026-01-15') => resolveChoice(choice(c), date);
		expect(at({ mode: 'number', number: '+1 242 555 0100' })).toEqual({
			ok: true,
			market: 'Other',
			iso2: 'BS',
			matchedPrefix: '1242'
		});
		expect(at({ mode: 'number', number: '+1 809 555 0100' })).toMatchObject({
			market: 'Rest of Latin America'
		});
		expect(at({ mode: 'number', number: '+7 701 234 5678' }, '2026-09-30')).toMatchObject({
			market: 'Other'
		});
		expect(at({ mode: 'number', number: '+7 701 234 5678' }, '2026-10-01')).toMatchObject({
			market: 'Kazakhstan'
		});
		expect(at({ country: 'EE' })).toEqual({ ok: true, market: 'Other', iso2: 'EE', matchedPrefix: null });
		expect(at({ country: 'UK' })).toEqual({ ok: false, error: expect.stringMatching(/did you mean GB\?/) });
		expect(at({ mode: 'number', number: '+999 123 4567' })).toEqual({
			ok: false,
			error: expect.stringMatching(/calling code 999 is not assigned/)
		});
	});
	it('lists market names from the cards and the standalone ones without rates', () => {
		const names = marketNames();
		expect(names.onCards).toContain('Indonesia');
		// Hong Kong has its own rows from the 2026-07-01 card on.
		expect(names.onCards).toContain('Hong Kong');
		expect(names.mappingOnly.filter((m) => names.onCards.includes(m))).toEqual([]);
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

describe('cards by date', () => {
	it('groups the 29 cards on the 14 change dates, USD first', () => {
		const groups = cardDateGroups();
		expect(groups).toHaveLength(14);
		expect(groups.flatMap((g) => g.cards)).toHaveLength(29);
		expect(groups[0]).toMatchObject({ date: '2023-06-01', model: 'CBP' });
		expect(groups[0]?.cards.map((c) => [c.currency, c.markets])).toEqual([['USD', 32]]);
		const oct = groups.find((g) => g.date === '2026-10-01');
		expect(oct?.model).toBe('PMP');
		expect(oct?.cards.map((c) => c.currency)).toEqual(['USD', 'AED', 'BRL', 'COP', 'GBP', 'INR']);
		expect(oct?.cards[0]).toMatchObject({ markets: 47, categories: expect.arrayContaining(['service']) });
		expect(groups.find((g) => g.date === '2026-07-01')?.cards).toHaveLength(8);
		expect(groups.some((g) => g.date === '2024-02-01')).toBe(false);
	});
	it('says what a currency other than USD covers on the date, and never converts', () => {
		expect(currencyCoverage('USD', '2026-11-10', 'PMP')).toBeNull();
		expect(currencyCoverage('BRL', '2026-11-10', 'PMP')).toMatch(
			/^In force: 2026-10-01-BRL, listing 1 market\. .*never converted/
		);
		expect(currencyCoverage('BRL', '2026-03-01', 'PMP')).toMatch(
			/first BRL per-message card takes effect on 1 Jul 2026/
		);
		expect(currencyCoverage('BRL', '2026-11-10', 'CBP')).toMatch(/no conversation-based card in BRL/);
	});
});

describe('tierView', () => {
	const q = {
		market: 'Argentina',
		category: 'utility' as const,
		date: '2026-11-10',
		currency: 'USD',
		model: 'PMP' as const
	};
	it('Argentina utility on 2026-11-10: Meta’s 2026-10-01 table, tier 2 the 100,001st–1,000,000th at 0.0247', () => {
		const v = tierView(q);
		expect(v.kind).toBe('table');
		if (v.kind !== 'table') return;
		expect(v.schedule.tableId).toBe('tiers-2026-10-01');
		expect(v.provenance).toBe("Meta's own table");
		expect(v.tableMarkets).toBe(47);
		expect(v.schedule.tiers).toHaveLength(6);
		expect(v.schedule.tiers[1]).toMatchObject({
			number: 2,
			from: 100_001,
			to: 1_000_000,
			rate: 24_700,
			confidence: 'confirmed'
		});
		// Tier 1 is the card's list rate (2026-10-01-USD.csv: Argentina,utility,0.026).
		expect(v.listRate).toMatchObject({ ok: true, rate: 26_000, cardId: '2026-10-01-USD' });
	});
	it('says plainly when no table is known, in a currency, or for the market', () => {
		expect(tierView({ ...q, date: '2026-03-31' })).toEqual({
			kind: 'none',
			message:
				'No volume-tier table is known for this date: utility and authentication are priced at the list rate, an upper bound.',
			detail: 'The first known table, tiers-2026-04-01, takes effect on 1 Apr 2026.'
		});
		expect(tierView({ ...q, currency: 'AED' })).toMatchObject({
			kind: 'none',
			message: expect.stringMatching(/^No volume-tier table in AED is known/),
			detail: 'Tier tables are known in BRL, INR, USD.'
		});
		expect(tierView({ ...q, currency: 'BRL', date: '2026-05-01' })).toMatchObject({
			message: expect.stringMatching(/^No volume-tier table in BRL is known for this date/),
			detail: 'The first BRL table, tiers-2026-07-01-BRL, takes effect on 1 Jul 2026.'
		});
		expect(tierView({ ...q, currency: 'BRL' })).toMatchObject({
			message: expect.stringMatching(/^tiers-2026-10-01-BRL has no utility tiers for Argentina/),
			detail: 'This table lists Brazil only.'
		});
		expect(tierView({ ...q, category: 'authentication_international' })).toMatchObject({
			kind: 'none',
			detail: 'This table lists 47 markets.'
		});
		expect(tierView({ ...q, model: 'CBP' })).toEqual({ kind: 'cbp' });
	});
	it('describes where a schedule comes from', () => {
		const provenance = (p: Partial<typeof q>) => {
			const v = tierView({ ...q, ...p });
			return v.kind === 'table' ? `${v.schedule.tableId}: ${v.provenance}` : v.kind;
		};
		expect(provenance({ date: '2026-05-01' })).toBe("tiers-2026-04-01: Meta's own table");
		expect(provenance({ date: '2026-08-01' })).toMatch(/^tiers-2026-07-01: derived/);
		expect(provenance({ market: 'Brazil', currency: 'BRL' })).toBe('tiers-2026-10-01-BRL: one source only');
		// tiers-2026-10-01-INR.csv, India utility: 1 confirmed, 4 derived, 1 single-source.
		expect(provenance({ market: 'India', currency: 'INR' })).toBe(
			'tiers-2026-10-01-INR: partly sourced: 1 confirmed, 1 single source, 4 derived'
		);
	});
	it('shortens a source to its key or a few words', () => {
		expect(shortSource('META-OCT26-TIERS: Meta USD volume-tier XLSX effective 2026-10-01')).toBe(
			'META-OCT26-TIERS'
		);
		expect(shortSource('BRLOCT')).toBe('BRLOCT');
		expect(shortSource('derived: 0.1150 x (1 - 6%) rounded to 4 dp; India discount ladder')).toBe(
			'derived: 0.1150 x (1 - 6%) rounded to 4…'
		);
	});
});
