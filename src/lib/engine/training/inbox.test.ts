/**
 * The inbox simulator's engine side: a sent message is priced by replaying the chat with it appended
 * (the live answer is the ledger's), free-form outside the window is refused with 131047, the
 * cheapest option is what the engine prices, and the step button stops where something happens.
 */
import { describe, expect, it } from 'vitest';
import { HOUR, type EpochMs } from '$lib/domain/units';
import type { Scenario } from '$lib/domain/scenario';
import { replay } from '../replay';
import { stateAt } from '../state-at';
import { cheapestAt, customerEvent, nextStop, pricesAt, send } from './inbox';
import { BUILT_IN_TEMPLATES, templatesOf } from './templates';

const T = Date.parse('2023-10-10T02:00:00Z') as EpochMs;
const empty: Scenario = {
	format: 'wa-pricing-scenario/1',
	name: 'Inbox',
	market: 'ID',
	timezone: 'Asia/Jakarta',
	account: { free_service_used: 1000 },
	events: []
};
const withCustomer = (at: EpochMs): Scenario => ({
	...empty,
	events: [customerEvent({ at, text: 'Hello' }, empty.timezone)]
});

describe('inbox simulator', () => {
	it('an empty chat replays to an empty ledger, and free-form is refused', () => {
		expect(replay(empty).messages).toEqual([]);
		const s = send(empty, { type: 'free_form' }, T, 'Hi');
		expect(s.message.outcome).toBe('blocked');
		expect(s.message.reason).toContain('131047');
		expect(s.scenario.events).toHaveLength(1);
	});

	it('the sent message is the ledger of the whole chat’s last event, priced by the date’s regime', () => {
		const s = send(withCustomer(T), { type: 'free_form' }, (T + HOUR) as EpochMs);
		expect(s.message).toEqual(replay(s.scenario).messages[1]);
		expect(s.message.outcome).toBe('charged');
		expect(s.message.regime).toBe('cbp-2023-06');
		const later = {
			...withCustomer(T),
			events: [customerEvent({ at: (T + 800 * 24 * HOUR) as EpochMs, text: 'x' }, empty.timezone)]
		};
		const s2 = send(later, { type: 'free_form' }, (T + 800 * 24 * HOUR + HOUR) as EpochMs);
		expect(s2.message.regime).toBe('pmp-2025-07');
		expect(s2.message.outcome).toBe('free');
	});

	it('free-form at exactly 24 h is refused; 1 ms before, it goes through', () => {
		const chat = withCustomer(T);
		expect(send(chat, { type: 'free_form' }, (T + 24 * HOUR - 1) as EpochMs).message.outcome).not.toBe(
			'blocked'
		);
		expect(send(chat, { type: 'free_form' }, (T + 24 * HOUR) as EpochMs).message.outcome).toBe('blocked');
		expect(
			send(chat, { type: 'template', category: 'utility' }, (T + 24 * HOUR) as EpochMs).message.outcome
		).toBe('charged');
	});

	it('prices every option and finds the cheapest allowed one', () => {
		const chat = withCustomer(T);
		const at = (T + 23 * HOUR) as EpochMs;
		const prices = pricesAt(chat, at);
		expect(prices.map((p) => p.message.charge)).toEqual([19000, 20000, 30000, 41100]);
		expect(cheapestAt(chat, at).kind).toEqual({ type: 'free_form' });
		// After the window, free-form is refused: the cheapest allowed option is the utility template.
		expect(cheapestAt(chat, (T + 25 * HOUR) as EpochMs).kind).toEqual({
			type: 'template',
			category: 'utility'
		});
		expect(chat.events).toHaveLength(1);
	});

	it('steps to the next scripted message or the next end of a window', () => {
		const chat = send(withCustomer(T), { type: 'free_form' }, (T + HOUR) as EpochMs);
		const script = [{ at: (T + 30 * HOUR) as EpochMs, text: 'Later' }];
		expect(nextStop(chat.ledger, script, (T + 2 * HOUR) as EpochMs)).toBe(T + 24 * HOUR);
		expect(nextStop(chat.ledger, script, (T + 24 * HOUR) as EpochMs)).toBe(T + 25 * HOUR);
		expect(nextStop(chat.ledger, script, (T + 25 * HOUR) as EpochMs)).toBe(T + 30 * HOUR);
		expect(nextStop(chat.ledger, [], (T + 30 * HOUR) as EpochMs)).toBeNull();
		expect(stateAt(chat.ledger, (T + 2 * HOUR) as EpochMs).freeForm.allowed).toBe(true);
	});

	it('has built-in templates in every category, with unique ids', () => {
		for (const c of ['marketing', 'utility', 'authentication'] as const)
			expect(templatesOf(c).length).toBeGreaterThan(0);
		expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)).size).toBe(BUILT_IN_TEMPLATES.length);
	});
});
