/**
 * The rate cards a forecast read: for each market it priced, the card in force (in the billing
 * currency, under the regime's pricing model) on the first and the last send day. Stored with a
 * saved forecast so a later rate update can be told apart from a change of inputs.
 */
import { lookupRate } from '$lib/domain/rate-card';
import { regimeById, regimeOnDate, type RegimeId } from '$lib/domain/regimes';
import type { TemplateCategory } from '$lib/domain/scenario';
import { localDate } from '$lib/domain/time';
import type { ForecastResult } from './result';
import { scheduleEnd, scheduleStart, type SendSchedule } from './send-schedule';

export function cardsUsed(
	result: ForecastResult,
	o: { category: TemplateCategory; timezone: string; regime?: RegimeId; currency?: string },
	schedule: SendSchedule
): string[] {
	const dates = new Set(
		[scheduleStart(schedule), scheduleEnd(schedule)].map((t) => localDate(t, o.timezone))
	);
	const ids = new Set<string>();
	for (const date of dates) {
		const regime = o.regime ? regimeById(o.regime) : regimeOnDate(date);
		for (const m of result.markets) {
			const r = lookupRate({
				market: m.market,
				category: o.category,
				model: regime.model,
				date,
				currency: o.currency ?? 'USD'
			});
			if (r.ok) ids.add(r.cardId);
		}
	}
	return [...ids].sort();
}
