/**
 * One recipient of a broadcast as a sandbox scenario: the customer's last message if known, the
 * ad/Page-button message and the reply that opened a free entry point if known, then the template at
 * its send time. "Open in sandbox" shows it with every reason; the property test replays these to
 * prove a forecast's total is the sum of its recipients'.
 */
import { formatInstantUtc, localDate } from '$lib/domain/time';
import type { Scenario, ScenarioEvent } from '$lib/domain/scenario';
import type { EpochMs } from '$lib/domain/units';
import type { ForecastOptions, RecipientInput } from './forecaster';

export function recipientScenario(
	o: ForecastOptions,
	r: RecipientInput & { digits: string },
	/** Tiered messages already charged this month per market before this recipient. */
	chargedBefore?: NonNullable<NonNullable<Scenario['account']>['charged_this_month']>
): Scenario {
	const at = (t: EpochMs) => formatInstantUtc(t);
	const events: ScenarioEvent[] = [];
	if (r.lastCustomerMessageAt != null)
		events.push({ at: at(r.lastCustomerMessageAt), type: 'customer_message' });
	if (r.freeEntryPointOpenedAt != null) {
		events.push({ at: at(r.freeEntryPointOpenedAt), type: 'customer_message', entry_point: 'ctwa_ad' });
		events.push({
			at: at(r.freeEntryPointOpenedAt),
			type: 'business_message',
			text: 'Reply that opened the free entry point'
		});
	}
	events.push({
		at: at(r.sendAt),
		type: 'template',
		category: o.category,
		...(r.delivered === false ? { delivered: false } : {}),
		text: 'The broadcast template'
	});
	// The counts are for the template's month, whatever month the customer's earlier messages fell in.
	const month = localDate(r.sendAt, o.timezone).slice(0, 7);
	const charged = chargedBefore ?? o.account?.charged_this_month;
	const account = { ...o.account, ...(charged ? { charged_this_month: { ...charged, month } } : {}) };
	return {
		format: 'wa-pricing-scenario/1',
		name: `Broadcast recipient +${r.digits}`,
		market: `+${r.digits}`,
		timezone: o.timezone,
		...(o.regime ? { regime: o.regime } : {}),
		...(o.currency ? { currency: o.currency } : {}),
		...(Object.keys(account).length ? { account } : {}),
		...(o.settings ? { settings: o.settings } : {}),
		events
	};
}
