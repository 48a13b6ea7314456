/**
 * The forecast prices each recipient by the rules table exactly as the sandbox would: a property test
 * replays every recipient of random broadcasts (machine path, with the tier counts carried) and
 * demands the same outcomes and the same total; hand-written lists are checked against the CSV cards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '$lib/domain/phone';
import { REGIME_IDS, type RegimeId } from '$lib/domain/regimes';
import type { TemplateCategory } from '$lib/domain/scenario';
import { localDate } from '$lib/domain/time';
import type { EpochMs } from '$lib/domain/units';
import { replay } from '../replay';
import { Forecaster, type ForecastOptions, type RecipientInput } from './forecaster';
import { recipientScenario } from './recipient-scenario';

const H = 3_600_000;
const NOV_2026 = Date.UTC(2026, 10, 10, 13) as EpochMs;

function forecast(o: ForecastOptions, rows: RecipientInput[]) {
	const f = new Forecaster(o);
	// `add` reuses its answer object: keep copies.
	const priced = rows.map((r) => {
		const p = f.add(r);
		return p && { ...p };
	});
	return { result: f.finish(), priced };
}

describe('hand-written lists, priced from the CSV cards', () => {
	it('marketing to India, Brazil and Indonesia in November 2026, 1 in the window, 1 invalid', () => {
		// 2026-10-01-USD.csv: India marketing 0.0118, Brazil marketing 0.0625, Indonesia marketing 0.0411.
		const o: ForecastOptions = { category: 'marketing', timezone: 'UTC' };
		const rows: RecipientInput[] = [
			{ phone: '+91 98765 43210', sendAt: NOV_2026 },
			{ phone: '5511987654321', sendAt: NOV_2026 },
			{ phone: '+62 812 3456 7890', sendAt: NOV_2026, lastCustomerMessageAt: (NOV_2026 - H) as EpochMs },
			{ phone: '+999 1234 5678', sendAt: NOV_2026, line: 5 }
		];
		const { result } = forecast(o, rows);
		// Marketing inside the service window is still charged under per-message pricing.
		expect(result.total).toBe(11_800 + 62_500 + 41_100);
		expect(result.outcomes).toEqual({ charged: 3, free: 0, failed: 0, invalid: 1 });
		expect(result.invalidRows).toEqual([{ line: 5, reason: 'phone: calling code 999 is not assigned' }]);
		expect(result.markets.map((m) => m.market)).toEqual(['Brazil', 'Indonesia', 'India']);
	});

	it('US marketing fails (paused), Canadian is charged; utility in the window is free in July 2025 only', () => {
		const o: ForecastOptions = { category: 'marketing', timezone: 'UTC' };
		const { result } = forecast(o, [
			{ phone: '+1 212 555 0123', sendAt: NOV_2026 },
			{ phone: '+1 416 555 0123', sendAt: NOV_2026 }
		]);
		// 2026-10-01-USD.csv: North America marketing 0.025.
		expect(result.byOutcome).toEqual({ failed_us_pause: 1, charged: 1 });
		expect(result.total).toBe(25_000);

		const jul = Date.UTC(2025, 7, 5, 12) as EpochMs;
		const u = forecast({ category: 'utility', timezone: 'UTC' }, [
			{ phone: '+62 812 3456 7890', sendAt: jul, lastCustomerMessageAt: (jul - 2 * H) as EpochMs },
			{ phone: '+62 812 3456 7891', sendAt: jul }
		]).result;
		// 2025-07-01-USD.csv: Indonesia utility 0.025 (no tier table before 2026-04-01).
		expect(u.byOutcome).toEqual({ free_service_window: 1, charged: 1 });
		expect(u.total).toBe(25_000);
	});

	it('a free entry point opened within 72 h makes the template free', () => {
		const { result } = forecast({ category: 'marketing', timezone: 'UTC' }, [
			{
				phone: '+62 812 3456 7890',
				sendAt: NOV_2026,
				freeEntryPointOpenedAt: (NOV_2026 - 71 * H) as EpochMs
			},
			{ phone: '+62 812 3456 7891', sendAt: NOV_2026, freeEntryPointOpenedAt: (NOV_2026 - 72 * H) as EpochMs }
		]);
		expect(result.byOutcome).toEqual({ free_entry_point: 1, charged: 1 });
	});

	it('tier crossings carried across recipients (Argentina utility passes 100,000)', () => {
		// tiers-2026-10-01.csv: Argentina utility 0–100,000 at 0.026, then 0.0247.
		const o: ForecastOptions = {
			category: 'utility',
			timezone: 'UTC',
			account: { charged_this_month: { by_market: { Argentina: { utility: 99_999 } } } }
		};
		const rows = [0, 1, 2].map((i) => ({ phone: `+54 9 11 5555 000${i}`, sendAt: NOV_2026 }));
		const { result } = forecast(o, rows);
		expect(result.total).toBe(26_000 + 24_700 + 24_700);
		expect(result.tierCrossings).toEqual([
			{ market: 'Argentina', category: 'utility', tier: 2, atRecipient: 2 }
		]);
	});

	it('in BRL: Brazil priced from the BRL card, Argentina has no BRL rate (incomplete, never converted)', () => {
		const { result } = forecast({ category: 'marketing', timezone: 'UTC', currency: 'BRL' }, [
			{ phone: '+55 11 98765 4321', sendAt: NOV_2026 },
			{ phone: '+54 9 11 5555 0000', sendAt: NOV_2026 }
		]);
		// 2026-10-01-BRL.csv: Brazil marketing 0.3217.
		expect(result.currency).toBe('BRL');
		expect(result.total).toBe(321_700);
		expect(result.unpriced).toBe(1);
	});
});

describe('phone numbers as CRMs export them', () => {
	it.each([
		['+62 812-3456-7890', '6281234567890'],
		['0062 812 3456 7890', '6281234567890'],
		['(+1) 416.555.0123', '14165550123']
	])('%s → %s', (raw, digits) => expect(normalizePhone(raw)).toEqual({ ok: true, digits }));
	it.each([
		['', /empty/],
		['0812 3456 789', /national number/],
		['+999 1234 5678', /calling code 999 is not assigned/],
		['abc', /not a number/],
		['+62 12', /too short/]
	])('%s is refused', (raw, reason) => {
		const r = normalizePhone(raw);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(reason);
	});
});

const PHONES = [
	'+62 812 3456 7890',
	'+91 98765 43210',
	'+55 11 98765 4321',
	'+54 9 11 5555 0000',
	'+1 212 555 0123',
	'+1 416 555 0123',
	'+1 242 555 0100',
	'+7 701 234 5678',
	'+44 7700 900123',
	'+999 1234'
];
const STARTS = [
	Date.UTC(2023, 8, 12),
	Date.UTC(2024, 10, 30, 20),
	Date.UTC(2025, 6, 31, 20),
	Date.UTC(2026, 9, 31, 20)
];

describe('a forecast is the sum of sandbox replays of its recipients', { timeout: 120_000 }, () => {
	it('random broadcasts under every regime, currencies and tier counts', () => {
		const recipient = fc.record({
			phone: fc.constantFrom(...PHONES),
			offset: fc.integer({ min: 0, max: 8 * H }),
			last: fc.option(fc.integer({ min: -30 * H, max: 2 * H })),
			fep: fc.option(fc.integer({ min: -80 * H, max: 2 * H })),
			delivered: fc.constantFrom(true, true, true, false)
		});
		fc.assert(
			fc.property(
				fc.record({
					category: fc.constantFrom<TemplateCategory>('marketing', 'utility', 'authentication'),
					start: fc.constantFrom(...STARTS),
					regime: fc.constantFrom<RegimeId | null>(null, null, ...REGIME_IDS),
					timezone: fc.constantFrom('UTC', 'America/Sao_Paulo', 'Asia/Jakarta'),
					currency: fc.constantFrom('USD', 'USD', 'BRL', 'INR'),
					argentina: fc.constantFrom(0, 99_998, 999_999),
					intl: fc.boolean(),
					inclusive: fc.boolean(),
					rows: fc.array(recipient, { maxLength: 12 })
				}),
				(b) => {
					const o: ForecastOptions = {
						category: b.category,
						timezone: b.timezone,
						...(b.regime ? { regime: b.regime } : {}),
						currency: b.currency,
						account: {
							charged_this_month: {
								by_market: { Argentina: { utility: b.argentina, authentication: b.argentina } }
							},
							...(b.intl ? { auth_international: { eligible: true, primary_country: 'GB' } } : {})
						},
						settings: { window_end: b.inclusive ? 'inclusive' : 'exclusive' }
					};
					// Send order = time order, as a broadcast goes out.
					const rows: RecipientInput[] = b.rows
						.map((r) => {
							const sendAt = (b.start + r.offset) as EpochMs;
							return {
								phone: r.phone,
								sendAt,
								lastCustomerMessageAt: r.last === null ? null : ((sendAt + r.last) as EpochMs),
								freeEntryPointOpenedAt: r.fep === null ? null : ((sendAt + r.fep) as EpochMs),
								delivered: r.delivered
							};
						})
						.sort((x, y) => x.sendAt - y.sendAt);
					const { result, priced } = forecast(o, rows);

					// The sandbox, one recipient at a time, carrying the month's tiered charges: the account's
					// counts start the broadcast's first month; a later month starts from zero.
					const accountCounts = o.account!.charged_this_month!.by_market!;
					let month: string | null = null;
					let firstMonth: string | null = null;
					let counts: Record<string, Record<string, number>> = {};
					let total = 0;
					rows.forEach((r, i) => {
						const phone = normalizePhone(r.phone);
						if (!phone.ok) return expect(priced[i]).toBeNull();
						const m = localDate(r.sendAt, b.timezone).slice(0, 7);
						firstMonth ??= m;
						if (m !== month) {
							month = m;
							counts = m === firstMonth ? structuredClone(accountCounts) : {};
						}
						const ledger = replay(
							recipientScenario(o, { ...r, digits: phone.digits }, { by_market: counts })
						);
						const msg = ledger.messages.at(-1)!;
						expect(msg.charge).toBe(priced[i]!.charge);
						expect(msg.code).toBe(priced[i]!.code);
						if (msg.tier)
							counts[msg.tier.market] = { ...counts[msg.tier.market], [msg.tier.category]: msg.tier.count };
						total += ledger.total;
					});
					expect(result.total).toBe(total);
				}
			),
			{ numRuns: 500 }
		);
	});
});
