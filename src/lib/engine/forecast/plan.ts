/**
 * A broadcast planned without a recipients file: recipients per country, the share who wrote in the
 * last 24 hours, the share who came from a click-to-WhatsApp ad or Page button in the last 72 hours,
 * and the expected delivery rate. Expanded into recipients the Forecaster prices one by one, so a plan
 * is priced by exactly the rules a file is.
 *
 * The expansion is deterministic and exact: in each country exactly ⌊n × share⌋ recipients have each
 * trait, spread evenly through the list, and the three traits are spread independently of each other
 * (each walks the country's list in its own shuffled order: a keyed Feistel permutation). Countries are interleaved
 * in proportion, so over a send window every country goes out from start to end.
 */
import { countryByIso2 } from '$lib/domain/data/countries';
import { sampleNumber } from '$lib/domain/sample-number';
import { HOUR, type EpochMs } from '$lib/domain/units';
import type { RecipientInput } from './forecaster';
import { sendTimeAt, type SendSchedule } from './send-schedule';

/** A share (0–1) and how far either way it may really be (0–0.5), for the ranges. */
export interface UncertainShare {
	value: number;
	spread: number;
}

export interface PlanMarket {
	/** ISO 3166-1 alpha-2 of the recipients' numbers. */
	iso2: string;
	recipients: number;
}

export interface BroadcastPlan {
	markets: PlanMarket[];
	/** Share whose last message came in the 24 hours before the send (a customer service window open). */
	wroteIn24h: UncertainShare;
	/** Share who came from a click-to-WhatsApp ad or a Page button in the 72 hours before (a free entry point). */
	freeEntryPoint: UncertainShare;
	/** Expected delivery rate: the rest fail and are not charged. */
	delivered: UncertainShare;
	/** Monte Carlo: number of trials and the seed (the same seed gives the same ranges). */
	trials: number;
	seed: number;
}

/** Plans larger than this are refused (a browser tab prices about a million recipients a second). */
export const MAX_PLAN_RECIPIENTS = 10_000_000;
export const MAX_TRIALS = 10_000;
/** The customer's last message, for a recipient who wrote in the last 24 hours: 6 hours before the send. */
export const WROTE_BEFORE = 6 * HOUR;
/** The ad or Page-button message, for a recipient from a free entry point: 36 hours before the send (inside 72 h, outside 24 h). */
export const ENTRY_POINT_BEFORE = 36 * HOUR;

/** Each trait shuffles a country's list with its own key. */
const KEYS = [0x3c6ef372, 0xa54ff53a, 0x510e527f] as const;

/** A 32-bit integer hash (the "lowbias32" mixer). */
function mix(x: number): number {
	x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
	x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
	return (x ^ (x >>> 16)) >>> 0;
}

/**
 * A shuffle of 0…n−1 that needs no table: a 4-round Feistel network over the smallest even number of
 * bits that holds n, walked again while it lands outside (at most a few steps: the domain is < 4n).
 */
export function permute(j: number, n: number, key: number): number {
	const bits = Math.max(2, 32 - Math.clz32(Math.max(1, n - 1)));
	const half = (bits + 1) >> 1;
	const mask = (1 << half) - 1;
	let x = j;
	do {
		let l = x >>> half;
		let r = x & mask;
		for (let round = 0; round < 4; round++) {
			const f = mix(r ^ (key + round * 0x9e3779b9)) & mask;
			const next = l ^ f;
			l = r;
			r = next;
		}
		x = ((l << half) | r) >>> 0;
	} while (x >= n);
	return x;
}

export const planSize = (p: BroadcastPlan): number => p.markets.reduce((n, m) => n + m.recipients, 0);

const PPM = 1_000_000;
const ppm = (share: number): number => Math.round(Math.min(1, Math.max(0, share)) * PPM);

/** Why the plan cannot be priced, naming the field; null when it can. */
export function planError(p: BroadcastPlan): string | null {
	if (p.markets.length === 0) return 'Add at least one country with its number of recipients.';
	const seen = new Set<string>();
	for (const m of p.markets) {
		const name = countryByIso2(m.iso2)?.name ?? m.iso2;
		if (!countryByIso2(m.iso2) || sampleNumber(m.iso2, 0) === null)
			return `${m.iso2}: not a country with phone numbers.`;
		if (seen.has(m.iso2)) return `${name} is listed twice: give it one row.`;
		seen.add(m.iso2);
		if (!Number.isInteger(m.recipients) || m.recipients < 0)
			return `${name}: the number of recipients is a whole number, 0 or more.`;
	}
	const total = planSize(p);
	if (total === 0) return 'The plan has no recipients: give at least one country a number above 0.';
	if (total > MAX_PLAN_RECIPIENTS)
		return `At most ${MAX_PLAN_RECIPIENTS.toLocaleString('en-US')} recipients in a plan (this one has ${total.toLocaleString('en-US')}).`;
	const shares: [string, UncertainShare][] = [
		['Wrote in the last 24 hours', p.wroteIn24h],
		['From an ad or Page button', p.freeEntryPoint],
		['Delivery rate', p.delivered]
	];
	for (const [label, s] of shares) {
		if (!Number.isFinite(s.value) || s.value < 0 || s.value > 1) return `${label}: a share from 0 to 100 %.`;
		if (!Number.isFinite(s.spread) || s.spread < 0 || s.spread > 0.5)
			return `${label}: the uncertainty is from 0 to 50 points.`;
	}
	if (!Number.isInteger(p.trials) || p.trials < 1 || p.trials > MAX_TRIALS)
		return `Trials: a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')}.`;
	if (!Number.isInteger(p.seed) || p.seed < 0 || p.seed > 0xffffffff)
		return 'Seed: a whole number from 0 to 4294967295.';
	return null;
}

/** Whether the k-th of a list (0-based) is among the ⌊n × share⌋ spread evenly through it. */
const hit = (k: number, sharePpm: number): boolean =>
	Math.floor(((k + 1) * sharePpm) / PPM) > Math.floor((k * sharePpm) / PPM);

/** The traits of the j-th recipient of a country of n, at the given shares (ppm). */
export function traitsOf(
	j: number,
	n: number,
	shares: { wrote: number; entry: number; delivered: number }
): { wrote: boolean; entry: boolean; delivered: boolean } {
	return {
		wrote: hit(permute(j, n, KEYS[0]), shares.wrote),
		entry: hit(permute(j, n, KEYS[1]), shares.entry),
		delivered: hit(permute(j, n, KEYS[2]), shares.delivered)
	};
}

/**
 * Walks the plan's recipients in send order, refilling one RecipientInput (no allocation per
 * recipient). `position` is the last recipient's place in the list (0 to 1).
 */
export class PlanCursor {
	readonly total: number;
	index = 0;
	position = 0;
	private readonly sent: number[];
	private readonly shares: { wrote: number; entry: number; delivered: number };

	constructor(
		private readonly plan: BroadcastPlan,
		private readonly schedule: SendSchedule
	) {
		this.total = planSize(plan);
		this.sent = plan.markets.map(() => 0);
		this.shares = {
			wrote: ppm(plan.wroteIn24h.value),
			entry: ppm(plan.freeEntryPoint.value),
			delivered: ppm(plan.delivered.value)
		};
	}

	/** Fills `out` with the next recipient; false when every recipient has been given. */
	next(out: RecipientInput): boolean {
		const i = this.index;
		const total = this.total;
		if (i >= total) return false;
		// The country furthest behind its proportional share of the first i + 1 recipients goes next.
		const markets = this.plan.markets;
		let best = -1;
		let bestDeficit = -Infinity;
		for (let m = 0; m < markets.length; m++) {
			const n = (markets[m] as PlanMarket).recipients;
			const sent = this.sent[m] as number;
			if (sent >= n) continue;
			const deficit = n * (i + 1) - sent * total;
			if (deficit > bestDeficit) {
				bestDeficit = deficit;
				best = m;
			}
		}
		const market = markets[best] as PlanMarket;
		const j = this.sent[best] as number;
		this.sent[best] = j + 1;
		this.index = i + 1;
		this.position = total > 1 ? i / (total - 1) : 0;
		const t = sendTimeAt(this.schedule, this.position);
		const n = market.recipients;
		const s = this.shares;
		out.phone = sampleNumber(market.iso2, j) as string;
		out.sendAt = t;
		const traits = traitsOf(j, n, s);
		out.lastCustomerMessageAt = traits.wrote ? ((t - WROTE_BEFORE) as EpochMs) : null;
		out.freeEntryPointOpenedAt = traits.entry ? ((t - ENTRY_POINT_BEFORE) as EpochMs) : null;
		out.delivered = traits.delivered;
		out.line = i + 1;
		return true;
	}
}
