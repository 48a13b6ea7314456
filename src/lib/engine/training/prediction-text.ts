/**
 * The words of the lessons' predictions: what an event is, the outcome choices, and the open
 * conversations at an instant as one line ("2 open: marketing until …; authentication until …"),
 * with wrong choices built from what was open before and from what a new conversation would add.
 */
import { formatLocal } from '$lib/domain/format';
import { regimeById } from '$lib/domain/regimes';
import type { ScenarioEvent } from '$lib/domain/scenario';
import { CONVERSATION_DURATION, type EpochMs } from '$lib/domain/units';
import { endOfConversation, type Ledger, type LedgerMessage, type Outcome } from '../ledger';
import { stateAt } from '../state-at';

export const OUTCOME_CHOICE: Record<Outcome, string> = {
	received: 'Received',
	charged: 'Charged',
	included: 'No extra charge: it rides on an open conversation',
	free: 'Free',
	blocked: 'Refused: it cannot be sent',
	failed: 'Not delivered, so not charged'
};
/** The outcomes a learner chooses from for a business message. */
export const PREDICTED_OUTCOMES: readonly Outcome[] = ['charged', 'included', 'free', 'blocked'];

export function whatHappens(e: ScenarioEvent): string {
	if (e.type === 'customer_message')
		return e.entry_point ? 'The customer writes through a click-to-WhatsApp ad' : 'The customer writes';
	if (e.type === 'business_message') return 'The agent sends a free-form reply';
	return `The agent sends a ${e.category} template`;
}

/** The open conversations (and free entry point) as a list of "category until time". */
function openList(ledger: Ledger, t: EpochMs): string[] {
	const s = stateAt(ledger, t);
	const when = (x: EpochMs) => formatLocal(x, ledger.timezone);
	const out = s.conversations.map((c) => `${c.category} until ${when(endOfConversation(c))}`);
	if (s.freeEntryPoint) out.push(`free entry point until ${when(s.freeEntryPoint.expiresAt)}`);
	return out;
}

export const openText = (items: readonly string[]): string =>
	items.length ? `${items.length} open: ${items.join('; ')}` : 'None open';

/** Choices for "after it, how many conversations are open, and until when?"; null under per-message pricing. */
export function sessionsAfterChoices(
	after: Ledger,
	before: Ledger,
	m: LedgerMessage
): { choices: string[]; answer: string; explanation: string } | null {
	if (regimeById(m.regime).model === 'PMP') return null;
	const answer = openText(openList(after, m.at));
	const was = openList(before, m.at);
	const fresh = `${m.category ?? 'service'} until ${formatLocal((m.at + CONVERSATION_DURATION) as EpochMs, after.timezone)}`;
	const choices = [...new Set([answer, openText(was), openText([...was, fresh]), openText([])])].sort();
	return { choices, answer, explanation: `${m.reason} Open after it: ${answer}.` };
}
