/**
 * Volume tiers (§2.4; issue "Every rate card…" point 2), with every figure read from the CSV files in
 * ../shared/rate-cards (quoted beside each expectation), never from the engine's own output. Each
 * scenario runs through both engines, which must agree.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '$lib/domain/scenario';
import { H, scenario, template } from '../../../tests/helpers/build-scenario';
import { kernelReplay, replay } from './replay';

function both(s: Scenario) {
	const { snapshots: _m, ...machine } = replay(s);
	const { snapshots: _k, ...kernel } = kernelReplay(s);
	expect(kernel).toEqual(machine);
	return machine;
}

const NOV_2026 = Date.UTC(2026, 10, 10);
const withCounts = (
	s: Scenario,
	charged: NonNullable<Scenario['account']>['charged_this_month']
): Scenario => ({
	...s,
	account: { ...s.account, charged_this_month: charged }
});

describe('every card on its own dates (the issue’s figures, from the CSV files)', () => {
	const one = (market: string, category: 'marketing' | 'utility', base: number) =>
		both(scenario([template(0, category, { base })], { regime: null, market })).messages[0];

	it.each([
		// 2024-08-01-USD.csv: Brazil,utility,0.008 (a conversation)
		['BR', 'utility', Date.UTC(2024, 8, 15), 8_000, '2024-08-01-USD'],
		// 2024-10-01-USD.csv: United Kingdom,marketing,0.0529
		['GB', 'marketing', Date.UTC(2024, 9, 15), 52_900, '2024-10-01-USD'],
		// 2026-04-01-USD.csv: Pakistan,utility,0.0100 (tier 1 of tiers-2026-04-01.csv)
		['PK', 'utility', Date.UTC(2026, 4, 15), 10_000, '2026-04-01-USD'],
		// 2026-10-01-USD.csv: Mexico,marketing,0.0397
		['MX', 'marketing', Date.UTC(2026, 10, 15), 39_700, '2026-10-01-USD']
	] as const)('%s %s on %s', (market, category, base, charge, cardId) => {
		const m = one(market, category, base);
		expect(m?.charge).toBe(charge);
		expect(m?.rate?.cardId).toBe(cardId);
	});
});

describe('marginal tiers (tiers-2026-10-01.csv)', () => {
	// Argentina,utility,0,100000,0.026 and Argentina,utility,100001,1000000,0.0247
	const two = scenario(
		[template(0, 'utility', { base: NOV_2026 }), template(H, 'utility', { base: NOV_2026 })],
		{
			regime: null,
			market: 'AR'
		}
	);

	it('the last message of a tier and the first of the next', () => {
		const l = both(withCounts(two, { utility: 99_999 }));
		expect(l.messages.map((m) => m.charge)).toEqual([26_000, 24_700]);
		expect(l.messages[0]?.tier).toMatchObject({ known: true, number: 1, count: 100_000, to: 100_000 });
		expect(l.messages[1]?.tier).toMatchObject({ known: true, number: 2, count: 100_001, from: 100_001 });
		expect(l.messages[1]?.reason).toContain(
			'Volume tier 2: the 100,001st–1,000,000th utility message this month in Argentina: 0.0247 USD'
		);
		expect(l.messages[1]?.reason).toContain('tiers-2026-10-01, confirmed');
		expect(l.total).toBe(50_700);
	});

	it('a scenario that starts mid-tier', () => {
		const l = both(withCounts(two, { utility: 500_000 }));
		expect(l.messages.map((m) => m.charge)).toEqual([24_700, 24_700]);
		expect(l.messages.map((m) => m.tier?.count)).toEqual([500_001, 500_002]);
	});

	it('the month resets at 12am on the 1st in the account’s zone', () => {
		// 2026-11-30 23:30 and 2026-12-01 00:30 in São Paulo (UTC−3).
		const s = scenario(
			[
				template(0, 'utility', { base: Date.UTC(2026, 11, 1, 2, 30) }),
				template(H, 'utility', { base: Date.UTC(2026, 11, 1, 2, 30) })
			],
			{ regime: null, market: 'AR', timezone: 'America/Sao_Paulo' }
		);
		const l = both(withCounts(s, { utility: 100_000 }));
		expect(l.messages.map((m) => m.tier?.count)).toEqual([100_001, 1]);
		expect(l.messages.map((m) => m.charge)).toEqual([24_700, 26_000]);
	});

	it('counts only charged messages, and each category on its own', () => {
		// Argentina,authentication,0,120000,0.026; marketing has no tiers (0.0618 on 2026-10-01-USD).
		const s = scenario(
			[
				template(0, 'authentication', { base: NOV_2026 }),
				template(H, 'marketing', { base: NOV_2026 }),
				template(2 * H, 'utility', { base: NOV_2026, delivered: false }),
				template(3 * H, 'utility', { base: NOV_2026 })
			],
			{ regime: null, market: 'AR' }
		);
		const l = both(withCounts(s, { utility: 100_000, authentication: 0 }));
		expect(l.messages.map((m) => m.charge)).toEqual([26_000, 61_800, 0, 24_700]);
		expect(l.messages[0]?.tier).toMatchObject({ category: 'authentication', count: 1 });
		expect(l.messages[1]?.tier).toBeNull();
		expect(l.messages[3]?.tier).toMatchObject({ count: 100_001 });
	});

	it('authentication-international has its own tiers (India,authentication_international,750001,15000000,0.0286)', () => {
		const s = scenario([template(0, 'authentication', { base: NOV_2026 })], {
			regime: null,
			market: 'IN',
			authInternational: { eligible: true, primary_country: 'ID' }
		});
		const l = both(withCounts(s, { authentication_international: 750_000 }));
		expect(l.messages[0]?.charge).toBe(28_600);
		expect(l.messages[0]?.reason).toContain('authentication-international message this month in India');
	});

	it('per-market starting counts (by_market) and the flat counts for the scenario’s own market', () => {
		const l = both(withCounts(two, { utility: 5, by_market: { Argentina: { utility: 1_000_000 } } }));
		// Argentina,utility,1000001,4500000,0.0234
		expect(l.messages.map((m) => m.charge)).toEqual([23_400, 23_400]);
	});

	it('a market that becomes standalone counts from zero in its new market', () => {
		// +7 7xx is Kazakhstan from 2026-10-01 (Other before); the month's Other count does not follow it.
		// Kazakhstan,utility on tiers-2026-10-01.csv, first tier.
		const s = scenario([template(0, 'utility', { base: Date.UTC(2026, 9, 5) })], {
			regime: null,
			market: 'KZ'
		});
		const l = both(withCounts(s, { by_market: { Other: { utility: 9_000_000 } } }));
		expect(l.messages[0]?.tier).toMatchObject({ market: 'Kazakhstan', count: 1, number: 1 });
	});
});

describe('where the tier is not known, the list rate is an upper bound', () => {
	it('no tier table before 2026-04-01', () => {
		const s = scenario([template(0, 'utility', { base: Date.UTC(2025, 11, 10) })], {
			regime: null,
			market: 'AR'
		});
		const l = both(withCounts(s, { utility: 50_000_000 }));
		// 2025-10-01-USD.csv: Argentina,utility,0.026
		expect(l.messages[0]?.charge).toBe(26_000);
		expect(l.messages[0]?.tier).toMatchObject({ known: false, why: 'no-table', count: 50_000_001 });
		expect(l.messages[0]?.reason).toMatch(/Tier discount unknown .* upper bound/);
		expect(l.notes.join(' ')).toMatch(/Upper bound: 1 utility or authentication charge/);
	});

	it('a partial table that skips the count (tiers-2026-07-01-BRL.csv has no 2,000,001–70,000,000 rows)', () => {
		const s = {
			...scenario([template(0, 'utility', { base: Date.UTC(2026, 7, 10) })], { regime: null, market: 'BR' }),
			currency: 'BRL'
		};
		const l = both(withCounts(s, { utility: 2_000_000 }));
		// 2026-07-01-BRL.csv: Brazil,utility,0.0350
		expect(l.messages[0]?.charge).toBe(35_000);
		expect(l.messages[0]?.tier).toMatchObject({ known: false, why: 'gap' });
	});

	it('in BRL inside a known tier (tiers-2026-10-01-BRL.csv: Brazil,utility,250001,2000000,0.0333)', () => {
		const s = {
			...scenario([template(0, 'utility', { base: NOV_2026 })], { regime: null, market: 'BR' }),
			currency: 'BRL'
		};
		const l = both(withCounts(s, { utility: 250_000 }));
		expect(l.messages[0]?.charge).toBe(33_300);
		expect(l.messages[0]?.reason).toContain('0.0333 BRL');
	});

	it('conversation-based pricing has no tiers', () => {
		const s = scenario([template(0, 'utility', { base: Date.UTC(2024, 8, 15) })], {
			regime: null,
			market: 'BR'
		});
		const l = both(withCounts(s, { utility: 5_000_000 }));
		// 2024-08-01-USD.csv: Brazil,utility,0.008
		expect(l.messages[0]?.charge).toBe(8_000);
		expect(l.messages[0]?.tier).toBeNull();
	});
});
