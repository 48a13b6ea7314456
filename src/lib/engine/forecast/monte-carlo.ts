/**
 * Ranges for a planned broadcast (P5 / P50 / P95) from a seeded Monte Carlo over its uncertain
 * shares. Each trial draws the three shares (who wrote in the last 24 h, who came from an ad or Page
 * button, the delivery rate) from a triangular distribution around the plan's value, ± its spread,
 * then each country's recipients of each kind from binomials at those shares.
 *
 * Trials stay cheap whatever the audience: a recipient's outcome depends only on its country and
 * kind (8 kinds: wrote or not × entry point or not × delivered or not), found once per lane by the
 * Forecaster; and the cost of a market's c charged recipients — tiers included — is the Forecaster's
 * running total after c charged sends in that market, computed once per lane. Exact for a single send
 * time; over a window the charged ones are taken as spread evenly through it. The same seed gives the
 * same ranges; every lane sees the same draws, so regimes compare like for like.
 */
import { sampleNumber } from '$lib/domain/sample-number';
import { REGIMES, type RegimeId } from '$lib/domain/regimes';
import type { EpochMs } from '$lib/domain/units';
import type { BroadcastSettings } from './broadcast-run';
import { Forecaster, type ForecastOptions, type RecipientInput } from './forecaster';
import {
	ENTRY_POINT_BEFORE,
	WROTE_BEFORE,
	type BroadcastPlan,
	type PlanMarket,
	type UncertainShare
} from './plan';
import type { RecipientOutcome } from './result';
import { scheduleStart, sendTimeAt, type SendSchedule } from './send-schedule';

export interface Percentiles {
	p5: number;
	p50: number;
	p95: number;
}

export interface LaneRange {
	regime: RegimeId | null;
	/** Meta's charges in micro-units. */
	total: Percentiles;
	charged: Percentiles;
	free: Percentiles;
	failed: Percentiles;
}

export interface PlanRanges {
	trials: number;
	seed: number;
	lanes: LaneRange[];
}

/** Mulberry32: a small, fast 32-bit generator; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A share drawn from the triangle (value − spread, value, value + spread), cut to 0–1. */
export function drawShare(rand: () => number, s: UncertainShare): number {
	const lo = Math.max(0, s.value - s.spread);
	const hi = Math.min(1, s.value + s.spread);
	if (hi <= lo) return Math.min(1, Math.max(0, s.value));
	const mode = Math.min(hi, Math.max(lo, s.value));
	const u = rand();
	const cut = (mode - lo) / (hi - lo);
	return u < cut
		? lo + Math.sqrt(u * (hi - lo) * (mode - lo))
		: hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
}

function normal(rand: () => number): number {
	const u = Math.max(rand(), 1e-12);
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/**
 * How many of n succeed at probability p: counted one by one for small n, by Poisson inversion when
 * successes (or failures) are rare, else the normal approximation, rounded and kept within 0–n.
 */
export function binomial(rand: () => number, n: number, p: number): number {
	if (n <= 0 || p <= 0) return 0;
	if (p >= 1) return n;
	if (n < 64) {
		let k = 0;
		for (let i = 0; i < n; i++) if (rand() < p) k++;
		return k;
	}
	const q = Math.min(p, 1 - p);
	const mean = n * q;
	let k: number;
	if (mean < 30) {
		// Poisson(mean) by inversion: fine for rare events.
		const limit = Math.exp(-mean);
		let prod = rand();
		k = 0;
		while (prod > limit && k < n) {
			prod *= rand();
			k++;
		}
	} else k = Math.round(mean + Math.sqrt(mean * (1 - q)) * normal(rand));
	k = Math.min(n, Math.max(0, k));
	return q === p ? k : n - k;
}

/** Nearest-rank percentiles of the values (sorted here). */
export function percentiles(values: Float64Array): Percentiles {
	const sorted = Float64Array.from(values).sort();
	const at = (q: number) =>
		sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
	return { p5: at(0.05), p50: at(0.5), p95: at(0.95) };
}

/** Kind index: wrote ×4 + entry point ×2 + delivered ×1. */
const KINDS = [0, 1, 2, 3, 4, 5, 6, 7] as const;
const PLAIN = 1; // not wrote, no entry point, delivered
const isFree = (o: RecipientOutcome) => o === 'free_service_window' || o === 'free_entry_point';

interface MarketCost {
	/** Running total after k·step charged sends (and after all of them, last). */
	cumulative: Float64Array;
	step: number;
	max: number;
}

/** The cost of the first c charged sends of a market, interpolated between the kept points. */
function costOf(m: MarketCost, c: number): number {
	const n = Math.min(Math.max(0, c), m.max);
	const i = Math.floor(n / m.step);
	const lo = m.cumulative[i] ?? 0;
	if (i * m.step === n) return lo;
	// Point i + 1 stands for min((i + 1) · step, max) sends.
	const hiCount = Math.min((i + 1) * m.step, m.max);
	const hi = m.cumulative[i + 1] ?? lo;
	return lo + ((hi - lo) * (n - i * m.step)) / (hiCount - i * m.step);
}

function representative(iso2: string, kind: number, t: EpochMs): RecipientInput {
	return {
		phone: sampleNumber(iso2, 0) as string,
		sendAt: t,
		lastCustomerMessageAt: kind & 4 ? ((t - WROTE_BEFORE) as EpochMs) : null,
		freeEntryPointOpenedAt: kind & 2 ? ((t - ENTRY_POINT_BEFORE) as EpochMs) : null,
		delivered: (kind & 1) === 1
	};
}

/** The plan's ranges in every lane of the settings (the same lanes as BroadcastRun). */
export function planRanges(
	plan: BroadcastPlan,
	schedule: SendSchedule,
	settings: BroadcastSettings,
	onProgress?: (done: number, of: number) => void
): PlanRanges {
	const o = settings.options;
	const regimes: (RegimeId | null)[] = settings.compare
		? [...(o.regime ? [] : [null]), ...REGIMES.map((r) => r.id)]
		: [o.regime ?? null];
	const rows = plan.markets.filter((m) => m.recipients > 0);
	const total = rows.reduce((n, m) => n + m.recipients, 0);
	const work = total * regimes.length;
	let done = 0;
	const lanes = regimes.map((regime) => {
		const options: ForecastOptions = { ...o };
		if (regime) options.regime = regime;
		else delete options.regime;
		// What each kind of recipient of each country comes to (outcomes do not depend on tier counts).
		const t0 = scheduleStart(schedule);
		const probe = new Forecaster(options);
		const outcomes = rows.map((row) =>
			KINDS.map((kind) => probe.add(representative(row.iso2, kind, t0))?.outcome ?? 'failed_undelivered')
		);
		const marketOf = rows.map((row) => probe.add(representative(row.iso2, PLAIN, t0))?.market ?? row.iso2);
		// Each market's running cost over its charged sends, from one Forecaster per lane.
		const costs = new Map<string, MarketCost>();
		const r: RecipientInput = { phone: '', sendAt: t0 };
		for (const market of new Set(marketOf)) {
			const members = rows.map((_, i) => i).filter((i) => marketOf[i] === market);
			const max = members.reduce((n, i) => n + (rows[i] as PlanMarket).recipients, 0);
			const payerAt = members.find((i) => outcomes[i]?.[PLAIN] === 'charged');
			const payer = payerAt === undefined ? null : (rows[payerAt] as PlanMarket);
			const feed = new Forecaster(options);
			const step = Math.max(1, Math.ceil(max / 4096));
			const cumulative = new Float64Array(Math.ceil(max / step) + 1);
			if (payer) {
				let sum = 0;
				for (let k = 1; k <= max; k++) {
					r.phone = sampleNumber(payer.iso2, k) as string;
					r.sendAt = sendTimeAt(schedule, max > 1 ? (k - 1) / (max - 1) : 0);
					sum += feed.add(r)?.charge ?? 0;
					if (k % step === 0) cumulative[k / step] = sum;
					if (k === max) cumulative[cumulative.length - 1] = sum;
				}
			}
			done += max;
			onProgress?.(done, work);
			costs.set(market, { cumulative, step, max });
		}
		return { regime, outcomes, marketOf, costs };
	});

	const trials = plan.trials;
	const result: LaneRange[] = [];
	for (const lane of lanes) {
		// The same draws in every lane: a seeded generator started afresh.
		const rand = mulberry32(plan.seed);
		const totals = new Float64Array(trials);
		const charged = new Float64Array(trials);
		const free = new Float64Array(trials);
		const failed = new Float64Array(trials);
		const chargedIn = new Map<string, number>();
		const counts = new Array<number>(8).fill(0);
		for (let t = 0; t < trials; t++) {
			const sw = drawShare(rand, plan.wroteIn24h);
			const sf = drawShare(rand, plan.freeEntryPoint);
			const sd = drawShare(rand, plan.delivered);
			chargedIn.clear();
			rows.forEach((row, i) => {
				const n = row.recipients;
				const wrote = binomial(rand, n, sw);
				const entryW = binomial(rand, wrote, sf);
				const entryN = binomial(rand, n - wrote, sf);
				const groups = [n - wrote - entryN, entryN, wrote - entryW, entryW]; // kind >> 1
				for (let g = 0; g < 4; g++) {
					const size = groups[g] as number;
					const d = binomial(rand, size, sd);
					counts[g * 2 + 1] = d;
					counts[g * 2] = size - d;
				}
				const out = lane.outcomes[i] as RecipientOutcome[];
				for (const kind of KINDS) {
					const c = counts[kind] as number;
					if (!c) continue;
					const outcome = out[kind] as RecipientOutcome;
					if (outcome === 'charged') {
						charged[t] = (charged[t] as number) + c;
						const m = lane.marketOf[i] as string;
						chargedIn.set(m, (chargedIn.get(m) ?? 0) + c);
					} else if (isFree(outcome)) free[t] = (free[t] as number) + c;
					else failed[t] = (failed[t] as number) + c;
				}
			});
			let cost = 0;
			for (const [m, c] of chargedIn) cost += costOf(lane.costs.get(m) as MarketCost, c);
			totals[t] = Math.round(cost);
		}
		result.push({
			regime: lane.regime,
			total: percentiles(totals),
			charged: percentiles(charged),
			free: percentiles(free),
			failed: percentiles(failed)
		});
	}
	return { trials, seed: plan.seed, lanes: result };
}
