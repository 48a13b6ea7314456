/**
 * A forecast as the CLI prints it and files carry it (format `wa-pricing-forecast/1`): decimal
 * strings for money, ISO 8601 UTC for instants; and the same as a readable table.
 */
import { formatInstantUtc } from '$lib/domain/time';
import { formatMicros, type EpochMs } from '$lib/domain/units';
import type { RegimeId } from '$lib/domain/regimes';
import type { ForecastResult } from './result';

export function forecastToJson(r: ForecastResult, sendAt: EpochMs, regime: RegimeId) {
	return {
		format: 'wa-pricing-forecast/1' as const,
		category: r.category,
		send_at: formatInstantUtc(sendAt),
		regime,
		currency: r.currency,
		recipients: r.recipients,
		total: formatMicros(r.total),
		outcomes: r.outcomes,
		free: {
			service_window: r.byOutcome.free_service_window ?? 0,
			free_entry_point: r.byOutcome.free_entry_point ?? 0
		},
		failed: {
			us_marketing_pause: r.byOutcome.failed_us_pause ?? 0,
			undelivered: r.byOutcome.failed_undelivered ?? 0
		},
		...(r.unpriced ? { unpriced: r.unpriced } : {}),
		markets: r.markets.map((m) => ({
			market: m.market,
			recipients: m.recipients,
			charged: m.charged,
			free: m.free,
			failed: m.failed,
			total: formatMicros(m.total),
			...(m.unpriced ? { unpriced: m.unpriced } : {})
		})),
		tier_crossings: r.tierCrossings.map((c) => ({
			market: c.market,
			category: c.category,
			tier: c.tier,
			at_recipient: c.atRecipient
		})),
		invalid_rows: r.invalidRows,
		notes: [
			...(r.unpriced
				? [
						`Incomplete: ${r.unpriced} charged message(s) have no rate known in ${r.currency}; the total leaves them out.`
					]
				: []),
			...(r.outcomes.invalid > r.invalidRows.length
				? [`${r.outcomes.invalid} invalid rows; the first ${r.invalidRows.length} are listed.`]
				: [])
		]
	};
}

export type ForecastJson = ReturnType<typeof forecastToJson>;

/** The forecast as an aligned text table, per market, then the totals and the invalid rows. */
export function forecastTable(j: ForecastJson): string {
	const rows = [
		['market', 'recipients', 'charged', 'free', 'failed', `total ${j.currency}`],
		...j.markets.map((m) => [m.market, m.recipients, m.charged, m.free, m.failed, m.total].map(String)),
		[
			'all',
			j.recipients - j.outcomes.invalid,
			j.outcomes.charged,
			j.outcomes.free,
			j.outcomes.failed,
			j.total
		].map(String)
	];
	const widths = rows[0]!.map((_, c) => rows.reduce((w, r) => Math.max(w, (r[c] ?? '').length), 0));
	const fmt = (r: string[]) =>
		r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
	const lines = [
		`${j.category} template at ${j.send_at}, ${j.regime}, ${j.currency}`,
		'',
		fmt(rows[0]!),
		...rows.slice(1).map(fmt),
		'',
		`free: ${j.free.service_window} in the service window, ${j.free.free_entry_point} in a free entry point; failed: ${j.failed.us_marketing_pause} US marketing pause, ${j.failed.undelivered} undelivered; invalid rows: ${j.outcomes.invalid}`
	];
	for (const c of j.tier_crossings)
		lines.push(
			`${c.market} ${c.category} enters tier ${c.tier} at recipient ${c.at_recipient.toLocaleString('en-US')}`
		);
	for (const r of j.invalid_rows.slice(0, 10)) lines.push(`line ${r.line}: ${r.reason}`);
	for (const n of j.notes) lines.push(n);
	return lines.join('\n');
}
