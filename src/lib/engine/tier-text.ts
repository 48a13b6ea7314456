/**
 * The volume-tier sentence of a tiered charge: which tier of which table the message fell in, or why
 * the tier is unknown and the list rate is an upper bound. Appended to the message's reason.
 */
import { formatAmount, type Micros } from '$lib/domain/units';
import { ordinal, tierRange } from '$lib/domain/volume-tiers';
import type { TierDecision } from './volume-tier-counter';

const categoryWords = (c: TierDecision['category']) =>
	c === 'authentication_international' ? 'authentication-international' : c;

export function tierText(t: TierDecision, charge: Micros, currency: string, unpriced: boolean): string {
	const what = `${categoryWords(t.category)} message this month in ${t.market}`;
	if (t.known) {
		const price = unpriced ? 'no rate known' : `${formatAmount(charge)} ${currency}`;
		return `Volume tier ${t.number}: ${tierRange(t)} ${what}: ${price} (this is the ${ordinal(t.count)}; ${t.tableId}, ${t.confidence}).`;
	}
	const why =
		t.why === 'no-table'
			? `no ${currency} volume-tier table is known for this date`
			: t.why === 'no-row'
				? `the ${currency} volume-tier table in force has no row for ${t.market} ${categoryWords(t.category)}`
				: t.why === 'gap'
					? `the ${currency} volume-tier table in force does not cover this count`
					: 'volume tiers are not applied to an imported rate card';
	return `Tier discount unknown for the ${ordinal(t.count)} ${what}: ${why}, so this is the list rate, an upper bound.`;
}
