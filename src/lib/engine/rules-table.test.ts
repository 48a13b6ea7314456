/**
 * The rules table is the one statement of the pricing rules: changing a row changes both engines
 * (the chat machine's guards and the bulk kernel) and the reason text, with nothing else edited.
 */
import { describe, expect, it } from 'vitest';
import { customer, H, scenario, template } from '../../../tests/helpers/build-scenario';
import type { Scenario } from '$lib/domain/scenario';
import { chatMachine } from './chat.machine';
import { kernelReplay, replay } from './replay';
import { MESSAGE_RULES, REASON_CODES, outcomeOf, type MessageRule } from './rules';

const JUL_2025 = Date.UTC(2025, 7, 4);
const utilityInWindow: Scenario = scenario(
	[customer(0, undefined, JUL_2025), template(H, 'utility', { base: JUL_2025 })],
	{ regime: null, market: 'ID' }
);

function both(s: Scenario, rules?: readonly MessageRule[]) {
	const { snapshots: _m, ...machine } = replay(s, { rules });
	const { snapshots: _k, ...kernel } = kernelReplay(s, { rules });
	expect(kernel).toEqual(machine);
	return machine;
}

describe('the rules table', () => {
	it('utility inside the service window is free under pmp-2025-07 (the app’s table)', () => {
		const l = both(utilityInWindow);
		expect(l.messages[1]).toMatchObject({ outcome: 'free', code: 'utility_in_service_window', charge: 0 });
	});

	it('a one-row change (drop pmp-2025-07 from that row) charges it in both engines, with the reason', () => {
		const rules = MESSAGE_RULES.map((r) =>
			r.code === 'utility_in_service_window' ? { ...r, regimes: [] } : r
		) as readonly MessageRule[];
		const l = both(utilityInWindow, rules);
		// 2025-07-01-USD.csv: Indonesia,utility,0.0250
		expect(l.messages[1]).toMatchObject({ outcome: 'charged', code: 'template_charged', charge: 25_000 });
		expect(l.messages[1]?.reason).toMatch(/^Charged 0.0250 USD: every delivered utility template/);
	});

	it('every reason code and outcome comes from the table', () => {
		expect(REASON_CODES).toEqual(['received', 'received_entry_point', ...MESSAGE_RULES.map((r) => r.code)]);
		expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
		for (const r of MESSAGE_RULES) expect(outcomeOf(r.code)).toBe(r.outcome);
	});

	it('the machine shows every row as a named guard, in the table’s order', () => {
		const transitions = chatMachine.root.on['BUSINESS_MESSAGE'] ?? [];
		expect(transitions.map((t) => t.guard)).toEqual(MESSAGE_RULES.map((r) => r.code));
	});
});
