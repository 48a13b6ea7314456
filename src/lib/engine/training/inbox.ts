/**
 * The inbox simulator's engine side: the chat so far is a Scenario; sending a message appends it as
 * an event at the simulated clock and prices the whole chat with `replay`, so the live answer (the
 * message's outcome, charge and reason) is the engine's own. What-if prices of every option at an
 * instant grade the exercises; `nextStop` is where the clock's step button lands.
 */
import { isoInZone } from '$lib/domain/local-time';
import { addEvent } from '$lib/domain/scenario-edits';
import type { Scenario, ScenarioEvent, TemplateCategory } from '$lib/domain/scenario';
import type { EpochMs } from '$lib/domain/units';
import { endOfConversation, type Ledger, type LedgerMessage } from '../ledger';
import { replay } from '../replay';
import { stateAt } from '../state-at';

/** What the agent can send: a free-form message, or a template of a category. */
export type SendKind = { type: 'free_form' } | { type: 'template'; category: TemplateCategory };

export const SEND_OPTIONS: readonly SendKind[] = [
	{ type: 'free_form' },
	{ type: 'template', category: 'utility' },
	{ type: 'template', category: 'authentication' },
	{ type: 'template', category: 'marketing' }
];

/** A customer message the script delivers when the clock reaches it. */
export interface ScriptedMessage {
	at: EpochMs;
	text: string;
	entry_point?: 'ctwa_ad';
}

export interface Sent {
	scenario: Scenario;
	ledger: Ledger;
	/** The ledger's entry for the message just sent. */
	message: LedgerMessage;
}

export function sendEvent(kind: SendKind, at: EpochMs, timezone: string, text?: string): ScenarioEvent {
	const when = isoInZone(at, timezone);
	const note = text?.trim() ? { text: text.trim().slice(0, 500) } : {};
	return kind.type === 'free_form'
		? { at: when, type: 'business_message', ...note }
		: { at: when, type: 'template', category: kind.category, ...note };
}

export function customerEvent(m: ScriptedMessage, timezone: string): ScenarioEvent {
	return {
		at: isoInZone(m.at, timezone),
		type: 'customer_message',
		...(m.entry_point ? { entry_point: m.entry_point } : {}),
		text: m.text
	};
}

/** Appends a message at `at` and prices the chat: the new message is the last event. */
export function send(scenario: Scenario, kind: SendKind, at: EpochMs, text?: string): Sent {
	const next = addEvent(scenario, sendEvent(kind, at, scenario.timezone, text));
	const ledger = replay(next);
	const message = ledger.messages[next.events.length - 1] as LedgerMessage;
	return { scenario: next, ledger, message };
}

export interface OptionPrice {
	kind: SendKind;
	message: LedgerMessage;
}

/** What each option would do if sent at `at` (nothing is kept). */
export const pricesAt = (scenario: Scenario, at: EpochMs): OptionPrice[] =>
	SEND_OPTIONS.map((kind) => ({ kind, message: send(scenario, kind, at).message }));

/** The cheapest option that is allowed (not blocked, delivered) at `at`. */
export function cheapestAt(scenario: Scenario, at: EpochMs): OptionPrice {
	const ok = pricesAt(scenario, at).filter((o) => o.message.outcome !== 'blocked');
	return ok.reduce((best, o) => (o.message.charge < best.message.charge ? o : best));
}

/** The next instant after `t` at which something happens: a scripted message or a window's end. */
export function nextStop(ledger: Ledger, script: readonly ScriptedMessage[], t: EpochMs): EpochMs | null {
	const s = stateAt(ledger, t);
	const ends = [
		...script.map((m) => m.at),
		s.serviceWindow?.expiresAt,
		s.freeEntryPoint?.expiresAt,
		...s.conversations.map(endOfConversation)
	].filter((x): x is EpochMs => x !== undefined && x > t);
	return ends.length ? (Math.min(...ends) as EpochMs) : null;
}

export const kindLabel = (k: SendKind): string =>
	k.type === 'free_form' ? 'a free-form message' : `a ${k.category} template`;
