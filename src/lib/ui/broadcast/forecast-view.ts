/**
 * How the broadcast page shows a forecast: the market × outcome table, the provider's price, tier
 * crossings in words, the lanes' names, the CSV export (formula-safe) and the "open in sandbox" link
 * of a sampled recipient. Pure: the page and the tests share it.
 */
import { resolve } from '$app/paths';
import { toCsv, type CsvValue } from '$lib/domain/csv-export';
import { formatMoney } from '$lib/domain/format';
import { regimeById, type RegimeId } from '$lib/domain/regimes';
import type { Scenario } from '$lib/domain/scenario';
import { localDate } from '$lib/domain/time';
import { formatMicros, parseDecimalMicros, type Micros } from '$lib/domain/units';
import { isTierCategory, tierScheduleOn } from '$lib/domain/volume-tiers';
import { markupOf } from '$lib/engine/adjustments';
import type { BroadcastLane, BroadcastResult, RecipientSample } from '$lib/engine/forecast/broadcast-run';
import type { LaneRange, PlanRanges } from '$lib/engine/forecast/monte-carlo';
import { recipientScenario } from '$lib/engine/forecast/recipient-scenario';
import type { ForecastResult, RecipientOutcome, TierCrossing } from '$lib/engine/forecast/result';
import { scheduleStart } from '$lib/engine/forecast/send-schedule';
import type { ForecastInputs } from '$lib/storage/forecast-records';
import { encodeShareFragment } from '$lib/storage/share-link';

export const OUTCOMES: readonly RecipientOutcome[] = [
	'charged',
	'free_service_window',
	'free_entry_point',
	'failed_us_pause',
	'failed_undelivered'
];

/** Column heads: what happened and why. */
export const OUTCOME_HEAD: Record<RecipientOutcome, { group: string; why: string }> = {
	charged: { group: 'Charged', why: '' },
	free_service_window: { group: 'Free', why: 'in the service window' },
	free_entry_point: { group: 'Free', why: 'in a free entry point' },
	failed_us_pause: { group: 'Failed', why: 'US marketing pause' },
	failed_undelivered: { group: 'Failed', why: 'not delivered' }
};

export const outcomeText = (o: RecipientOutcome): string =>
	o === 'charged' ? 'Charged' : `${OUTCOME_HEAD[o].group}: ${OUTCOME_HEAD[o].why}`;

export const count = (n: number): string => n.toLocaleString('en-US');

/** "By date (pmp-2026-10)" or "pmp-2025-07". */
export function laneName(lane: Pick<BroadcastLane, 'regime' | 'result'>): string {
	if (lane.regime) return lane.regime;
	const used = [...lane.result.regimes].sort();
	return `By date (${used.join(', ') || 'none'})`;
}

export const laneTitle = (regime: RegimeId | null): string =>
	regime ? regimeById(regime).label : 'The regime in force at each send time';

export interface ProviderCharges {
	label: string;
	markup: Micros;
	fees: Micros;
	total: Micros;
	grandTotal: Micros;
}

/**
 * The provider's price on top of Meta's: the mark-up on each market's charges (half-up to whole
 * micro-units, as the sandbox rounds it) and a fee per delivered message (charged or free).
 */
export function providerCharges(r: ForecastResult, p: ForecastInputs['provider']): ProviderCharges | null {
	if (!p) return null;
	let markup = 0;
	for (const m of r.markets) markup += markupOf(m.total, p.markupPercent);
	const delivered = r.outcomes.charged + r.outcomes.free;
	const fees = delivered * parseDecimalMicros(p.feePerMessage);
	return {
		label: `${p.markupPercent} % mark-up${fees ? ` and ${p.feePerMessage} per delivered message` : ''}`,
		markup: markup as Micros,
		fees: fees as Micros,
		total: (markup + fees) as Micros,
		grandTotal: (r.total + markup + fees) as Micros
	};
}

/** "Argentina utility passes 100,000 this month at recipient 61,240 (tier 2 from then on)". */
export function tierCrossingText(c: TierCrossing, date: string, currency: string): string {
	const category = c.category.replace('_', '-');
	const schedule = isTierCategory(c.category) ? tierScheduleOn(c.market, c.category, date, currency) : null;
	const passed = schedule?.tiers[c.tier - 2]?.to;
	const at = `at recipient ${count(c.atRecipient)}`;
	return passed
		? `${c.market} ${category} passes ${count(passed)} this month ${at} (tier ${c.tier} from then on)`
		: `${c.market} ${category} enters tier ${c.tier} ${at}`;
}

/** What a reader should know besides the table: failures by cause, unpriced charges, invalid rows. */
export function notes(r: ForecastResult): string[] {
	const out: string[] = [];
	const paused = r.byOutcome.failed_us_pause ?? 0;
	if (paused)
		out.push(
			`${count(paused)} recipient${paused === 1 ? '' : 's'} on US numbers fail: Meta paused marketing templates to US numbers on 1 Apr 2025. Not charged.`
		);
	const undelivered = r.byOutcome.failed_undelivered ?? 0;
	if (undelivered) out.push(`${count(undelivered)} expected not to be delivered: not charged.`);
	if (r.unpriced)
		out.push(
			`Incomplete: ${count(r.unpriced)} charged message${r.unpriced === 1 ? ' has' : 's have'} no rate known in ${r.currency}; the total leaves them out (nothing is converted).`
		);
	if (r.outcomes.invalid)
		out.push(
			`${count(r.outcomes.invalid)} row${r.outcomes.invalid === 1 ? ' was' : 's were'} left out (no usable number, or a bad date).`
		);
	return out;
}

const money = (m: number) => formatMicros(m as Micros);

/** The result as CSV: market × outcome with cost, the regimes side by side (with ranges), the bad rows. */
export function forecastCsv(
	inputs: ForecastInputs,
	result: BroadcastResult,
	ranges: PlanRanges | null
): string {
	const lane = result.lanes[result.main] as BroadcastLane;
	const r = lane.result;
	const cur = r.currency;
	const rows: CsvValue[][] = [
		['market', 'outcome', 'recipients', `cost_${cur}`],
		...r.markets.flatMap((m) =>
			OUTCOMES.filter((o) => m.byOutcome[o]).map((o) => [
				m.market,
				outcomeText(o),
				m.byOutcome[o] ?? 0,
				o === 'charged' ? money(m.total) : money(0)
			])
		),
		['all markets', 'invalid rows (left out)', r.outcomes.invalid, money(0)],
		['all markets', 'total', r.recipients, money(r.total)]
	];
	const provider = providerCharges(r, inputs.provider);
	if (provider)
		rows.push(
			['all markets', `provider: ${provider.label}`, '', money(provider.total)],
			['all markets', 'total with the provider', '', money(provider.grandTotal)]
		);
	const date = localDate(scheduleStart(inputs.schedule), inputs.timezone);
	for (const c of r.tierCrossings)
		rows.push(['tier crossing', tierCrossingText(c, date, cur), c.atRecipient, '']);
	if (result.lanes.length > 1 || ranges) {
		rows.push([], ['regime', 'recipients', 'charged', 'free', 'failed', `total_${cur}`, 'p5', 'p50', 'p95']);
		result.lanes.forEach((l, i) => {
			const q: LaneRange | undefined = ranges?.lanes[i];
			rows.push([
				laneName(l),
				l.result.recipients,
				l.result.outcomes.charged,
				l.result.outcomes.free,
				l.result.outcomes.failed,
				money(l.result.total),
				q ? money(q.total.p5) : '',
				q ? money(q.total.p50) : '',
				q ? money(q.total.p95) : ''
			]);
		});
	}
	if (r.invalidRows.length) {
		rows.push([], ['line', 'reason']);
		for (const bad of r.invalidRows) rows.push([bad.line, bad.reason]);
		if (r.outcomes.invalid > r.invalidRows.length)
			rows.push(['', `and ${r.outcomes.invalid - r.invalidRows.length} more`]);
	}
	return toCsv(rows);
}

/** A sampled recipient as the sandbox scenario that shows its messages with every reason. */
export function sampleScenario(inputs: ForecastInputs, s: RecipientSample): Scenario {
	const options = {
		category: inputs.category,
		timezone: inputs.timezone,
		...(inputs.regime ? { regime: inputs.regime } : {}),
		currency: inputs.currency,
		...(inputs.account ? { account: inputs.account } : {})
	};
	const scenario = recipientScenario(options, s, s.chargedBefore);
	const p = inputs.provider;
	return {
		...scenario,
		name: `Broadcast recipient, line ${count(s.line)} (+${s.digits})`,
		...(p
			? {
					adjustments: {
						markup_percent: p.markupPercent,
						...(p.feePerMessage !== '0' ? { fee_per_message: p.feePerMessage } : {})
					}
				}
			: {})
	};
}

/** The sandbox link of a sampled recipient: its scenario in a share link's fragment. */
export const sampleHref = (inputs: ForecastInputs, s: RecipientSample) =>
	resolve(`/sandbox#${encodeShareFragment(sampleScenario(inputs, s))}`);

/** A saved forecast opened on the broadcast page. */
export const forecastHref = (id: string) => resolve(`/broadcast?forecast=${encodeURIComponent(id)}`);

export const formatCost = (m: number, currency: string): string => formatMoney(m as Micros, currency);
