/**
 * The later regimes (pricing-rules.md §2 and §7): Meta's worked examples per regime, the regime
 * chosen by each message's date in the account's zone, the spanning utility conversation, the US
 * marketing pause, authentication-international. Indonesia: marketing 0.0411, utility and
 * authentication 0.0250 per message on the per-message cards.
 */
import { describe, expect, it } from 'vitest';
import { customer, H, reply, scenario, template } from '../../../tests/helpers/build-scenario';
import { kernelReplay, replay } from './replay';
import type { Scenario } from '$lib/domain/scenario';

const JUL_2025 = Date.UTC(2025, 7, 4); // 2025-08-04, pmp-2025-07 in force
const OCT_2026 = Date.UTC(2026, 9, 12); // 2026-10-12, pmp-2026-10 in force
const NOV_2024 = Date.UTC(2024, 10, 12);

function both(s: Scenario) {
	const machine = replay(s);
	const { snapshots: _s, ...m } = machine;
	const { snapshots: _k, ...k } = kernelReplay(s);
	expect(k).toEqual(m);
	return machine;
}
const outcomes = (s: Scenario) => both(s).messages.map((m) => m.outcome);

describe('cbp-2024-11: service conversations free', () => {
	it('a reply opens a free service conversation; templates are still charged', () => {
		const l = both(
			scenario(
				[
					customer(0, undefined, NOV_2024),
					reply(H, { base: NOV_2024 }),
					template(2 * H, 'utility', { base: NOV_2024 })
				],
				{ regime: null }
			)
		);
		expect(l.regime).toBe('cbp-2024-11');
		expect(l.messages.map((m) => m.outcome)).toEqual(['received', 'free', 'charged']);
		expect(l.conversations.map((c) => c.category)).toEqual(['service', 'utility']);
		expect(l.messages[1]?.reason).toMatch(/free since 1 Nov 2024/);
	});
});

describe('pmp-2025-07: per-message pricing', () => {
	it("Meta's §2.2 example: 4 messages, 2 charges", () => {
		const b = { base: JUL_2025 };
		const l = both(
			scenario(
				[
					template(0, 'marketing', b),
					customer(2 * H, undefined, JUL_2025),
					reply(3 * H, b),
					template(4 * H, 'utility', b),
					template(30 * H, 'utility', b)
				],
				{ regime: null }
			)
		);
		expect(l.regime).toBe('pmp-2025-07');
		expect(l.messages.map((m) => m.outcome)).toEqual(['charged', 'received', 'free', 'free', 'charged']);
		expect(l.messages.filter((m) => m.outcome === 'charged')).toHaveLength(2);
		expect(l.total).toBe(41_100 + 25_000);
		expect(l.conversations).toEqual([]);
	});

	it('marketing and authentication templates are charged even inside the window, every time', () => {
		const b = { base: JUL_2025 };
		const s = scenario(
			[
				customer(0, undefined, JUL_2025),
				template(H, 'marketing', b),
				template(2 * H, 'marketing', b),
				template(3 * H, 'authentication', b)
			],
			{ regime: null }
		);
		expect(outcomes(s)).toEqual(['received', 'charged', 'charged', 'charged']);
	});

	it('everything inside the free entry point is free, utility outside the window included', () => {
		const b = { base: JUL_2025 };
		const s = scenario(
			[
				customer(0, 'ctwa_ad', JUL_2025),
				template(H, 'marketing', b),
				template(30 * H, 'utility', b),
				template(74 * H, 'utility', b)
			],
			{ regime: null }
		);
		expect(outcomes(s)).toEqual(['received', 'free', 'free', 'charged']);
	});
});

describe('pmp-2026-10: service charged again', () => {
	const b = { base: OCT_2026 };
	const events = [
		template(0, 'marketing', b),
		customer(10 * 60_000, undefined, OCT_2026),
		reply(20 * 60_000, b),
		template(40 * 60_000, 'utility', b)
	];

	it("Meta's §2.6 example without the MBA replies: marketing, a human reply and a utility in the window → 3 charges", () => {
		const l = both(scenario(events, { regime: null, freeTier2026: false }));
		expect(l.regime).toBe('pmp-2026-10');
		expect(l.messages.map((m) => m.outcome)).toEqual(['charged', 'received', 'charged', 'charged']);
		// Indonesia on the 2026-10-01 USD card: service 0.025, the same as its utility rate (§2.6).
		expect(l.messages[2]?.charge).toBe(25_000);
		expect(l.messages[2]?.rate).toMatchObject({ category: 'service', cardId: '2026-10-01-USD' });
	});

	it('the UNCONFIRMED 1,000 free service messages (a setting, on by default) make the reply free', () => {
		const l = both(scenario(events, { regime: null, freeServiceUsed: 0 }));
		expect(l.messages[2]?.outcome).toBe('free');
		expect(l.messages[2]?.reason).toMatch(/1 of 1000 free service messages/);
		expect(both(scenario(events, { regime: null, freeServiceUsed: 1000 })).messages[2]?.outcome).toBe(
			'charged'
		);
	});

	it('the free entry point stays free', () => {
		const s = scenario(
			[customer(0, 'ctwa_ad', OCT_2026), reply(H, b), reply(2 * H, b), template(3 * H, 'utility', b)],
			{ regime: null, freeTier2026: false }
		);
		expect(outcomes(s)).toEqual(['received', 'free', 'free', 'free']);
	});
});

describe('the regime of each message’s moment', () => {
	it('§2.2 transition: a utility conversation opened before 2025-07-01 carries later utility templates until it closes', () => {
		const base = Date.UTC(2025, 5, 30, 20); // 30 Jun 2025 20:00 UTC
		const b = { base };
		const l = both(
			scenario([template(0, 'utility', b), template(10 * H, 'utility', b), template(25 * H, 'utility', b)], {
				regime: null
			})
		);
		expect(l.regime).toBe('mixed');
		expect(l.regimes).toEqual(['cbp-2024-11', 'pmp-2025-07']);
		expect(l.messages.map((m) => [m.regime, m.outcome])).toEqual([
			['cbp-2024-11', 'charged'],
			['pmp-2025-07', 'included'],
			['pmp-2025-07', 'charged']
		]);
		expect(l.messages[1]?.code).toBe('utility_in_spanning_conversation');
	});

	it('switches at midnight in the account’s zone, not UTC', () => {
		// 2025-06-30T20:00Z is already 1 Jul 03:00 in Jakarta.
		const b = { base: Date.UTC(2025, 5, 30, 20) };
		expect(
			both(scenario([template(0, 'marketing', b)], { regime: null, timezone: 'Asia/Jakarta' })).regime
		).toBe('pmp-2025-07');
		expect(both(scenario([template(0, 'marketing', b)], { regime: null, timezone: 'UTC' })).regime).toBe(
			'cbp-2024-11'
		);
	});

	it('a pinned regime prices the whole scenario ("what if")', () => {
		const l = both(scenario([template(0, 'marketing'), template(H, 'marketing')], { regime: 'pmp-2025-07' }));
		expect(l.regime).toBe('pmp-2025-07');
		expect(l.pinned).toBe(true);
		expect(l.messages.map((m) => m.outcome)).toEqual(['charged', 'charged']);
		expect(l.messages[0]?.rate?.beforeEffective).toBe(true);
	});
});

describe('§2.7 marketing to United States numbers', () => {
	const at = (y: number, m: number, d: number) => ({ base: Date.UTC(y, m - 1, d, 12) });
	it.each([
		['US', at(2025, 7, 15), 'failed'],
		['+12125550123', at(2025, 7, 15), 'failed'],
		['US', at(2025, 4, 1), 'failed'],
		['US', at(2025, 3, 31), 'charged'],
		['CA', at(2025, 7, 15), 'charged'],
		['+14165550123', at(2025, 7, 15), 'charged']
	])('%s on %o → %s', (market, b, expected) => {
		const l = both(scenario([template(0, 'marketing', b)], { regime: null, market }));
		expect(l.messages[0]?.outcome).toBe(expected);
		if (expected === 'failed') expect(l.messages[0]?.reason).toMatch(/United States/);
	});

	it('utility templates to the US are still delivered', () => {
		expect(
			outcomes(scenario([template(0, 'utility', at(2025, 8, 1))], { regime: null, market: 'US' }))
		).toEqual(['charged']);
	});
});

describe('§2.5 authentication-international', () => {
	const b = { base: Date.UTC(2026, 0, 15) };
	it('applies to an eligible business whose primary country is not the recipient’s', () => {
		const l = both(
			scenario([template(0, 'authentication', b)], {
				regime: null,
				authInternational: { eligible: true, primary_country: 'SG' }
			})
		);
		expect(l.messages[0]?.rate?.category).toBe('authentication_international');
		expect(l.total).toBe(136_000);
	});
	it('never for the primary country itself, nor for a business that is not eligible', () => {
		const domestic = both(
			scenario([template(0, 'authentication', b)], {
				regime: null,
				authInternational: { eligible: true, primary_country: 'ID' }
			})
		);
		expect(domestic.total).toBe(25_000);
		const ineligible = both(
			scenario([template(0, 'authentication', b)], {
				regime: null,
				authInternational: { eligible: false, primary_country: 'SG' }
			})
		);
		expect(ineligible.total).toBe(25_000);
	});
	it('not before the market’s start date (Indonesia: 2024-06-01)', () => {
		const early = { base: Date.UTC(2024, 4, 20) };
		const l = both(
			scenario([template(0, 'authentication', early)], {
				regime: null,
				authInternational: { eligible: true, primary_country: 'SG' }
			})
		);
		expect(l.messages[0]?.rate?.category).toBe('authentication');
	});
});

describe('rates that are not known', () => {
	it('a missing value is "no rate known", never a silent zero', () => {
		// Billed in BRL: the 2026-10-01 BRL card prices Brazil only, so Argentina has no BRL value.
		const l = both({
			...scenario([template(0, 'marketing', { base: Date.UTC(2026, 10, 3) })], {
				regime: null,
				market: 'AR'
			}),
			currency: 'BRL'
		});
		expect(l.currency).toBe('BRL');
		expect(l.messages[0]?.outcome).toBe('charged');
		expect(l.messages[0]?.unpriced).toBe(true);
		expect(l.messages[0]?.charge).toBe(0);
		expect(l.messages[0]?.reason).toMatch(/no rate known in BRL/);
		expect(l.notes.join(' ')).toMatch(/Incomplete: 1 message/);
	});
});

describe('reasons say the truth', () => {
	it('a free-form reply riding on an open marketing conversation names that conversation', () => {
		const l = both(
			scenario([customer(0), template(H, 'marketing'), reply(2 * H)], { freeServiceUsed: 1000 })
		);
		expect(l.messages[2]?.code).toBe('free_form_in_open_conversation');
		expect(l.messages[2]?.reason).toMatch(/rides on the open marketing conversation/);
		expect(l.messages[2]?.reason).not.toMatch(/service conversation/);
	});
});
