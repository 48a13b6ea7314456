/**
 * The shapes of the bundled rate data: what scripts/build-data.ts writes into data/*.generated.ts
 * and what rate-card.ts, markets.ts and volume-tiers.ts read, and the lists of rate categories and
 * confidences. Importing
 * nothing, so the generated modules and the modules that read them do not import each other.
 */

/** Template / message categories of the rate cards (pricing-rules.md §1.2, §2.5; rate-cards/README.md). */
export type RateCategory =
	'marketing' | 'utility' | 'authentication' | 'authentication_international' | 'service';

// A record typed by the union, so the compiler flags a category added to the type only.
const CATEGORY_SET: Record<RateCategory, true> = {
	marketing: true,
	utility: true,
	authentication: true,
	authentication_international: true,
	service: true
};

/** Every rate category, in the order the app lists them (and data/packed.ts numbers them). */
export const RATE_CATEGORIES = Object.keys(CATEGORY_SET) as readonly RateCategory[];

/** How sure a figure is (rate-cards/README.md); 'user-supplied' marks a card the user imported. */
export type Confidence = 'confirmed' | 'single-source' | 'derived' | 'user-supplied';

/** The confidences a bundled figure can have ('user-supplied' is for imported cards only). */
export type SourceConfidence = Exclude<Confidence, 'user-supplied'>;

// Typed by the union, like CATEGORY_SET.
const SOURCE_CONFIDENCE_SET: Record<SourceConfidence, true> = {
	confirmed: true,
	'single-source': true,
	derived: true
};

/** Every bundled confidence, in the order data/packed.ts numbers them. */
export const SOURCE_CONFIDENCES = Object.keys(SOURCE_CONFIDENCE_SET) as readonly SourceConfidence[];

/** Per-conversation (CBP, cards of 2023-06-01 and 2024-11-01) or per-delivered-message (PMP, from 2025-07-01). */
export type PricingModel = 'CBP' | 'PMP';

export interface RateRow {
	readonly market: string;
	readonly category: RateCategory;
	/** Decimal string exactly as in the source ("0.025" and "0.0250" both kept). */
	readonly rate: string;
	readonly confidence: Confidence;
	readonly source: string;
}

export interface RateCardData {
	/** File name without ".csv", e.g. "2023-06-01-USD". */
	readonly id: string;
	/** First local date in force (YYYY-MM-DD, 12am WABA time zone). */
	readonly effectiveFrom: string;
	/** ISO 4217 code. */
	readonly currency: string;
	readonly model: PricingModel;
	readonly file: string;
	readonly rows: readonly RateRow[];
}

export interface MarketRow {
	readonly market: string;
	/** ISO 3166-1 alpha-2. */
	readonly iso2: string;
	/** Calling-code prefix, digits only; empty when the country cannot be told apart by number (Kazakhstan). */
	readonly prefix: string;
	/** First local date in force (inclusive), null = no dated start. */
	readonly from: string | null;
	/** First local date no longer in force (exclusive), null = no dated end. */
	readonly until: string | null;
}

/** The categories priced by volume tiers (pricing-rules.md §2.4). */
export type TierCategory = Extract<
	RateCategory,
	'utility' | 'authentication' | 'authentication_international'
>;

export interface TierRow {
	readonly market: string;
	readonly category: TierCategory;
	/** Monthly count bounds, inclusive; `to` null for the open top tier. Meta writes the first tier from 0. */
	readonly from: number;
	readonly to: number | null;
	/** Decimal string as in the source. */
	readonly rate: string;
	readonly confidence: Exclude<Confidence, 'user-supplied'>;
	readonly source: string;
}

export interface TierTableData {
	/** File name without ".csv", e.g. "tiers-2026-10-01" (USD) or "tiers-2026-07-01-BRL". */
	readonly id: string;
	readonly effectiveFrom: string;
	readonly currency: string;
	readonly file: string;
	readonly rows: readonly TierRow[];
}
