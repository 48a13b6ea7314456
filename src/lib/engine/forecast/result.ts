/**
 * What a forecast adds up to: totals per market and outcome, the tier crossings, cost over the send
 * window in buckets, the first invalid rows. Sizes do not grow with the number of recipients.
 */
import type { RegimeId } from '$lib/domain/regimes';
import type { TemplateCategory } from '$lib/domain/scenario';
import type { EpochMs, Micros } from '$lib/domain/units';

/** A recipient's template: charged, free and why, or failed and why. */
export type RecipientOutcome =
	'charged' | 'free_service_window' | 'free_entry_point' | 'failed_us_pause' | 'failed_undelivered';

export const OUTCOME_LABEL: Record<RecipientOutcome, string> = {
	charged: 'charged',
	free_service_window: 'free: in the customer service window',
	free_entry_point: 'free: in a free entry point',
	failed_us_pause: 'failed: US marketing pause (not charged)',
	failed_undelivered: 'failed: not delivered (not charged)'
};

export interface MarketTotals {
	market: string;
	recipients: number;
	charged: number;
	free: number;
	failed: number;
	/** Charged with no rate known in the currency (left out of the total). */
	unpriced: number;
	total: Micros;
	byOutcome: Partial<Record<RecipientOutcome, number>>;
}

export interface TierCrossing {
	market: string;
	category: string;
	/** The tier entered. */
	tier: number;
	/** 1-based position of the recipient in send order (rows of the file, invalid ones included). */
	atRecipient: number;
}

export interface ForecastResult {
	category: TemplateCategory;
	currency: string;
	pinnedRegime: RegimeId | null;
	/** Regimes the send times fell under. */
	regimes: Set<RegimeId>;
	/** Data rows seen (invalid ones included). */
	recipients: number;
	total: Micros;
	outcomes: { charged: number; free: number; failed: number; invalid: number };
	byOutcome: Partial<Record<RecipientOutcome, number>>;
	unpriced: number;
	markets: MarketTotals[];
	tierCrossings: TierCrossing[];
	invalidRows: { line: number; reason: string }[];
	firstSendAt: EpochMs | null;
	lastSendAt: EpochMs | null;
	/** Cost per bucket over the send window, when buckets were asked for. */
	buckets: { from: EpochMs; width: number; cost: Micros[] } | null;
}

export function emptyForecast(
	o: { category: TemplateCategory; regime?: RegimeId },
	currency: string
): ForecastResult {
	return {
		category: o.category,
		currency,
		pinnedRegime: o.regime ?? null,
		regimes: new Set(),
		recipients: 0,
		total: 0 as Micros,
		outcomes: { charged: 0, free: 0, failed: 0, invalid: 0 },
		byOutcome: {},
		unpriced: 0,
		markets: [],
		tierCrossings: [],
		invalidRows: [],
		firstSendAt: null,
		lastSendAt: null,
		buckets: null
	};
}
