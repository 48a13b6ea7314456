/**
 * replay(scenario) → ledger: folds the scenario's events, in time order, through the chat machine.
 * Pure and deterministic: an actor with no timers; time comes from the events, and every window end
 * is delivered as an explicit TICK at its instant, after which a snapshot is taken for `stateAt`.
 */
import { createActor } from 'xstate';
import { timedEvents, type Scenario, type TimedEvent } from '$lib/domain/scenario';
import { asEpochMs, type Micros } from '$lib/domain/units';
import { chatMachine, type ChatContext, type ChatEvent, type ChatLog } from './chat.machine';
import { encodeEvents, kernelDecision, runKernel, type Decision } from './kernel';
import { emptyTotals, type Ledger, type LedgerSnapshot } from './ledger';
import { materialize } from './materialize';
import { PricingContext } from './pricing-context';

const CATEGORIES = ['marketing', 'utility', 'authentication', 'service'] as const;

function toChatEvent({ index, t, event }: TimedEvent): ChatEvent {
	if (event.type === 'customer_message')
		return { type: 'CUSTOMER_MESSAGE', index, at: t, entryPoint: event.entry_point !== undefined };
	return {
		type: 'BUSINESS_MESSAGE',
		index,
		at: t,
		freeForm: event.type === 'business_message',
		category: event.type === 'template' ? event.category : 'service',
		delivered: event.delivered !== false
	};
}

/** The next instant at which a running window of the chat ends (or an entry-point offer lapses). */
function nextDeadline(context: ChatContext): number {
	const shift = context.pricing.inclusiveEnd ? 1 : 0;
	let next = Infinity;
	const consider = (end: number | null) => {
		if (end !== null && end + shift < next) next = end + shift;
	};
	const csw = context.csw.getSnapshot();
	if (csw.value === 'open') consider(csw.context.expiresAt);
	const fep = context.fep.getSnapshot();
	if (fep.value === 'open') consider(fep.context.expiresAt);
	if (fep.value === 'eligible') consider(fep.context.eligibleUntil);
	for (const category of CATEGORIES) {
		const s = context.conversations[category].getSnapshot();
		if (s.value === 'open') consider(s.context.expiresAt);
	}
	return next;
}

export function replay(scenario: Scenario): Ledger {
	const events = timedEvents(scenario);
	const pricing = new PricingContext(scenario);
	const log: ChatLog = { conversations: [], windows: [], openServiceWindow: null, decision: null };
	const actor = createActor(chatMachine, { input: { pricing, log, firstAt: events[0]?.t ?? null } }).start();
	const decisions: Decision[] = [];
	const snapshots: LedgerSnapshot[] = [];
	let total = 0;
	// Replaced (never mutated) when a charge lands, so unchanged snapshots share one object.
	let totals = emptyTotals();

	const snap = (at: number) => {
		const c = actor.getSnapshot().context;
		const open: number[] = [];
		for (const category of CATEGORIES) {
			const s = c.conversations[category].getSnapshot();
			if (s.value === 'open' && s.context.id !== null) open.push(s.context.id);
		}
		open.sort((a, b) => a - b);
		const fep = c.fep.getSnapshot();
		snapshots.push({
			at: asEpochMs(at),
			serviceWindow:
				c.csw.getSnapshot().value === 'open' && log.openServiceWindow
					? {
							id: log.openServiceWindow.id,
							expiresAt: log.openServiceWindow.expiresAt,
							lastResetAt: log.openServiceWindow.lastResetAt
						}
					: null,
			freeEntryPoint: fep.value === 'open' ? lastWindowOfKind(log, 'free_entry_point') : null,
			conversations: open,
			messagesSoFar: decisions.length,
			total: total as Micros,
			totalsByCategory: totals
		});
	};
	/**
	 * Window ends between two events, as explicit time events: each end becomes a snapshot of its own
	 * (the previous one without the window), taken from the ends the machines recorded.
	 */
	const shift = pricing.inclusiveEnd ? 1 : 0;
	const windowEnd = (id: number) => (log.windows[id]?.expiresAt ?? Infinity) + shift;
	const conversationEnd = (id: number) => (log.conversations[id]?.expiresAt ?? Infinity) + shift;
	const recordEndsUntil = (t: number) => {
		for (let prev = snapshots.at(-1); prev; prev = snapshots.at(-1)) {
			let d = Infinity;
			if (prev.serviceWindow !== null) d = Math.min(d, prev.serviceWindow.expiresAt + shift);
			if (prev.freeEntryPoint !== null) d = Math.min(d, windowEnd(prev.freeEntryPoint));
			for (const id of prev.conversations) d = Math.min(d, conversationEnd(id));
			if (d > t || d === Infinity) return;
			snapshots.push({
				...prev,
				at: asEpochMs(d),
				serviceWindow:
					prev.serviceWindow !== null && prev.serviceWindow.expiresAt + shift > d ? prev.serviceWindow : null,
				freeEntryPoint:
					prev.freeEntryPoint !== null && windowEnd(prev.freeEntryPoint) > d ? prev.freeEntryPoint : null,
				conversations: prev.conversations.filter((id) => conversationEnd(id) > d)
			});
		}
	};
	/** One TICK at the event's instant closes, in the machines, every window that ended by then. */
	const tick = (t: number) => {
		if (nextDeadline(actor.getSnapshot().context) > t) return;
		actor.send({ type: 'TICK', at: t });
		// A window that does not close at its own deadline would be a rules bug: fail loudly.
		if (nextDeadline(actor.getSnapshot().context) <= t)
			throw new Error(`replay: a window did not close by ${new Date(t).toISOString()}`);
	};

	for (const te of events) {
		recordEndsUntil(te.t);
		tick(te.t);
		const chatEvent = toChatEvent(te);
		actor.send(chatEvent);
		const d = log.decision as Decision;
		decisions.push(d);
		if (d.charge) {
			total += d.charge;
			const cat = chatEvent.type === 'BUSINESS_MESSAGE' ? chatEvent.category : null;
			if (cat) totals = { ...totals, [cat]: (totals[cat] + d.charge) as Micros };
		}
		snap(te.t);
	}
	recordEndsUntil(Infinity);
	actor.stop();
	const ledger = materialize(scenario, events, decisions, log.conversations, log.windows, pricing);
	ledger.snapshots = snapshots;
	return ledger;
}

function lastWindowOfKind(log: ChatLog, kind: 'free_entry_point'): number | null {
	for (let i = log.windows.length - 1; i >= 0; i--) if (log.windows[i]?.kind === kind) return i;
	return null;
}

/** The same scenario through the reference reducer: no snapshots (it serves bulk work and the tests). */
export function kernelReplay(scenario: Scenario): Ledger {
	const events = timedEvents(scenario);
	const pricing = new PricingContext(scenario);
	const out = runKernel(encodeEvents(events), pricing);
	const decisions = events.map((_, i) => kernelDecision(out, i));
	return materialize(scenario, events, decisions, out.conversations, out.windows, pricing);
}
