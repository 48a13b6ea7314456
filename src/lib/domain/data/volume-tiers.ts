/**
 * Volume tiers for utility and authentication under per-message pricing (pricing-rules.md §2.4):
 * graduated, per business portfolio, market and category, reset monthly. Only what is known is here:
 * the upper bound of the list-rate tier (tier 0) for India, from a third-party reading of Meta's INR
 * card (S34, 2026-07). The rates of the tiers above it, and every other market's bounds, are not
 * known: the engine says so instead of guessing.
 */
export interface KnownTier {
	/** Messages charged this month at the list rate before the next (lower, unknown) tier starts. */
	listRateUpTo: number;
	source: string;
}

export const VOLUME_TIERS: Readonly<
	Record<string, Partial<Record<'utility' | 'authentication', KnownTier>>>
> = {
	India: {
		utility: {
			listRateUpTo: 25_000_000,
			source: 'Meta INR card 2026-07 as read by a third party (S34): list tier 0–25M'
		},
		authentication: {
			listRateUpTo: 750_000,
			source: 'Meta INR card 2026-07 as read by a third party (S34): list tier 0–750K'
		}
	}
};
