/**
 * Branded units. Money is integer micro-units (1 USD = 1 000 000) so it can be added exactly;
 * time is epoch milliseconds; windows are exact durations, never calendar days.
 */
declare const unit: unique symbol;
type Branded<T, Name extends string> = T & { readonly [unit]: Name };

export type Micros = Branded<number, 'Micros'>;
export type EpochMs = Branded<number, 'EpochMs'>;
export type DurationMs = Branded<number, 'DurationMs'>;

export const asMicros = (n: number): Micros => n as Micros;
export const asEpochMs = (n: number): EpochMs => n as EpochMs;
export const asDuration = (n: number): DurationMs => n as DurationMs;

export const ZERO_MICROS = asMicros(0);
export const MICROS_PER_UNIT = 1_000_000;

export const MINUTE = asDuration(60_000);
export const HOUR = asDuration(60 * MINUTE);
export const DAY = asDuration(24 * HOUR);
export const WEEK = asDuration(7 * DAY);

/** Meta: "a 24-hour timer called a customer service window starts" (pricing-rules.md §1.5). */
export const CUSTOMER_SERVICE_WINDOW = asDuration(24 * HOUR);
/** Meta, conversation-based pricing 2023-06-01: conversations "last 24 hours" (§1.4). */
export const CONVERSATION_DURATION = asDuration(24 * HOUR);
/** Meta: free entry point conversations/windows "last 72 hours" (§1.6, §2.3). */
export const FREE_ENTRY_POINT_DURATION = asDuration(72 * HOUR);
/** Meta: the business must "respond within 24 hours" of the ad / Page button message (§1.6). */
export const FREE_ENTRY_POINT_REPLY_LIMIT = asDuration(24 * HOUR);

export const addDuration = (t: EpochMs, d: DurationMs): EpochMs => (t + d) as EpochMs;
export const sumMicros = (a: Micros, b: Micros): Micros => (a + b) as Micros;

const DECIMAL = /^(\d+)(?:\.(\d{1,6}))?$/;

/** "0.0411" → 41 100 µ. Exact: parses digits, never goes through a float. */
export function parseDecimalMicros(text: string): Micros {
	const m = DECIMAL.exec(text.trim());
	if (!m) throw new Error(`not a decimal amount with at most 6 decimals: "${text}"`);
	const whole = Number(m[1]);
	const frac = Number((m[2] ?? '').padEnd(6, '0'));
	return asMicros(whole * MICROS_PER_UNIT + frac);
}

/**
 * 41 100 µ → "0.0411": at least `minDecimals` decimals, up to 6 when the amount needs them. Exact:
 * for files and the CLI. What people read on screen goes through formatAmount.
 */
export function formatMicros(amount: Micros, minDecimals = 4): string {
	const sign = amount < 0 ? '-' : '';
	const abs = Math.abs(amount);
	const whole = Math.floor(abs / MICROS_PER_UNIT);
	let frac = String(abs % MICROS_PER_UNIT).padStart(6, '0');
	while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
	return frac.length ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}

/** Decimals of money on screen: the same in every table and sentence of the app (0.0024, 0.0274). */
export const DISPLAY_DECIMALS = 4;

/**
 * 2 360 µ → "0.0024": exactly `decimals` decimals (0–6), rounded half away from zero, for the UI.
 * Exports keep the exact amount (formatMicros).
 */
export function formatAmount(amount: Micros, decimals: number = DISPLAY_DECIMALS): string {
	const sign = amount < 0 ? '-' : '';
	const step = 10 ** (6 - decimals);
	const units = Math.round(Math.abs(amount) / step);
	const scale = 10 ** decimals;
	const whole = Math.floor(units / scale);
	const frac = String(units % scale).padStart(decimals, '0');
	const text = decimals > 0 ? `${whole}.${frac}` : `${whole}`;
	return units === 0 ? text : `${sign}${text}`;
}
