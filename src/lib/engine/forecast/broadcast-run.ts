/**
 * One pass over a broadcast's recipients (a streamed file or an expanded plan) priced by one
 * Forecaster per lane: the regime asked for (by date or pinned) and, to compare, each regime pinned.
 * Besides each lane's totals it keeps the cost by place in the list (the cumulative chart) and a
 * small sample of recipients — the first few of each market × outcome — with what the sandbox needs
 * to replay them exactly (the month's tiered count before each). Sizes never grow with the list.
 */
import { normalizePhone } from '$lib/domain/phone';
import { REGIMES, type RegimeId } from '$lib/domain/regimes';
import type { TierCounts } from '$lib/domain/scenario';
import { localDate, startOfLocalDate } from '$lib/domain/time';
import type { EpochMs, Micros } from '$lib/domain/units';
import { Forecaster, type ForecastOptions, type RecipientInput } from './forecaster';
import type { ForecastResult, RecipientOutcome } from './result';

export interface BroadcastSettings {
	/** The forecast asked for: category, zone, regime (absent: by date), currency, account. */
	options: Omit<ForecastOptions, 'buckets' | 'rules'>;
	/** Also price the same recipients under every regime, pinned. */
	compare: boolean;
	/** Recipients kept per market × outcome for "open in sandbox". */
	sampleLimit?: number;
	/** Points of the cumulative cost curve. */
	curvePoints?: number;
}

export interface BroadcastLane {
	/** null: each send priced under the regime in force at its time. */
	regime: RegimeId | null;
	result: ForecastResult;
	/** Cost per equal slice of the list, in send order. */
	curve: Micros[];
}

/** A recipient as the sandbox can replay it. */
export interface RecipientSample {
	market: string;
	outcome: RecipientOutcome;
	charge: Micros;
	code: string;
	/** As written in the file. */
	phone: string;
	digits: string;
	line: number;
	sendAt: EpochMs;
	lastCustomerMessageAt: EpochMs | null;
	freeEntryPointOpenedAt: EpochMs | null;
	delivered: boolean;
	/** Tiered messages charged this month in the recipient's market before it (volume tiers). */
	chargedBefore: TierCounts;
}

export interface BroadcastResult {
	lanes: BroadcastLane[];
	/** Index in `lanes` of the forecast asked for. */
	main: number;
	samples: RecipientSample[];
}

export const DEFAULT_SAMPLE_LIMIT = 20;
export const DEFAULT_CURVE_POINTS = 48;

/** The month (YYYY-MM) of an instant in the zone, cached between its month's boundaries. */
class MonthClock {
	private start = Infinity;
	private end = -Infinity;
	month = '';
	constructor(private readonly zone: string) {}
	at(t: number): string {
		if (t >= this.start && t < this.end) return this.month;
		const date = localDate(t as EpochMs, this.zone);
		const [y, m] = date.split('-').map(Number) as [number, number];
		this.month = date.slice(0, 7);
		this.start = startOfLocalDate(`${this.month}-01`, this.zone);
		const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
		this.end = startOfLocalDate(next, this.zone);
		return this.month;
	}
}

export class BroadcastRun {
	private readonly forecasters: Forecaster[];
	private readonly lanes: { regime: RegimeId | null; curve: Micros[] }[];
	private readonly main: number;
	private readonly samples: RecipientSample[] = [];
	private readonly sampled = new Map<string, number>();
	private readonly sampleLimit: number;
	private readonly points: number;
	private readonly clock: MonthClock;
	private firstMonth: string | null = null;
	private month = '';
	/** Tiered charges so far this month in the main lane, per market. */
	private tiered = new Map<string, number>();

	constructor(private readonly settings: BroadcastSettings) {
		const o = settings.options;
		const regimes: (RegimeId | null)[] = settings.compare
			? [...(o.regime ? [] : [null]), ...REGIMES.map((r) => r.id)]
			: [o.regime ?? null];
		this.main = regimes.indexOf(o.regime ?? null);
		this.points = settings.curvePoints ?? DEFAULT_CURVE_POINTS;
		this.sampleLimit = settings.sampleLimit ?? DEFAULT_SAMPLE_LIMIT;
		this.forecasters = regimes.map((regime) => {
			const options: ForecastOptions = { ...o };
			if (regime) options.regime = regime;
			else delete options.regime;
			return new Forecaster(options);
		});
		this.lanes = regimes.map((regime) => ({
			regime,
			curve: new Array<Micros>(this.points).fill(0 as Micros)
		}));
		this.clock = new MonthClock(o.timezone);
	}

	/** Rows seen so far (invalid ones included). */
	rows = 0;

	/** Prices one recipient in every lane; `position` is its place in the list (0 to 1). */
	add(r: RecipientInput, position: number): void {
		this.rows++;
		const bucket = Math.min(this.points - 1, Math.max(0, Math.floor(position * this.points)));
		for (let k = 0; k < this.forecasters.length; k++) {
			const p = (this.forecasters[k] as Forecaster).add(r);
			if (p && p.charge) {
				const curve = (this.lanes[k] as { curve: Micros[] }).curve;
				curve[bucket] = ((curve[bucket] as number) + p.charge) as Micros;
			}
			if (k !== this.main || !p) continue;
			// Counted after the sample is taken: the sample needs the count before this recipient.
			const month = this.clock.at(r.sendAt);
			this.firstMonth ??= month;
			if (month !== this.month) {
				this.month = month;
				this.tiered = new Map();
			}
			const key = `${p.market}|${p.outcome}`;
			const taken = this.sampled.get(key) ?? 0;
			if (taken < this.sampleLimit) {
				this.sampled.set(key, taken + 1);
				this.keepSample(r, p.market, p.outcome, p.charge, p.code);
			}
			if (p.code === 'template_charged') this.tiered.set(p.market, (this.tiered.get(p.market) ?? 0) + 1);
		}
	}

	private keepSample(
		r: RecipientInput,
		market: string,
		outcome: RecipientOutcome,
		charge: Micros,
		code: string
	) {
		const phone = normalizePhone(r.phone);
		if (!phone.ok) return;
		const own =
			this.month === this.firstMonth ? this.settings.options.account?.charged_this_month : undefined;
		const start = own?.by_market?.[market] ?? {};
		const k = this.tiered.get(market) ?? 0;
		this.samples.push({
			market,
			outcome,
			charge,
			code,
			phone: r.phone,
			digits: phone.digits,
			line: r.line ?? 0,
			sendAt: r.sendAt,
			lastCustomerMessageAt: r.lastCustomerMessageAt ?? null,
			freeEntryPointOpenedAt: r.freeEntryPointOpenedAt ?? null,
			delivered: r.delivered !== false,
			chargedBefore: {
				by_market: {
					[market]: {
						utility: (start.utility ?? 0) + k,
						authentication: (start.authentication ?? 0) + k,
						authentication_international: (start.authentication_international ?? 0) + k
					}
				}
			}
		});
	}

	/** A row left out before pricing (e.g. a date that is not one), in every lane. */
	addInvalid(line: number, reason: string): void {
		this.rows++;
		for (const f of this.forecasters) f.addInvalid(line, reason);
	}

	finish(): BroadcastResult {
		return {
			lanes: this.lanes.map((l, k) => ({
				regime: l.regime,
				curve: l.curve,
				result: (this.forecasters[k] as Forecaster).finish()
			})),
			main: this.main,
			samples: this.samples
		};
	}
}
