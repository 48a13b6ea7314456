/**
 * The pricing regimes the sandbox models (pricing-rules.md §0 and §7). Each regime is in force from
 * 12am of its start date in the business account's time zone (Meta: "based on WhatsApp Business
 * Account time zone", §1.1) until the next one starts.
 */
import type { PricingModel } from './rate-card';

export type RegimeId = 'cbp-2023-06' | 'cbp-2024-11' | 'pmp-2025-07' | 'pmp-2026-10';

export interface Regime {
	id: RegimeId;
	label: string;
	/** First local date in force (inclusive). */
	startsOn: string;
	model: PricingModel;
	/** In words; the rules themselves (what is free, what is charged) are rows of src/lib/engine/rules.ts. */
	summary: string;
	source: string;
}

export const REGIMES: readonly Regime[] = [
	{
		id: 'cbp-2023-06',
		label: 'Conversation-based, 4 categories (June 2023)',
		startsOn: '2023-06-01',
		model: 'CBP',
		summary:
			'Charged per 24-hour conversation of each category; 1,000 free service conversations per account per month.',
		source: 'Meta, conversation-based pricing, effective 2023-06-01 (pricing-rules.md §1)'
	},
	{
		id: 'cbp-2024-11',
		label: 'Conversation-based, service free (November 2024)',
		startsOn: '2024-11-01',
		model: 'CBP',
		summary: 'As June 2023, but every service conversation is free.',
		source:
			'Meta, "As of November 1, 2024, you can open an unlimited number of service conversations at no charge" (§2.1)'
	},
	{
		id: 'pmp-2025-07',
		label: 'Per-message (July 2025)',
		startsOn: '2025-07-01',
		model: 'PMP',
		summary:
			'Each delivered template is charged; non-template messages and utility templates inside the customer service window are free.',
		source: 'Meta, per-message pricing, effective 2025-07-01 (pricing-rules.md §2.2)'
	},
	{
		id: 'pmp-2026-10',
		label: 'Per-message, service charged (October 2026)',
		startsOn: '2026-10-01',
		model: 'PMP',
		summary:
			"Service messages charged at the market's utility rate; utility templates inside the window charged; free entry point still free.",
		source: 'Meta, "Pricing for non-template messages", effective 2026-10-01 (pricing-rules.md §2.6)'
	}
];

export const REGIME_IDS = REGIMES.map((r) => r.id) as readonly RegimeId[];

const byId = new Map(REGIMES.map((r) => [r.id, r]));

export function regimeById(id: RegimeId): Regime {
	const r = byId.get(id);
	if (!r) throw new Error(`unknown regime ${id}`);
	return r;
}

export const isRegimeId = (s: unknown): s is RegimeId => typeof s === 'string' && byId.has(s as RegimeId);

/**
 * The regime in force on a local date. Dates before June 2023 fall under the earliest modelled
 * regime; the ledger says so (the earlier business-/user-initiated model is not modelled).
 */
export function regimeOnDate(date: string): Regime {
	let found = REGIMES[0] as Regime;
	for (const r of REGIMES) if (r.startsOn <= date) found = r;
	return found;
}

/** Meta paused marketing templates to US numbers from 2025-04-01 (BSP notices, pricing-rules.md §2.7). */
export const US_MARKETING_PAUSE_FROM = '2025-04-01';

/** Dates on which authentication-international rates start per market (pricing-rules.md §2.5). */
export const AUTH_INTERNATIONAL_FROM: Readonly<Record<string, string>> = {
	Indonesia: '2024-06-01',
	India: '2024-07-01',
	Egypt: '2025-02-01',
	Malaysia: '2025-02-01',
	Nigeria: '2025-02-01',
	Pakistan: '2025-02-01',
	'Saudi Arabia': '2025-02-01',
	'South Africa': '2025-02-01',
	'United Arab Emirates': '2025-02-01',
	Bangladesh: '2026-10-01',
	Iraq: '2026-10-01',
	Kazakhstan: '2026-10-01',
	Kuwait: '2026-10-01',
	Morocco: '2026-10-01',
	Nepal: '2026-10-01',
	Oman: '2026-10-01',
	'Sri Lanka': '2026-10-01',
	Ukraine: '2026-10-01'
};

/** CBP 2023: "Each WhatsApp Business Account gets 1,000 free service conversations each month" (§1.7). */
export const CBP_FREE_SERVICE_CONVERSATIONS = 1000;
/** 2026-10: 1,000 free service messages per phone number per month — third-party quotes only (§2.6, UNCONFIRMED). */
export const PMP_FREE_SERVICE_MESSAGES = 1000;
