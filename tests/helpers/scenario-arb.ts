/**
 * Random scenarios for the property tests: every regime, markets with their quirks (NANP area codes,
 * Kazakhstan, Kosovo), billing currencies with gaps, free tiers, volume tiers near their bounds and
 * both window-end settings, with events on an hour lattice nudged by ±1 ms so boundaries are hit.
 */
import fc from 'fast-check';
import { REGIME_IDS, type RegimeId } from '../../src/lib/domain/regimes';
import { validateScenario, type Scenario } from '../../src/lib/domain/scenario';

const H = 3_600_000;
export const STARTS = [
	Date.UTC(2023, 8, 28),
	Date.UTC(2024, 9, 30, 12),
	Date.UTC(2025, 5, 29),
	Date.UTC(2025, 8, 29),
	Date.UTC(2026, 3, 29),
	Date.UTC(2026, 8, 29),
	Date.UTC(2026, 10, 27)
];
export const MARKETS = [
	'ID',
	'US',
	'IN',
	'BR',
	'AR',
	'HK',
	'GB',
	'CO',
	'+18095550100',
	'+12125550123',
	'+12425550100',
	'+77012345678',
	'ZW',
	'+38344123456'
];
/** Billing currencies: USD complete, the others partial (their gaps must say "no rate known" alike). */
const CURRENCIES = ['USD', 'USD', 'BRL', 'INR', 'COP', 'EUR'];
const ZONES = ['UTC', 'Asia/Jakarta', 'America/Sao_Paulo', 'Asia/Kolkata'];

// Offsets on an hour lattice, nudged by ±1 ms now and then, so the 24 h / 72 h boundaries are hit exactly.
const offset = fc
	.tuple(fc.integer({ min: 0, max: 24 * 6 }), fc.constantFrom(0, 0, 0, -1, 1))
	.map(([h, e]) => Math.max(0, h * H + e));
export const event = fc.oneof(
	fc.record({
		type: fc.constant('customer_message' as const),
		entry: fc.constantFrom(undefined, undefined, 'ctwa_ad' as const, 'page_cta' as const)
	}),
	fc.record({
		type: fc.constant('business_message' as const),
		delivered: fc.constantFrom(true, true, true, false)
	}),
	fc.record({
		type: fc.constant('template' as const),
		category: fc.constantFrom('marketing' as const, 'utility' as const, 'authentication' as const),
		delivered: fc.constantFrom(true, true, true, false)
	})
);

export const scenarioArb = fc
	.record({
		start: fc.constantFrom(...STARTS),
		market: fc.constantFrom(...MARKETS),
		timezone: fc.constantFrom(...ZONES),
		regime: fc.constantFrom<RegimeId | null>(null, null, ...REGIME_IDS),
		freeUsed: fc.constantFrom(0, 998, 999, 1000),
		freeTier2026: fc.boolean(),
		inclusive: fc.boolean(),
		authIntl: fc.option(
			fc.record({ eligible: fc.boolean(), primary_country: fc.constantFrom('ID', 'SG', 'US') })
		),
		currency: fc.constantFrom(...CURRENCIES),
		// Starting counts near tier bounds (Argentina utility 100,000; India authentication 750,000).
		charged: fc.option(
			fc.record({
				utility: fc.constantFrom(0, 99_998, 100_000, 24_999_999),
				authentication: fc.constantFrom(0, 119_999, 749_999),
				authentication_international: fc.constantFrom(0, 749_999)
			})
		),
		events: fc.array(fc.tuple(offset, event), { maxLength: 30 })
	})
	.map((r) => build(r));

function build(r: {
	start: number;
	market: string;
	timezone: string;
	regime: RegimeId | null;
	freeUsed: number;
	freeTier2026: boolean;
	inclusive: boolean;
	authIntl: { eligible: boolean; primary_country: string } | null;
	currency: string;
	charged: { utility: number; authentication: number; authentication_international: number } | null;
	events: [number, { type: string; entry?: string; delivered?: boolean; category?: string }][];
}): Scenario {
	const events = r.events.map(([t, e]) => {
		const at = new Date(r.start + t).toISOString();
		if (e.type === 'customer_message')
			return e.entry ? { at, type: e.type, entry_point: e.entry } : { at, type: e.type };
		if (e.type === 'business_message') return { at, type: e.type, delivered: e.delivered };
		return { at, type: e.type, category: e.category, delivered: e.delivered };
	});
	const data = {
		format: 'wa-pricing-scenario/1',
		name: 'property',
		market: r.market,
		timezone: r.timezone,
		...(r.regime ? { regime: r.regime } : {}),
		currency: r.currency,
		account: {
			free_service_used: r.freeUsed,
			free_service_tier_2026: r.freeTier2026,
			...(r.authIntl ? { auth_international: r.authIntl } : {}),
			...(r.charged ? { charged_this_month: r.charged } : {})
		},
		settings: { window_end: r.inclusive ? 'inclusive' : 'exclusive' },
		events
	};
	const v = validateScenario(data);
	if (!v.ok) throw new Error(JSON.stringify(v.errors));
	return v.scenario;
}
