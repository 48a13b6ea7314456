/**
 * Where a blank scenario starts (issue 14 point 4): today, in the person's own time zone and a market
 * guessed from their language settings, not on the documented use cases' day in Indonesia. Pure: the
 * page passes the clock, the zone and navigator.languages in.
 */
import { iso2Error } from './markets';
import type { Scenario } from './scenario';
import { blankScenario } from './scenario-edits';
import { isValidTimeZone, zonedParts } from './time';
import { asEpochMs, type EpochMs } from './units';

/** When no language names or implies a country; the settings open on a blank scenario, so it is one click to change. */
export const FALLBACK_MARKET = 'US';

/**
 * The country of the first language that names or implies one: "id-ID" → ID, "pt-BR" → BR; a bare
 * "de" is maximized by Intl.Locale to de-Latn-DE → DE. Only assigned ISO 3166-1 codes count
 * ("es-419", a region of the world, does not), else FALLBACK_MARKET.
 */
export function guessMarket(languages: readonly string[]): string {
	for (const tag of languages) {
		let region: string | undefined;
		try {
			const locale = new Intl.Locale(tag);
			region = locale.region ?? locale.maximize().region;
		} catch {
			continue; // not a language tag
		}
		if (region && /^[A-Z]{2}$/.test(region) && iso2Error(region) === null) return region;
	}
	return FALLBACK_MARKET;
}

/** The start of the current hour on the wall clock of the zone: 14:37:12 → 14:00:00 (a half-hour zone too). */
export function startOfLocalHour(now: EpochMs, timeZone: string): EpochMs {
	const p = zonedParts(now, timeZone);
	return asEpochMs(now - (p.minute * 60 + p.second) * 1000 - (((now % 1000) + 1000) % 1000));
}

/** A blank scenario in the zone (UTC when it is not a known one) and guessed market, the playhead at this hour. */
export function blankStart(
	now: EpochMs,
	zone: string | undefined,
	languages: readonly string[]
): { scenario: Scenario; playhead: EpochMs } {
	const timezone = zone && isValidTimeZone(zone) ? zone : 'UTC';
	return {
		scenario: blankScenario(timezone, guessMarket(languages)),
		playhead: startOfLocalHour(now, timezone)
	};
}
