/**
 * Every rule of pricing-rules.md §1 and every §6 edge case that applies to cbp-2023-06, table-driven,
 * with each boundary at 24 h − 1 ms, exactly 24 h and 24 h + 1 ms. Indonesia's June 2023 card:
 * marketing 0.0411, utility 0.0200, authentication 0.0300, service 0.0190 USD per conversation.
 * Each case runs through both engines (machines and kernel) and demands the same answer.
 */
import { describe, expect, it } from 'vitest';
import {
	customer,
	H,
	reply,
	scenario,
	template,
	type ScenarioOptions
} from '../../../tests/helpers/build-scenario';
import type { ScenarioEvent } from '$lib/domain/scenario';
import type { Outcome } from './ledger';
import { kernelReplay, replay } from './replay';

const DAY = 24 * H;
const MKT = 41_100;
const UTIL = 20_000;
const AUTH = 30_000;
const SVC = 19_000;

interface Case {
	name: string;
	events: ScenarioEvent[];
	outcomes: Outcome[];
	charges?: number[];
	total: number;
	options?: ScenarioOptions;
}

const cases: Case[] = [
	// §1.3 template categories
	{
		name: 'a marketing template opens a charged marketing conversation',
		events: [template(0, 'marketing')],
		outcomes: ['charged'],
		total: MKT
	},
	{
		name: "Meta's §1.3 example: H0 marketing, H4 utility, H10 utility → two conversations",
		events: [template(0, 'marketing'), template(4 * H, 'utility'), template(10 * H, 'utility')],
		outcomes: ['charged', 'charged', 'included'],
		total: MKT + UTIL
	},
	{
		name: "Meta's §1.3 worked example: free-form rides on marketing, then a service conversation opens at H25",
		events: [template(0, 'marketing'), customer(4 * H), reply(5 * H), reply(25 * H), reply(26 * H)],
		outcomes: ['charged', 'received', 'included', 'charged', 'included'],
		charges: [MKT, 0, 0, SVC, 0],
		total: MKT + SVC
	},
	{
		name: '§1.4: an open service conversation + a utility template → both charged',
		events: [customer(0), reply(H), template(2 * H, 'utility')],
		outcomes: ['received', 'charged', 'charged'],
		total: SVC + UTIL
	},
	{
		name: '§1.4: several free-form messages while a conversation is open → one conversation',
		events: [customer(0), reply(H), reply(2 * H), reply(3 * H)],
		outcomes: ['received', 'charged', 'included', 'included'],
		total: SVC
	},
	{
		name: '§6.10: a template inside the customer service window still opens its own conversation',
		events: [customer(0), template(H, 'authentication')],
		outcomes: ['received', 'charged'],
		total: AUTH
	},
	// §1.5 customer service window and its boundary
	{
		name: '§1.5: free-form with no customer message is blocked',
		events: [reply(0)],
		outcomes: ['blocked'],
		total: 0
	},
	{
		name: '§1.5: reply at 24 h − 1 ms is allowed',
		events: [customer(0), reply(DAY - 1)],
		outcomes: ['received', 'charged'],
		total: SVC
	},
	{
		name: '§1.5: reply at exactly 24 h is blocked (half-open window)',
		events: [customer(0), reply(DAY)],
		outcomes: ['received', 'blocked'],
		total: 0
	},
	{
		name: '§1.5: reply at 24 h + 1 ms is blocked',
		events: [customer(0), reply(DAY + 1)],
		outcomes: ['received', 'blocked'],
		total: 0
	},
	{
		name: '§6.1 setting: with inclusive ends a reply at exactly 24 h is allowed',
		events: [customer(0), reply(DAY)],
		outcomes: ['received', 'charged'],
		total: SVC,
		options: { inclusive: true }
	},
	{
		name: '§1.5: every customer message restarts the 24 h',
		events: [customer(0), customer(10 * H), reply(33 * H)],
		outcomes: ['received', 'received', 'charged'],
		total: SVC
	},
	{
		name: 'use case 1: a second service conversation inside one long window',
		events: [customer(0), reply(H), customer(3 * H), reply(26 * H), reply(28 * H)],
		outcomes: ['received', 'charged', 'received', 'charged', 'blocked'],
		total: 2 * SVC
	},
	// §1.4 conversation duration boundaries
	{
		name: 'same category at 24 h − 1 ms rides on the open conversation',
		events: [template(0, 'marketing'), template(DAY - 1, 'marketing')],
		outcomes: ['charged', 'included'],
		total: MKT
	},
	{
		name: 'same category at exactly 24 h opens a new conversation',
		events: [template(0, 'marketing'), template(DAY, 'marketing')],
		outcomes: ['charged', 'charged'],
		total: 2 * MKT
	},
	{
		name: 'same category at 24 h + 1 ms opens a new conversation',
		events: [template(0, 'marketing'), template(DAY + 1, 'marketing')],
		outcomes: ['charged', 'charged'],
		total: 2 * MKT
	},
	{
		name: '§6.1 setting: inclusive ends keep the conversation open at exactly 24 h',
		events: [template(0, 'marketing'), template(DAY, 'marketing')],
		outcomes: ['charged', 'included'],
		total: MKT,
		options: { inclusive: true }
	},
	{
		name: 'use case 5: two categories, two conversations side by side',
		events: [template(0, 'marketing'), template(5 * 60_000, 'authentication')],
		outcomes: ['charged', 'charged'],
		total: MKT + AUTH
	},
	// §1.6 free entry point
	{
		name: '§1.6: a reply within 24 h of an ad message opens a 72 h free entry point; templates free inside it',
		events: [
			customer(0, 'ctwa_ad'),
			reply(H),
			template(2 * H, 'marketing'),
			template(73 * H - 1, 'utility'),
			template(73 * H, 'utility')
		],
		outcomes: ['received', 'free', 'free', 'free', 'charged'],
		total: UTIL
	},
	{
		name: '§1.6: a Page button message works the same way',
		events: [customer(0, 'page_cta'), template(2 * H, 'marketing')],
		outcomes: ['received', 'free'],
		total: 0
	},
	{
		name: '§1.6: a reply at 24 h − 1 ms still opens the free entry point',
		events: [customer(0, 'ctwa_ad'), template(DAY - 1, 'marketing'), template(DAY + H, 'authentication')],
		outcomes: ['received', 'free', 'free'],
		total: 0
	},
	{
		name: '§1.6: no reply within 24 h → no free entry point; a template opens a normal conversation',
		events: [customer(0, 'ctwa_ad'), template(DAY, 'marketing')],
		outcomes: ['received', 'charged'],
		total: MKT
	},
	{
		name: '§1.6: free-form still needs the customer service window inside the free entry point',
		events: [customer(0, 'ctwa_ad'), reply(H), reply(30 * H), template(30 * H, 'marketing')],
		outcomes: ['received', 'free', 'blocked', 'free'],
		total: 0
	},
	{
		name: '§1.6/§6.7: opening a free entry point closes open conversations; none open while it lasts; none refunded',
		events: [
			template(0, 'marketing'),
			customer(H, 'ctwa_ad'),
			reply(2 * H),
			template(3 * H, 'marketing'),
			template(2 * H + 72 * H, 'marketing')
		],
		outcomes: ['charged', 'received', 'free', 'free', 'charged'],
		total: 2 * MKT
	},
	// §1.7 free tier
	{
		name: '§1.7: service conversations are free while the monthly free tier lasts',
		events: [customer(0), reply(H), reply(23 * H), customer(30 * H), reply(31 * H)],
		outcomes: ['received', 'free', 'included', 'received', 'charged'],
		total: SVC,
		options: { freeServiceUsed: 999 }
	},
	{
		name: '§1.7: marketing, utility and authentication are never part of the free tier',
		events: [template(0, 'marketing'), template(0, 'utility'), template(0, 'authentication')],
		outcomes: ['charged', 'charged', 'charged'],
		total: MKT + UTIL + AUTH,
		options: { freeServiceUsed: 0 }
	},
	// §6.2–§6.3 failed / undelivered
	{
		name: '§6.3: an undelivered template is not charged and opens nothing',
		events: [template(0, 'marketing', { delivered: false }), template(H, 'marketing')],
		outcomes: ['failed', 'charged'],
		total: MKT
	},
	{
		name: '§6.3: an undelivered reply opens no service conversation',
		events: [customer(0), reply(H, { delivered: false }), reply(2 * H)],
		outcomes: ['received', 'failed', 'charged'],
		total: SVC
	},
	{
		name: '§6.8: an undelivered reply does not open the free entry point',
		events: [customer(0, 'ctwa_ad'), reply(H, { delivered: false }), template(2 * H, 'marketing')],
		outcomes: ['received', 'failed', 'free'],
		total: 0
	},
	{
		name: '§6.9: a customer message with no reply costs nothing',
		events: [customer(0), customer(H)],
		outcomes: ['received', 'received'],
		total: 0
	}
];

describe('cbp-2023-06 rules', () => {
	it.each(cases)('$name', ({ events, outcomes, charges, total, options }) => {
		const s = scenario(events, options);
		const ledger = replay(s);
		expect(ledger.messages.map((m) => m.outcome)).toEqual(outcomes);
		if (charges) expect(ledger.messages.map((m) => m.charge)).toEqual(charges);
		expect(ledger.total).toBe(total);
		expect(ledger.regime).toBe('cbp-2023-06');
		const { snapshots: _a, ...machine } = ledger;
		const { snapshots: _b, ...kernel } = kernelReplay(s);
		expect(kernel).toEqual(machine);
	});
});

describe('conversations and windows recorded', () => {
	it('a free entry point cuts the open marketing conversation short at its opening', () => {
		const l = replay(scenario([template(0, 'marketing'), customer(H, 'ctwa_ad'), reply(2 * H)]));
		expect(l.conversations[0]?.closedAt).toBe(Date.UTC(2023, 8, 12, 2));
		const fep = l.windows.find((w) => w.kind === 'free_entry_point');
		expect(fep && fep.expiresAt - fep.openedAt).toBe(72 * H);
	});

	it('a restarted customer service window keeps its opening and moves its end', () => {
		const l = replay(scenario([customer(0), customer(10 * H)]));
		expect(l.windows).toHaveLength(1);
		const w = l.windows[0];
		expect(w && w.expiresAt - w.lastResetAt).toBe(DAY);
		expect(w?.lastResetAt).toBe(Date.UTC(2023, 8, 12, 10));
	});

	it('the free tier resets at the start of the month in the account time zone, not UTC', () => {
		// The second reply, 2023-10-01T01:00Z, is October in UTC but still 30 Sep 22:00 in São Paulo.
		const base = Date.UTC(2023, 8, 29, 20, 0);
		const events = [
			customer(0, undefined, base),
			reply(H, { base }),
			customer(26 * H, undefined, base),
			reply(29 * H, { base })
		];
		const outcomes = (timezone: string) =>
			replay(scenario(events, { timezone })).messages.map((m) => m.outcome);
		expect(outcomes('UTC')).toEqual(['received', 'charged', 'received', 'free']);
		expect(outcomes('America/Sao_Paulo')).toEqual(['received', 'charged', 'received', 'charged']);
	});

	it('every reason names the rule and, where one applies, the window end', () => {
		const l = replay(scenario([customer(0), reply(H), reply(DAY + H)]));
		expect(l.messages[1]?.reason).toMatch(/opened one, lasting until Wed 13 Sep 2023 01:00/);
		expect(l.messages[2]?.reason).toMatch(/Blocked.*customer service window/);
	});
});
