/**
 * Path coverage of the window machines with xstate/graph: from the initial state, every transition
 * the machine defines is reached by some path, and the shortest paths end where the rules say.
 * The chat machine's guarded outcomes are covered by replay: every reason code is produced.
 */
import { describe, expect, it } from 'vitest';
import { createActor, type AnyStateMachine, type EventObject } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { customer, H, reply, scenario, template } from '../../../tests/helpers/build-scenario';
import { conversationMachine } from './conversation.machine';
import { freeEntryPointMachine } from './free-entry-point.machine';
import { REASON_CODES } from './rules';
import { replay } from './replay';
import { serviceWindowMachine } from './service-window.machine';

const DAY = 24 * H;

/** Every (state, event type → target) edge the traversal reaches. */
function coveredEdges(machine: AnyStateMachine, events: EventObject[], input: unknown): Set<string> {
	const map = getAdjacencyMap(machine, { events, input });
	const edges = new Set<string>();
	for (const node of Object.values(map)) {
		const from = String(node.state.value);
		for (const t of Object.values(node.transitions) as { event: EventObject; state: { value: unknown } }[]) {
			edges.add(`${from} --${t.event.type}--> ${String(t.state.value)}`);
		}
	}
	return edges;
}

describe('service window machine', () => {
	const events = [
		{ type: 'CUSTOMER_MESSAGE', at: 0 },
		{ type: 'CUSTOMER_MESSAGE', at: 10 * H },
		{ type: 'TICK', at: DAY - 1 },
		{ type: 'TICK', at: DAY + 10 * H }
	] as const;
	it('covers every transition', () => {
		const edges = coveredEdges(serviceWindowMachine, [...events], { inclusive: false });
		for (const e of [
			'closed --CUSTOMER_MESSAGE--> open',
			'open --CUSTOMER_MESSAGE--> open',
			'open --TICK--> closed',
			'open --TICK--> open'
		])
			expect(edges).toContain(e);
	});
	it('closes exactly 24 h after the last customer message (half-open)', () => {
		const a = createActor(serviceWindowMachine, { input: { inclusive: false } }).start();
		a.send({ type: 'CUSTOMER_MESSAGE', at: 0 });
		a.send({ type: 'CUSTOMER_MESSAGE', at: 10 * H });
		a.send({ type: 'TICK', at: 34 * H - 1 });
		expect(a.getSnapshot().value).toBe('open');
		a.send({ type: 'TICK', at: 34 * H });
		expect(a.getSnapshot().value).toBe('closed');
	});
	it('with inclusive ends it is still open at exactly 24 h', () => {
		const a = createActor(serviceWindowMachine, { input: { inclusive: true } }).start();
		a.send({ type: 'CUSTOMER_MESSAGE', at: 0 });
		a.send({ type: 'TICK', at: DAY });
		expect(a.getSnapshot().value).toBe('open');
		a.send({ type: 'TICK', at: DAY + 1 });
		expect(a.getSnapshot().value).toBe('closed');
	});
});

describe('conversation machine (one definition, every category)', () => {
	const events = [
		{ type: 'OPEN', at: 0, id: 0 },
		{ type: 'TICK', at: DAY - 1 },
		{ type: 'TICK', at: DAY },
		{ type: 'CLOSE', at: H }
	] as const;
	it.each(['marketing', 'utility', 'authentication', 'service'] as const)(
		'%s: covers every transition',
		(category) => {
			const edges = coveredEdges(conversationMachine, [...events], { inclusive: false, category });
			for (const e of ['closed --OPEN--> open', 'open --TICK--> closed', 'open --CLOSE--> closed'])
				expect(edges).toContain(e);
		}
	);
	it('shortest paths reach both states, and a closed-early conversation records when', () => {
		const paths = getShortestPaths(conversationMachine, {
			events: [...events],
			input: { inclusive: false, category: 'utility' }
		});
		expect(new Set(paths.map((p) => String(p.state.value)))).toEqual(new Set(['closed', 'open']));
		const a = createActor(conversationMachine, { input: { inclusive: false, category: 'utility' } }).start();
		a.send({ type: 'OPEN', at: 0, id: 3 });
		a.send({ type: 'CLOSE', at: H });
		expect(a.getSnapshot().context).toMatchObject({ id: 3, closedAt: H, expiresAt: DAY });
	});
});

describe('free entry point machine', () => {
	const events = [
		{ type: 'ENTRY_POINT_MESSAGE', at: 0 },
		{ type: 'BUSINESS_REPLY', at: H },
		{ type: 'TICK', at: DAY },
		{ type: 'TICK', at: H + 72 * H },
		{ type: 'ENTRY_POINT_MESSAGE', at: 60 * H }
	] as const;
	it('covers every transition', () => {
		const edges = coveredEdges(freeEntryPointMachine, [...events], { inclusive: false });
		for (const e of [
			'idle --ENTRY_POINT_MESSAGE--> eligible',
			'eligible --ENTRY_POINT_MESSAGE--> eligible',
			'eligible --BUSINESS_REPLY--> open',
			'eligible --TICK--> idle',
			'open --ENTRY_POINT_MESSAGE--> open',
			'open --TICK--> idle',
			'open --TICK--> eligible'
		])
			expect(edges).toContain(e);
	});
	it('opens for exactly 72 h from the reply', () => {
		const a = createActor(freeEntryPointMachine, { input: { inclusive: false } }).start();
		a.send({ type: 'ENTRY_POINT_MESSAGE', at: 0 });
		a.send({ type: 'BUSINESS_REPLY', at: H });
		expect(a.getSnapshot().context.expiresAt).toBe(73 * H);
		a.send({ type: 'TICK', at: 73 * H - 1 });
		expect(a.getSnapshot().value).toBe('open');
		a.send({ type: 'TICK', at: 73 * H });
		expect(a.getSnapshot().value).toBe('idle');
	});
});

describe('chat machine: every guarded outcome is reached', () => {
	const base = (y: number, m: number, d: number) => ({ base: Date.UTC(y, m - 1, d) });
	const pmp = base(2025, 8, 4);
	const pmp26 = base(2026, 10, 12);
	const switchEve = { base: Date.UTC(2025, 5, 30, 20) };
	const scenarios = [
		scenario([customer(0), reply(H), reply(2 * H), template(3 * H, 'marketing'), reply(DAY + 2 * H)]),
		scenario([
			template(0, 'marketing'),
			customer(H),
			reply(2 * H),
			template(3 * H, 'marketing', { delivered: false })
		]),
		scenario([customer(0, 'ctwa_ad'), reply(H), template(2 * H, 'utility')]),
		scenario([customer(0), reply(H)], { freeServiceUsed: 0 }),
		scenario([customer(0), reply(H)], { regime: 'cbp-2024-11' }),
		scenario([template(0, 'utility', switchEve), template(10 * H, 'utility', switchEve)], { regime: null }),
		scenario(
			[
				customer(0, undefined, pmp.base),
				template(H, 'utility', pmp),
				reply(2 * H, pmp),
				template(3 * H, 'marketing', pmp)
			],
			{ regime: null }
		),
		scenario([customer(0, undefined, pmp26.base), reply(H, pmp26), reply(2 * H, pmp26)], {
			regime: null,
			freeServiceUsed: 999
		}),
		scenario([template(0, 'marketing', pmp)], { regime: null, market: 'US' })
	];
	it('produces every reason code', () => {
		const seen = new Set(scenarios.flatMap((s) => replay(s).messages.map((m) => m.code)));
		expect([...REASON_CODES].filter((c) => !seen.has(c))).toEqual([]);
	});
});
