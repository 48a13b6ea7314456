import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { USE_CASES } from '$lib/domain/use-cases';
import {
	LONG_LINK_CHARS,
	SHARE_PREFIX,
	decodeShareFragment,
	encodeShareFragment,
	shareUrl
} from './share-link';
import { bigScenario } from '../../../tests/fixtures/storage/fresh-db';

/**
 * FROZEN: a link made by the first share-link format (s1), use case 3. It must open forever: if
 * the format changes, add a decoder for the new prefix and keep `s1`.
 */
const FROZEN_V1_LINK =
	'https://example.org/sandbox#s1=N4IgZg9gTgtghgFxALhAdzgWgA5QJYDGeAdgOaYDOBApsXPhAPQCMIANCHTNSiAKoVqAAgJxBQgMxDAKARCA8sWEAjAK4US1ChUwk8CPImoATERGIA3alAqI8ZoRQT0Ex9iCOaC+bPrO8AKgAWymoaWg5OUAgUQmh6gUJwQi4w2AA2hsiJphZWNr7EQhBgycHJ1KkZLgDkMaIupNAAnkXYtDGQUEIATAAsQglwxCZ4dYH0pMYAdEIAYlDU1JidMEKjQsQQCELYEFp4SmnCcQiBECrbSQRqCBDcXYJQ5oTHJEYQaFNu8FAA1tRIVAASQAIm4FqQ8NxeAQlNhMN0AAzdCSYREANjc+m4AC8zDxUABBdRwRgAKTgv2ccDccAIBHOxEBoDAC2oAH1Hs8aOy1K5kMxEUKAL4cOhQKC2PzIADaoEQvCRKLRAE5MMxuv5BcghTrEQBqREAdj1WOoAA9ASBCUIfv99GRypVDK12tk7QCSKQcpZrFLCp0ev1AmwROMoJMTIhSsIPQ7vZKXDMbRc8Gk9C1oIkLsEmYR-U70i60Oc0iYIG1ClczL78nZCsU1tEimhCvVqI0oE0vqL5ValajEWqNVrEcgJGOhYaTUKzZbeDbWYtltBVpA0mkPpgVNg1jFDhACP8jFlTsJro47lYBmINltYvgEC5iKGKBAYws93eRDcrw8rNyrzDB8PYALocNQlhMhQKByiACqoAOqrqpq2q6lOxqmhwCBNG0vApEWLhuO2nZNLwcZenOVpyCoXRwBcKgwIUNhHBEzgxLcRhwN2IC9vB-bIoOw6oWOE56tOWEgDheGoKo6iKFo7LcFocCTFRvAgngJhNOcDiLEUtFFGAYBWAA-LxoHCkAA';

describe('share links', () => {
	it('round-trip every use case through the URL fragment', () => {
		for (const u of USE_CASES) {
			const url = new URL(shareUrl({ origin: 'https://example.org', pathname: '/sandbox' }, u.scenario));
			expect(url.hash.startsWith(`#${SHARE_PREFIX}=`)).toBe(true);
			const decoded = decodeShareFragment(url.hash);
			expect(decoded).toMatchObject({ ok: true, scenario: u.scenario, version: 's1' });
		}
	});

	it('a frozen v1 link still opens', () => {
		const decoded = decodeShareFragment(new URL(FROZEN_V1_LINK).hash);
		expect(decoded?.ok).toBe(true);
		if (!decoded?.ok) return;
		expect(decoded.scenario).toMatchObject({
			format: 'wa-pricing-scenario/1',
			name: 'Use case 3 — One business-initiated conversation started',
			market: 'ID',
			regime: 'cbp-2023-06'
		});
		expect(decoded.scenario.events).toHaveLength(2);
		expect(decoded.scenario.events[0]).toEqual({
			at: '2023-09-12T10:00:00+07:00',
			type: 'template',
			category: 'marketing',
			text: 'Our autumn sale starts today.'
		});
	});

	it('no share fragment → null; a damaged or unknown one → the reason', () => {
		expect(decodeShareFragment('')).toBeNull();
		expect(decodeShareFragment('#main')).toBeNull();
		const good = encodeShareFragment(USE_CASES[0]!.scenario);
		expect(decodeShareFragment(good.slice(0, 40))).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/damaged|invalid/)
		});
		expect(decodeShareFragment('#s1=')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/damaged/)
		});
		expect(decodeShareFragment(`#s9=${good.slice(3)}`)).toMatchObject({
			ok: false,
			version: 's9',
			reason: expect.stringMatching(/newer version/)
		});
		expect(decodeShareFragment('#s0=abc')).toMatchObject({
			ok: false,
			version: 's0',
			reason: expect.stringMatching(/not known/)
		});
	});

	it('a link holding an invalid scenario names the field', () => {
		const bad = { ...USE_CASES[0]!.scenario, timezone: 'Mars/Olympus' };
		const r = decodeShareFragment(encodeShareFragment(bad as never));
		expect(r).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/timezone: must be an IANA time zone/)
		});
	});

	it.each([
		['a UK market', { market: 'UK' }, 'market: UK is not an ISO 3166-1 country code: did you mean GB?'],
		['a +999 market', { market: '+999 123 4567' }, 'market: calling code 999 is not assigned'],
		['an XX market', { market: 'XX' }, 'market: XX is not an assigned ISO 3166-1 country code.'],
		['a 2025-02-30 event', { at: '2025-02-30T10:00:00Z' }, 'event 0 (events.0.at): 2025-02-30 is not a date'],
		['an event without "at"', { at: undefined }, 'event 0 (events.0.at): missing field "at"']
	])('a link holding %s does not open and says which field', (_label, patch, reason) => {
		const s = USE_CASES[0]!.scenario;
		const { at, ...rest } = patch as { at?: string; market?: string };
		const bad =
			'at' in patch
				? { ...s, events: s.events.map((e, i) => (i === 0 ? { ...e, at } : e)) }
				: { ...s, ...rest };
		const r = decodeShareFragment(encodeShareFragment(bad as never));
		expect(r?.ok).toBe(false);
		expect(r && !r.ok ? r.reason : '').toContain(`the scenario in the link is invalid: ${reason}`);
	});

	it('large scenarios compress well but are flagged as long', () => {
		const fragment = encodeShareFragment(bigScenario(2_000));
		expect(fragment.length).toBeGreaterThan(LONG_LINK_CHARS);
		expect(decodeShareFragment(fragment)?.ok).toBe(true);
	});

	it('property: any name and note text survives the round trip', () => {
		fc.assert(
			fc.property(
				fc.string({ minLength: 1, maxLength: 200 }),
				fc.string({ maxLength: 500 }),
				(name, text) => {
					const scenario = {
						...USE_CASES[1]!.scenario,
						name,
						events: [{ at: '2024-01-01T00:00:00Z', type: 'customer_message' as const, text }]
					};
					expect(decodeShareFragment(encodeShareFragment(scenario))).toMatchObject({
						ok: true,
						scenario,
						version: 's1'
					});
				}
			),
			{ numRuns: 150 }
		);
	});

	it('gives back the very JSON text its scenario was checked from (the worker sends that text)', () => {
		for (const s of [bigScenario(500), ...USE_CASES.map((u) => u.scenario)]) {
			const r = decodeShareFragment(encodeShareFragment(s));
			expect(r?.ok).toBe(true);
			if (r?.ok) expect(isDeepStrictEqual(JSON.parse(r.text), r.scenario)).toBe(true);
		}
	});
});
