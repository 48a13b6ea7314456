/**
 * "What changed" under a later regime, worded from two ledgers of the same chat: the message as the
 * June 2023 rules priced it and as the later regime prices it. Nothing here is written by hand, so
 * it cannot disagree with the engine.
 */
import { formatMoney } from '$lib/domain/format';
import { regimeById } from '$lib/domain/regimes';
import type { Ledger, LedgerMessage } from '../ledger';
import { OUTCOME_CHOICE } from './prediction-text';

const priced = (m: LedgerMessage, currency: string): string =>
	m.outcome === 'charged'
		? `charged ${formatMoney(m.charge, currency)}`
		: OUTCOME_CHOICE[m.outcome].toLowerCase();

/** One sentence for message `event`, or null when the regimes treat it alike (customer messages always). */
export function whatChanged(base: Ledger, now: Ledger, event: number): string | null {
	const was = base.messages[event];
	const is = now.messages[event];
	if (!was || !is || is.type === 'customer_message') return null;
	const then = regimeById(was.regime).label;
	if (was.outcome === is.outcome && was.charge === is.charge)
		return `Same as under ${then}: ${priced(is, now.currency)}.`;
	return `Changed: under ${then} this was ${priced(was, base.currency)}; under ${regimeById(is.regime).label} it is ${priced(is, now.currency)}.`;
}
