/**
 * The inbox simulator's scripted exercises, graded by the engine: each sets up a chat (what already
 * happened, the simulated clock's start, customer messages still to come) and grades the learner's
 * messages from the ledger — the cheapest option is what `replay` says each option would cost, the
 * windows' ends are the ledger's, never a figure written here.
 */
import { formatLocal, formatMoney } from '$lib/domain/format';
import { validateScenario, type Scenario } from '$lib/domain/scenario';
import { parseInstant } from '$lib/domain/time';
import { HOUR, MINUTE, type EpochMs } from '$lib/domain/units';
import type { Ledger, LedgerMessage } from '../ledger';
import type { QuestionKind } from '../quiz/questions';
import { replay } from '../replay';
import { cheapestAt, kindLabel, type ScriptedMessage } from './inbox';
import { ctwaQuestion, type ExerciseQuestion } from './exercise-question';

export type ExerciseId = 'reply-in-time' | 'ctwa-lead' | 'order-update';

export interface ExerciseSetup {
	scenario: Scenario;
	start: EpochMs;
	script: ScriptedMessage[];
}

export interface Verdict {
	state: 'pending' | 'passed' | 'failed';
	text: string;
	/** A question the learner must answer before the exercise is graded. */
	question?: ExerciseQuestion;
}

export interface Exercise {
	id: ExerciseId;
	title: string;
	brief: string;
	/** The quiz topic the result counts towards (progress, spaced repetition). */
	topic: QuestionKind;
	setup: ExerciseSetup;
	grade(scenario: Scenario, ledger: Ledger, choice: string | null): Verdict;
}

const ZONE = 'Asia/Jakarta';
const at = (iso: string) => parseInstant(iso) as EpochMs;

function chat(name: string, events: Scenario['events']): Scenario {
	const v = validateScenario({
		format: 'wa-pricing-scenario/1',
		name,
		market: 'ID',
		timezone: ZONE,
		account: { free_service_used: 1000 },
		events
	});
	if (!v.ok) throw new Error(`exercise ${name}: ${v.errors[0]?.message ?? 'invalid'}`);
	return v.scenario;
}

/** The learner's messages that went through (not refused), in the order sent. */
function sentBy(setup: ExerciseSetup, scenario: Scenario, ledger: Ledger): LedgerMessage[] {
	const base = setup.scenario.events.length;
	return ledger.messages.filter(
		(m, i) => i >= base && scenario.events[i]?.type !== 'customer_message' && m.outcome !== 'blocked'
	);
}

const when = (t: EpochMs) => formatLocal(t, ZONE);
const money = (m: LedgerMessage, l: Ledger) => formatMoney(m.charge, l.currency);
const WAITING = { state: 'pending', text: 'Waiting for your message.' } as const;

const replyInTime = chat('Exercise — reply in time', [
	{ at: '2023-10-10T09:00:00+07:00', type: 'customer_message', text: 'Can I change the delivery address?' }
]);
const ctwaLead = chat('Exercise — a click-to-WhatsApp lead', [
	{
		at: '2023-10-10T14:00:00+07:00',
		type: 'customer_message',
		entry_point: 'ctwa_ad',
		text: 'Hi! I saw your ad for the running shoes.'
	}
]);
const orderUpdate = chat('Exercise — the order update', [
	{ at: '2023-10-10T10:00:00+07:00', type: 'customer_message', text: 'Where is my order?' },
	{ at: '2023-10-10T10:05:00+07:00', type: 'business_message', text: 'Let me check with the warehouse.' }
]);

/** Passed when the first message that went through cost no more than the cheapest option at `ref`. */
function gradeCheapest(setup: ExerciseSetup, scenario: Scenario, ledger: Ledger, ref: 'start' | 'sent') {
	const m = sentBy(setup, scenario, ledger)[0];
	if (!m) return WAITING;
	const best = cheapestAt(setup.scenario, ref === 'start' ? setup.start : m.at);
	const ok = m.charge <= best.message.charge;
	const bestText = `${kindLabel(best.kind)} sent ${ref === 'start' ? 'right away' : 'then'}: ${money(best.message, ledger)}`;
	return {
		state: ok ? 'passed' : 'failed',
		text: `${ok ? 'The cheapest' : 'Not the cheapest'}: yours cost ${money(m, ledger)}. ${m.reason} Cheapest compliant option: ${bestText}.`
	} satisfies Verdict;
}

export const EXERCISES: readonly Exercise[] = [
	{
		id: 'reply-in-time',
		title: 'Reply in the cheapest compliant way',
		brief: 'The customer wrote 23 h ago. Reply in the cheapest way the platform allows.',
		topic: 'charge',
		setup: {
			scenario: replyInTime,
			start: (at('2023-10-10T09:00:00+07:00') + 23 * HOUR) as EpochMs,
			script: []
		},
		grade(scenario, ledger) {
			return gradeCheapest(this.setup, scenario, ledger, 'start');
		}
	},
	{
		id: 'ctwa-lead',
		title: 'A click-to-WhatsApp lead',
		brief: 'A customer came from your ad. Reply, then say what you can send free, and until when.',
		topic: 'why_free',
		setup: {
			scenario: ctwaLead,
			start: (at('2023-10-10T14:00:00+07:00') + 30 * MINUTE) as EpochMs,
			script: []
		},
		grade(scenario, ledger, choice) {
			const m = sentBy(this.setup, scenario, ledger)[0];
			if (!m) return WAITING;
			if (m.code !== 'free_entry_point_opened')
				return { state: 'failed', text: `No free entry point opened: ${m.reason}` };
			const question = ctwaQuestion(ledger, m.at);
			if (choice === null) return { state: 'pending', text: `${m.reason}`, question };
			const ok = choice === question.answer;
			return {
				state: ok ? 'passed' : 'failed',
				text: `The engine’s answer: ${question.answer}. ${question.explanation}`,
				question
			};
		}
	},
	{
		id: 'order-update',
		title: 'The order update, before the window closes',
		brief:
			'The customer asked about their order yesterday. Send the update while you still can, at no extra charge.',
		topic: 'free_form',
		setup: { scenario: orderUpdate, start: at('2023-10-11T07:00:00+07:00'), script: [] },
		grade(scenario, ledger) {
			const m = sentBy(this.setup, scenario, ledger)[0];
			if (!m) return WAITING;
			const closes = replay(this.setup.scenario).windows[0]?.expiresAt as EpochMs;
			const v = gradeCheapest(this.setup, scenario, ledger, 'start');
			if (m.at >= closes)
				return {
					state: 'failed',
					text: `Too late: the customer service window closed at ${when(closes)}. Yours cost ${money(m, ledger)}. ${m.reason}`
				};
			return v;
		}
	}
];

export const exerciseById = (id: string): Exercise | undefined => EXERCISES.find((e) => e.id === id);
