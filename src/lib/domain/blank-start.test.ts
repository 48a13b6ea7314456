import { describe, expect, it } from 'vitest';
import { asEpochMs } from './units';
import { blankStart, FALLBACK_MARKET, guessMarket, startOfLocalHour } from './blank-start';

describe('blank start', () => {
	it('guesses the market from the first language that names or implies a country', () => {
		expect(guessMarket(['id-ID', 'en-US'])).toBe('ID');
		expect(guessMarket(['pt-BR'])).toBe('BR');
		expect(guessMarket(['de'])).toBe('DE');
		expect(guessMarket(['es-419', 'es-MX'])).toBe('MX');
		expect(guessMarket(['not a tag', 'fr-FR'])).toBe('FR');
		expect(guessMarket([])).toBe(FALLBACK_MARKET);
	});

	it('starts at the current hour on the zone’s wall clock', () => {
		const now = asEpochMs(Date.parse('2026-12-02T10:37:12.345Z'));
		expect(new Date(startOfLocalHour(now, 'UTC')).toISOString()).toBe('2026-12-02T10:00:00.000Z');
		// India is UTC+05:30: 16:07 local → 16:00 local = 10:30Z.
		expect(new Date(startOfLocalHour(now, 'Asia/Kolkata')).toISOString()).toBe('2026-12-02T10:30:00.000Z');
	});

	it('falls back to UTC for a zone it does not know', () => {
		const s = blankStart(asEpochMs(Date.parse('2026-12-02T10:37:00Z')), 'Mars/Olympus', ['en-GB']);
		expect(s.scenario.timezone).toBe('UTC');
		expect(s.scenario.market).toBe('GB');
		expect(new Date(s.playhead).toISOString()).toBe('2026-12-02T10:00:00.000Z');
	});
});
