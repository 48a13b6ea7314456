/**
 * The part of a ledger a run keeps: totals, counts by outcome, the regime and market. Pure.
 * Reopening a run re-replays its scenario and compares the fresh summary with the stored one.
 */
import { CONVERSATION_CATEGORIES } from '$lib/domain/scenario';
import { formatMoney } from '$lib/domain/format';
import { OUTCOMES, emptyTotals, type Ledger, type Outcome } from '$lib/engine/ledger';
import { APP_VERSION, rateDataVersion } from './app-version';
import type { RunRecord, RunSummary } from './records';

function emptyOutcomes(): Record<Outcome, number> {
	return { received: 0, charged: 0, included: 0, free: 0, blocked: 0, failed: 0 };
}

export function summarizeLedger(ledger: Ledger): RunSummary {
	const outcomes = emptyOutcomes();
	let unpriced = 0;
	for (const m of ledger.messages) {
		outcomes[m.outcome]++;
		if (m.unpriced) unpriced++;
	}
	const totalsByCategory = emptyTotals();
	for (const c of CONVERSATION_CATEGORIES) totalsByCategory[c] = ledger.totalsByCategory[c];
	return {
		currency: ledger.currency,
		total: ledger.total,
		totalsByCategory,
		outcomes,
		unpriced,
		regime: ledger.regime,
		regimes: [...ledger.regimes],
		market: ledger.market
	};
}

/** Ids of the rate cards a replay used, sorted: stored with the run. */
export function rateCardsOf(ledger: Ledger): string[] {
	const ids = new Set<string>();
	for (const m of ledger.messages) if (m.rate) ids.add(m.rate.cardId);
	return [...ids].sort();
}

/**
 * What differs between the stored summary and a fresh one, in words; empty when they agree.
 * Money is compared exactly (integer micro-units).
 */
export function compareSummaries(stored: RunSummary, fresh: RunSummary): string[] {
	const out: string[] = [];
	const money = (m: number, currency: string) => formatMoney(m as RunSummary['total'], currency);
	if (stored.currency !== fresh.currency) out.push(`currency was ${stored.currency}, now ${fresh.currency}`);
	if (stored.total !== fresh.total)
		out.push(`total was ${money(stored.total, stored.currency)}, now ${money(fresh.total, fresh.currency)}`);
	for (const c of CONVERSATION_CATEGORIES) {
		const a = stored.totalsByCategory[c];
		const b = fresh.totalsByCategory[c];
		if (a !== b) out.push(`${c} was ${money(a, stored.currency)}, now ${money(b, fresh.currency)}`);
	}
	for (const o of OUTCOMES) {
		if (stored.outcomes[o] !== fresh.outcomes[o])
			out.push(`${o} messages were ${stored.outcomes[o]}, now ${fresh.outcomes[o]}`);
	}
	if (stored.unpriced !== fresh.unpriced)
		out.push(`unpriced messages were ${stored.unpriced}, now ${fresh.unpriced}`);
	if (stored.regime !== fresh.regime) out.push(`regime was ${stored.regime}, now ${fresh.regime}`);
	if (stored.market !== fresh.market) out.push(`market was ${stored.market}, now ${fresh.market}`);
	return out;
}

/**
 * Reopening a run must reproduce the saved ledger: when today's rates or rules price it differently
 * (`ledger` is today's replay of its scenario), the notice that says so and why; null when they agree.
 */
export function repricedNotice(run: RunRecord, ledger: Ledger): string | null {
	const diffs = compareSummaries(run.summary, summarizeLedger(ledger));
	if (diffs.length === 0) return null;
	const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(run.updatedAt);
	const why =
		run.rateDataVersion !== rateDataVersion()
			? 'The rate data changed since it was saved.'
			: run.appVersion !== APP_VERSION
				? `It was saved with app version ${run.appVersion}; the pricing rules may have changed since.`
				: '';
	return `Replaying this run today prices it differently than when it was saved (${when}): ${diffs.join('; ')}. ${why} Save to keep today's figures.`.trim();
}
