/**
 * replay(scenario) → ledger: folds the scenario's events, in time order, through the chat machine.
 * Pure and deterministic: an actor with no timers; time comes from the events, and every window end
 * is delivered as an explicit TICK at its instant, after which a snapshot is taken for `stateAt`.
 */
import { createActor } from 'xstate';
import { timedEvents, type Scenario, type TimedEvent } from '$lib/domain/scenario';
import { asEpochMs } from '$lib/domain/units';
import { chatMachine, createChatMachine, type ChatContext, type ChatEvent } from './chat.machine';
import { encodeEvents, kernelDecision, runKernel, type Decision } from './kernel';
import type { Ledger, LedgerConversation, LedgerWindow } from './ledger';
import { materialize } from './materialize';
import { PricingContext } from './pricing-context';
import { MESSAGE_RULES, type MessageRule } from './rules';
import {
	CHECKPOINT_RUNS_UP_TO,
	checkpointAtOrBefore,
	checkpointEvery,
	firstDifference,
	keepTrace,
	ownCopy,
	sameExceptEvents,
	traceOf
} from './replay-trace';
import { SnapshotRecorder, type OpenState } from './snapshots';
import { closesAt } from './window-end';

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
	const inclusive = context.pricing.inclusiveEnd;
	let next = Infinity;
	const consider = (end: number | null) => {
		if (end !== null && closesAt(end, inclusive) < next) next = closesAt(end, inclusive);
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

/** Options for tests and what-ifs: another rules table than the app's; a ledger to resume from. */
export interface ReplayOptions {
	rules?: readonly MessageRule[];
	/**
	 * A ledger this function replayed for a scenario that may differ from this one in its events only
	 * (an edit of it): the replay resumes from its last checkpoint before the first changed event
	 * (replay-trace.ts). Anything else, and it replays from the start.
	 */
	after?: Ledger;
	/** Events between checkpoints (replay-trace.ts picks it; tests ask for more of them). */
	checkpointEvery?: number;
}

export function replay(scenario: Scenario, options: ReplayOptions = {}): Ledger {
	const events = timedEvents(scenario);
	const pricing = new PricingContext(scenario);
	const machine =
		options.rules && options.rules !== MESSAGE_RULES ? createChatMachine(options.rules) : chatMachine;
	const before = options.after && traceOf(options.after);
	const resume =
		before && before.machine === machine && sameExceptEvents(before.scenario, scenario)
			? checkpointAtOrBefore(before, firstDifference(before.events, events))
			: null;
	const actor = createActor(machine, {
		input: { pricing, firstAt: events[0]?.t ?? null },
		...(resume ? { snapshot: ownCopy(resume.machine) } : {})
	});
	// What the machine tells: decisions, and the windows and conversations as they open or change.
	const windows: LedgerWindow[] = resume ? resume.windows.slice() : [];
	const conversations: LedgerConversation[] = resume ? resume.conversations.slice() : [];
	const decisions: Decision[] = resume && before ? before.decisions.slice(0, resume.position) : [];
	let openServiceWindow: LedgerWindow | null = resume?.openServiceWindow ?? null;
	let lastFreeEntryPoint: number | null = resume?.lastFreeEntryPoint ?? null;
	actor.on('decision', (e) => decisions.push(e.decision));
	actor.on('window', ({ window }) => {
		windows[window.id] = window;
		if (window.kind === 'customer_service') openServiceWindow = window;
		else lastFreeEntryPoint = window.id;
	});
	actor.on('conversation', ({ conversation }) => (conversations[conversation.id] = conversation));
	actor.on('conversationClosed', ({ id, at }) => {
		const c = conversations[id];
		if (c) conversations[id] = { ...c, closedAt: asEpochMs(at) };
	});
	actor.start();
	const recorder = new SnapshotRecorder(
		pricing.inclusiveEnd,
		windows,
		conversations,
		resume && before ? { state: resume.recorder, snapshots: before.snapshots } : undefined
	);
	/** The machines' state after an event: what the snapshot records. */
	const openState = (): OpenState => {
		const c = actor.getSnapshot().context;
		const open: number[] = [];
		for (const category of CATEGORIES) {
			const s = c.conversations[category].getSnapshot();
			if (s.value === 'open' && s.context.id !== null) open.push(s.context.id);
		}
		open.sort((a, b) => a - b);
		return {
			serviceWindow: c.csw.getSnapshot().value === 'open' ? openServiceWindow : null,
			freeEntryPoint: c.fep.getSnapshot().value === 'open' ? lastFreeEntryPoint : null,
			conversations: open
		};
	};
	/** One TICK at the event's instant closes, in the machines, every window that ended by then. */
	const tick = (t: number) => {
		if (nextDeadline(actor.getSnapshot().context) > t) return;
		actor.send({ type: 'TICK', at: t });
		// A window that does not close at its own deadline would be a rules bug: fail loudly.
		if (nextDeadline(actor.getSnapshot().context) <= t)
			throw new Error(`replay: a window did not close by ${new Date(t).toISOString()}`);
	};
	// Checkpoints for a later edit's replay: the ones still valid, then new ones every few events.
	const checkpoints = resume && before ? before.checkpoints.filter((c) => c.position <= resume.position) : [];
	const every =
		options.checkpointEvery ??
		(events.length <= CHECKPOINT_RUNS_UP_TO ? checkpointEvery(events.length) : Infinity);

	for (let k = resume?.position ?? 0; k < events.length; k++) {
		const te = events[k] as TimedEvent;
		if (k > 0 && k % every === 0 && k > (resume?.position ?? 0))
			checkpoints.push({
				position: k,
				machine: ownCopy(actor.getPersistedSnapshot()),
				windows: windows.slice(),
				conversations: conversations.slice(),
				openServiceWindow,
				lastFreeEntryPoint,
				recorder: recorder.state()
			});
		recorder.endsUntil(te.t);
		tick(te.t);
		const chatEvent = toChatEvent(te);
		const count = decisions.length;
		actor.send(chatEvent);
		// Exactly one decision per message: a table that lets a message through undecided is a bug.
		if (decisions.length !== count + 1) throw new Error(`replay: no rule decided event ${te.index}`);
		const d = decisions[count] as Decision;
		recorder.count(chatEvent.type === 'BUSINESS_MESSAGE' ? chatEvent.category : null, d.charge);
		recorder.take(te.t, openState());
	}
	recorder.endsUntil(Infinity);
	actor.stop();
	const ledger = materialize(scenario, events, decisions, conversations, windows, pricing);
	ledger.snapshots = recorder.snapshots;
	keepTrace(ledger, {
		machine,
		scenario,
		events,
		decisions,
		snapshots: recorder.snapshots,
		checkpoints
	});
	return ledger;
}

/**
 * The ledger of `scenario` without its events (what `replay` gives for none), without starting the
 * machines: the sandbox shows it while a large run is priced elsewhere.
 */
export function emptyLedger(scenario: Scenario): Ledger {
	const none = { ...scenario, events: [] };
	const ledger = materialize(none, [], [], [], [], new PricingContext(none));
	ledger.snapshots = [];
	return ledger;
}

/**
 * The same scenario through the bulk path (the kernel reading the same rules table): the same ledger,
 * snapshots included, for large runs (the sandbox's worker) and the property tests.
 */
export function kernelReplay(scenario: Scenario, options: ReplayOptions = {}): Ledger {
	const events = timedEvents(scenario);
	const pricing = new PricingContext(scenario);
	const out = runKernel(
		encodeEvents(events),
		pricing,
		options.rules ?? MESSAGE_RULES,
		(windows, conversations) => new SnapshotRecorder(pricing.inclusiveEnd, windows, conversations)
	);
	const decisions = events.map((_, i) => kernelDecision(out, i));
	const ledger = materialize(scenario, events, decisions, out.conversations, out.windows, pricing);
	ledger.snapshots = out.recorder.snapshots;
	return ledger;
}
