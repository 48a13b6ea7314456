/**
 * A lesson's steps: the scenario stops before each event and asks the learner to predict. Every
 * prediction's answer is read from the ledger — the state just before the event comes from the
 * replay of the events before it, the outcome from the whole scenario's ledger — so a lesson cannot
 * say anything the engine does not.
 */
import { formatLocal } from '$lib/domain/format';
import { timedEvents, type Scenario } from '$lib/domain/scenario';
import { HOUR, type EpochMs } from '$lib/domain/units';
import type { Ledger, LedgerMessage } from '../ledger';
import type { QuestionKind } from '../quiz/questions';
import { replay } from '../replay';
import { stateAt } from '../state-at';
import { OUTCOME_CHOICE, PREDICTED_OUTCOMES, sessionsAfterChoices, whatHappens } from './prediction-text';

export interface Prediction {
	id: string;
	/** The quiz topic the prediction counts towards. */
	topic: QuestionKind;
	prompt: string;
	choices: string[];
	answer: string;
	explanation: string;
}

export interface LessonStep {
	/** Input index of the event. */
	event: number;
	at: EpochMs;
	/** "The agent sends a free-form reply", "The customer writes". */
	happens: string;
	/** The chat before the event (what the timeline shows while the learner predicts). */
	before: { scenario: Scenario; ledger: Ledger };
	/** The chat including the event (shown with the engine's answer). */
	after: { scenario: Scenario; ledger: Ledger };
	message: LedgerMessage;
	predictions: Prediction[];
}

const prefix = (s: Scenario, events: Scenario['events']): { scenario: Scenario; ledger: Ledger } => {
	const scenario: Scenario = { ...s, events };
	return { scenario, ledger: replay(scenario) };
};

export function lessonSteps(scenario: Scenario): LessonStep[] {
	// Events in time order, so "the events before this one" is a prefix.
	const sorted: Scenario = { ...scenario, events: timedEvents(scenario).map((t) => t.event) };
	const full = replay(sorted);
	const when = (t: EpochMs) => formatLocal(t, sorted.timezone);
	let before = prefix(sorted, []);
	return sorted.events.map((event, i) => {
		const after = prefix(sorted, sorted.events.slice(0, i + 1));
		const m = full.messages[i] as LedgerMessage;
		const was = stateAt(before.ledger, m.at);
		const now = stateAt(after.ledger, m.at);
		const happens = whatHappens(event);
		const predictions: Prediction[] = [];
		if (event.type === 'customer_message') {
			const until = now.freeForm.until as EpochMs;
			const answer = `Until ${when(until)}`;
			const others = [m.at + 72 * HOUR, m.at + 12 * HOUR, was.serviceWindow?.expiresAt]
				.filter((t): t is number => t !== undefined)
				.map((t) => `Until ${when(t as EpochMs)}`);
			predictions.push({
				id: `${i}-window`,
				topic: 'free_form',
				prompt: `${happens} at ${when(m.at)}. Until when can the agent reply free-form?`,
				choices: [...new Set([answer, ...others])].sort(),
				answer,
				explanation: m.reason
			});
		} else {
			predictions.push({
				id: `${i}-free-form`,
				topic: 'free_form',
				prompt: `It is ${when(m.at)}, just before this message. Can the agent send a free-form message now?`,
				choices: ['Yes', 'No, only a template'],
				answer: was.freeForm.allowed ? 'Yes' : 'No, only a template',
				explanation: was.freeForm.reason
			});
			predictions.push({
				id: `${i}-outcome`,
				topic: 'outcome',
				prompt: `${happens} at ${when(m.at)}. What happens to it?`,
				choices: [...new Set([...PREDICTED_OUTCOMES, m.outcome])].map((o) => OUTCOME_CHOICE[o]),
				answer: OUTCOME_CHOICE[m.outcome],
				explanation: m.reason
			});
			const sessions = sessionsAfterChoices(after.ledger, before.ledger, m);
			if (sessions)
				predictions.push({
					id: `${i}-sessions`,
					topic: 'sessions',
					prompt: 'After it, how many conversations are open, and until when?',
					...sessions
				});
		}
		const prev = before;
		before = after;
		return { event: i, at: m.at, happens, before: prev, after, message: m, predictions };
	});
}
