import { describe, expect, it } from 'vitest';
import { customer, H, reply, scenario, template } from '../../../tests/helpers/build-scenario';
import { markupOf } from './adjustments';
import { ledgerToJson } from './ledger-json';
import { kernelReplay, replay } from './replay';

describe('provider adjustments', () => {
	it('rounds a percentage mark-up half-up to whole micro-units', () => {
		expect(markupOf(41_100, 12.5)).toBe(5138);
		expect(markupOf(41_100, 10)).toBe(4110);
		expect(markupOf(0, 50)).toBe(0);
	});
	it('adds mark-up and fees apart from Meta’s charge', () => {
		const s = {
			...scenario([customer(0), reply(H), reply(2 * H), template(3 * H, 'marketing'), reply(30 * H)]),
			adjustments: {
				label: 'Acme BSP',
				markup_percent: 10,
				fee_per_message: '0.0010',
				fee_per_conversation: '0.0050'
			}
		};
		const l = replay(s);
		expect(l.total).toBe(19_000 + 41_100);
		expect(l.provider).toMatchObject({
			label: 'Acme BSP',
			markup: 1900 + 4110,
			messageFees: 3 * 1000, // three delivered business messages; the blocked one pays nothing
			conversationFees: 2 * 5000,
			total: 6010 + 3000 + 10_000,
			grandTotal: 60_100 + 19_010
		});
		expect(l.messages.map((m) => m.providerCharge)).toEqual([
			0,
			1900 + 1000 + 5000,
			1000,
			4110 + 1000 + 5000,
			0
		]);
		expect(ledgerToJson(l).provider?.grand_total).toBe('0.07911');
		const { snapshots: _a, ...machine } = l;
		const { snapshots: _b, ...kernel } = kernelReplay(s);
		expect(kernel).toEqual(machine);
	});
	it('says per-conversation fees do not apply to per-message pricing', () => {
		const s = {
			...scenario([template(0, 'marketing')], { regime: 'pmp-2025-07' }),
			adjustments: { fee_per_conversation: '0.01' }
		};
		expect(replay(s).provider?.note).toMatch(/only to conversation-based pricing/);
	});
});

describe('imported rate card', () => {
	const custom = {
		name: 'Negotiated',
		model: 'CBP' as const,
		rows: [{ market: 'Indonesia', category: 'marketing' as const, rate: '0.0300' }]
	};
	it('is used where it has a value, marked as user-supplied; Meta’s card elsewhere', () => {
		const l = replay({
			...scenario([template(0, 'marketing'), template(0, 'utility')]),
			custom_rates: custom
		});
		expect(l.messages.map((m) => [m.charge, m.rate?.cardId, m.rate?.confidence])).toEqual([
			[30_000, 'custom:Negotiated', 'user-supplied'],
			[20_000, '2023-06-01-USD', 'confirmed']
		]);
	});
	it('is not used for the other pricing model', () => {
		const l = replay({
			...scenario([template(0, 'marketing')], { regime: 'pmp-2025-07' }),
			custom_rates: custom
		});
		expect(l.messages[0]?.rate?.cardId).not.toMatch(/^custom:/);
	});
});
