/**
 * The broadcast page's inputs, as the user types them (text kept as typed, so a bad value is shown
 * with its message and nothing is lost), and what they come to: the send schedule, the plan, the
 * account and the provider's price — each either usable or one message naming the field.
 */
import { iso2Error } from '$lib/domain/markets';
import { parseLocalInput, toLocalInput } from '$lib/domain/local-time';
import { regimeById, regimeOnDate, type Regime, type RegimeId } from '$lib/domain/regimes';
import type { Scenario, TemplateCategory } from '$lib/domain/scenario';
import { addDays, isValidTimeZone, localDate } from '$lib/domain/time';
import { asEpochMs, type EpochMs } from '$lib/domain/units';
import type { BroadcastSettings } from '$lib/engine/forecast/broadcast-run';
import { planError, type BroadcastPlan } from '$lib/engine/forecast/plan';
import type { CsvColumns, CsvInspection } from '$lib/engine/forecast/recipients-csv';
import { scheduleError, scheduleStart, type SendSchedule } from '$lib/engine/forecast/send-schedule';
import type { ForecastInputs } from '$lib/storage/forecast-records';

export type Audience = 'file' | 'plan';
export interface PlanRowInput {
	iso2: string;
	recipients: string;
}
export interface ChargedRowInput {
	market: string;
	utility: string;
	authentication: string;
}

/** The analyst's question as the example plan: 250,000 recipients in India, Brazil and Indonesia. */
export const EXAMPLE_PLAN: readonly PlanRowInput[] = [
	{ iso2: 'IN', recipients: '100000' },
	{ iso2: 'BR', recipients: '75000' },
	{ iso2: 'ID', recipients: '75000' }
];

type Result<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string): Result<T> => ({ ok: false, error });

/** "20" or "20 %" → 0.2; null when not a number from 0 to max. */
function percent(text: string, max = 100): number | null {
	const t = text.replace('%', '').trim();
	if (t === '' || !/^\d+(\.\d+)?$/.test(t)) return null;
	const n = Number(t);
	return n <= max ? n / 100 : null;
}

const wholeCount = (text: string): number | null => {
	const t = text.replace(/[\s,_]/g, '');
	return /^\d{1,9}$/.test(t) ? Number(t) : null;
};

function browserZone(): string {
	const z = Intl.DateTimeFormat().resolvedOptions().timeZone;
	return z && isValidTimeZone(z) ? z : 'UTC';
}

/** Tomorrow at 09:00 in the zone, as a datetime-local value. */
function tomorrowAtNine(zone: string, now = Date.now()): string {
	return `${addDays(localDate(asEpochMs(now), zone), 1)}T09:00`;
}

export class BroadcastForm {
	category = $state<TemplateCategory | null>(null);
	templateId = $state<string | null>(null);
	audience = $state<Audience>('file');
	/** The recipients file chosen and its inspection (header, guesses); columns as chosen. */
	file = $state.raw<File | null>(null);
	inspection = $state.raw<CsvInspection | null>(null);
	columns = $state<CsvColumns>({ phone: -1, lastMessage: -1, freeEntryPoint: -1 });
	planRows = $state<PlanRowInput[]>(EXAMPLE_PLAN.map((r) => ({ ...r })));
	wrote = $state('20');
	wroteSpread = $state('5');
	entry = $state('5');
	entrySpread = $state('2');
	delivered = $state('95');
	deliveredSpread = $state('3');
	trials = $state('1000');
	seed = $state('1');
	timezone = $state(browserZone());
	sendKind = $state<'at' | 'window'>('at');
	sendAt = $state('');
	windowFrom = $state('');
	windowTo = $state('');
	regime = $state<RegimeId | 'by-date'>('by-date');
	currency = $state('USD');
	compare = $state(true);
	chargedRows = $state<ChargedRowInput[]>([]);
	freeServiceUsed = $state('');
	authIntlEligible = $state(false);
	authIntlCountry = $state('');
	markupPercent = $state('');
	feePerMessage = $state('');

	constructor() {
		this.sendAt = tomorrowAtNine(this.timezone);
		this.windowFrom = this.sendAt;
		this.windowTo = this.sendAt.replace('T09:00', 'T12:00');
	}

	readonly schedule: Result<SendSchedule> = $derived.by(() => {
		const zone = this.timezone;
		const read = (text: string, label: string): Result<EpochMs> => {
			if (text.trim() === '') return fail(`${label}: enter a date and a time.`);
			const t = parseLocalInput(text, zone);
			return t === null
				? fail(`${label}: ${text.replace('T', ' ')} is not a time that exists in ${zone}.`)
				: ok(t);
		};
		if (this.sendKind === 'at') {
			const at = read(this.sendAt, 'Send time');
			return at.ok ? ok({ kind: 'at', at: at.value }) : at;
		}
		const from = read(this.windowFrom, 'Window start');
		if (!from.ok) return from;
		const to = read(this.windowTo, 'Window end');
		if (!to.ok) return to;
		const s: SendSchedule = { kind: 'window', from: from.value, to: to.value };
		const problem = scheduleError(s);
		return problem ? fail(problem) : ok(s);
	});

	/** The local date the broadcast starts on (US pause, the regime in force); null while the time is bad. */
	readonly sendDate: string | null = $derived(
		this.schedule.ok ? localDate(scheduleStart(this.schedule.value), this.timezone) : null
	);
	readonly regimeInForce: Regime = $derived(
		regimeOnDate(this.sendDate ?? localDate(asEpochMs(Date.now()), 'UTC'))
	);
	readonly pinned: RegimeId | null = $derived(this.regime === 'by-date' ? null : this.regime);

	readonly plan: Result<BroadcastPlan> = $derived.by(() => {
		const markets: BroadcastPlan['markets'] = [];
		for (const [i, row] of this.planRows.entries()) {
			const n = wholeCount(row.recipients);
			if (n === null) return fail(`Row ${i + 1}: the number of recipients is a whole number, 0 or more.`);
			markets.push({ iso2: row.iso2, recipients: n });
		}
		const shares: [string, string, string, string][] = [
			['Wrote in the last 24 hours', this.wrote, this.wroteSpread, 'wrote'],
			['From an ad or Page button', this.entry, this.entrySpread, 'entry'],
			['Delivery rate', this.delivered, this.deliveredSpread, 'delivered']
		];
		const read: Record<string, { value: number; spread: number }> = {};
		for (const [label, value, spread, key] of shares) {
			const v = percent(value);
			if (v === null) return fail(`${label}: a share from 0 to 100 %.`);
			const s = percent(spread, 50);
			if (s === null) return fail(`${label}: the uncertainty (±) is from 0 to 50 points.`);
			read[key] = { value: v, spread: s };
		}
		const trials = wholeCount(this.trials);
		const seed = wholeCount(this.seed);
		const plan: BroadcastPlan = {
			markets,
			wroteIn24h: read.wrote!,
			freeEntryPoint: read.entry!,
			delivered: read.delivered!,
			trials: trials ?? -1,
			seed: seed ?? -1
		};
		const problem = planError(plan);
		return problem ? fail(problem) : ok(plan);
	});

	readonly account: Result<Scenario['account']> = $derived.by(() => {
		const byMarket: Record<string, { utility?: number; authentication?: number }> = {};
		for (const row of this.chargedRows) {
			if (!row.market) return fail('Charged this month: choose the market of each row.');
			if (byMarket[row.market]) return fail(`Charged this month: ${row.market} is listed twice.`);
			const counts: { utility?: number; authentication?: number } = {};
			for (const key of ['utility', 'authentication'] as const) {
				const text = row[key].trim();
				if (text === '') continue;
				const n = wholeCount(text);
				if (n === null) return fail(`Charged this month, ${row.market} ${key}: a whole number, 0 or more.`);
				counts[key] = n;
			}
			byMarket[row.market] = counts;
		}
		const account: NonNullable<Scenario['account']> = {};
		if (Object.keys(byMarket).length) account.charged_this_month = { by_market: byMarket };
		if (this.freeServiceUsed.trim() !== '') {
			const n = wholeCount(this.freeServiceUsed);
			if (n === null) return fail('Free tier used: a whole number, 0 or more.');
			account.free_service_used = n;
		}
		if (this.authIntlEligible) {
			const code = this.authIntlCountry.trim().toUpperCase();
			const problem = /^[A-Z]{2}$/.test(code) ? iso2Error(code) : 'a two-letter country code, e.g. SG.';
			if (problem) return fail(`Primary business country: ${problem}`);
			account.auth_international = { eligible: true, primary_country: code };
		}
		return ok(Object.keys(account).length ? account : undefined);
	});

	readonly provider: Result<ForecastInputs['provider']> = $derived.by(() => {
		const m = this.markupPercent.trim();
		const fee = this.feePerMessage.trim();
		if (m === '' && fee === '') return ok(null);
		const markup = m === '' ? 0 : percent(m, 1000);
		if (markup === null) return fail('Mark-up: a percentage from 0 to 1000.');
		if (fee !== '' && !/^\d{1,6}(\.\d{1,6})?$/.test(fee))
			return fail('Fee per message: an amount such as 0.0050 (at most 6 decimals).');
		return ok({ markupPercent: Math.round(markup * 100 * 1e6) / 1e6, feePerMessage: fee || '0' });
	});

	readonly columnNames = $derived.by(() => {
		const h = this.inspection?.header ?? [];
		const name = (k: number) => (k >= 0 ? (h[k] ?? null) : null);
		return {
			phone: name(this.columns.phone) ?? '',
			lastMessage: name(this.columns.lastMessage),
			freeEntryPoint: name(this.columns.freeEntryPoint)
		};
	});

	/** Takes a file the worker inspected: its columns start as guessed. */
	takeFile(file: File, inspection: CsvInspection): void {
		this.file = file;
		this.inspection = inspection;
		this.columns = { ...inspection.guess };
	}

	/** What the forecast runs with; the caller has checked the inputs. */
	settings(): BroadcastSettings {
		const account = this.account.ok ? this.account.value : undefined;
		return {
			options: {
				category: this.category as TemplateCategory,
				timezone: this.timezone,
				...(this.pinned ? { regime: this.pinned } : {}),
				currency: this.currency,
				...(account ? { account } : {})
			},
			compare: this.compare
		};
	}

	inputs(template: ForecastInputs['template']): ForecastInputs {
		const audience: ForecastInputs['audience'] =
			this.audience === 'plan' && this.plan.ok
				? { kind: 'plan', plan: this.plan.value }
				: {
						kind: 'file',
						fileName: this.file?.name ?? '',
						fileSize: this.file?.size ?? 0,
						columns: this.columnNames
					};
		const account = this.account.ok ? this.account.value : undefined;
		return {
			category: this.category as TemplateCategory,
			template,
			audience,
			schedule: this.schedule.ok ? this.schedule.value : { kind: 'at', at: asEpochMs(0) },
			timezone: this.timezone,
			regime: this.pinned,
			currency: this.currency,
			...(account ? { account } : {}),
			provider: this.provider.ok ? this.provider.value : null,
			compare: this.compare
		};
	}

	/** Puts a saved forecast's inputs back in the fields (a file must be chosen again to re-run). */
	load(i: ForecastInputs): void {
		this.category = i.category;
		this.templateId = i.template?.id ?? null;
		this.timezone = i.timezone;
		if (i.schedule.kind === 'at') {
			this.sendKind = 'at';
			this.sendAt = toLocalInput(i.schedule.at, i.timezone);
		} else {
			this.sendKind = 'window';
			this.windowFrom = toLocalInput(i.schedule.from, i.timezone);
			this.windowTo = toLocalInput(i.schedule.to, i.timezone);
		}
		this.regime = i.regime ?? 'by-date';
		this.currency = i.currency;
		this.compare = i.compare;
		const a = i.account;
		this.chargedRows = Object.entries(a?.charged_this_month?.by_market ?? {}).map(([market, c]) => ({
			market,
			utility: c.utility === undefined ? '' : String(c.utility),
			authentication: c.authentication === undefined ? '' : String(c.authentication)
		}));
		this.freeServiceUsed = a?.free_service_used === undefined ? '' : String(a.free_service_used);
		this.authIntlEligible = a?.auth_international?.eligible ?? false;
		this.authIntlCountry = a?.auth_international?.primary_country ?? '';
		this.markupPercent = i.provider ? String(i.provider.markupPercent) : '';
		this.feePerMessage = i.provider && i.provider.feePerMessage !== '0' ? i.provider.feePerMessage : '';
		this.audience = i.audience.kind;
		if (i.audience.kind === 'plan') {
			const p = i.audience.plan;
			const pct = (x: number) => String(Math.round(x * 1e6) / 1e4);
			this.planRows = p.markets.map((m) => ({ iso2: m.iso2, recipients: String(m.recipients) }));
			this.wrote = pct(p.wroteIn24h.value);
			this.wroteSpread = pct(p.wroteIn24h.spread);
			this.entry = pct(p.freeEntryPoint.value);
			this.entrySpread = pct(p.freeEntryPoint.spread);
			this.delivered = pct(p.delivered.value);
			this.deliveredSpread = pct(p.delivered.spread);
			this.trials = String(p.trials);
			this.seed = String(p.seed);
		} else {
			this.file = null;
			this.inspection = null;
		}
	}
}

export const regimeName = (id: RegimeId): string => regimeById(id).label;
