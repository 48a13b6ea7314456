import { deflateSync } from 'fflate';
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from '$lib/domain/scenario';
import { parseInstant } from '$lib/domain/time';
import { USE_CASES } from '$lib/domain/use-cases';
import { encodeBase64Url } from './base64url';
import { packScenario, unpackScenario } from './scenario-pack';
import {
	LONG_LINK_CHARS,
	MAX_FRAGMENT_CHARS,
	SHARE_PREFIX,
	decodeShareFragment,
	encodeShareFragment,
	readShareFragment,
	shareUrl
} from './share-link';
import { bigScenario } from '../../../tests/fixtures/storage/fresh-db';
import { largeScenario } from '../../../tests/helpers/large-scenario';
import { scenarioArb } from '../../../tests/helpers/scenario-arb';

/**
 * FROZEN: a link made by the first share-link format (s1), use case 3. It must open forever: if
 * the format changes, add a decoder for the new prefix and keep `s1`.
 */
/**
 * FROZEN: a link made by the second format (s2, the packed scenario): use case 3 with three more
 * events, packed ones among them. It must open forever, like the s1 one.
 */
const FROZEN_V2_FRAGMENT =
	's2=jVO9jtNAEK5AtHSUo20osHNOwo9wg046IUFzzVEhdJrYk2R19o61P2dCFOneAIToeAEegJqagoZXuI63YNaOE04K0knWyp6ZnW--7_N8vLdWdEnGO5U_SVQw2qt8nCh67y1K7G2WjN8lyhVk0GpW-VrN2dYoVarFtLG60GaRDvmjsUqUwZok_cYRFCjHFK6vvsCpIZgFpw05l2rB0eiphILNJVmHXrMB59FKUHqU5AqrmxiVVmfL_d2-yEGr_RIQPNVNJZ1yeb_Ri-fg5dqQf-hkGE8LtivghowD4QGTxyBNTAla0ku0CypH8NISpZFljBr20LBzelZRh8nBR6jgPNdkwZG91EVMmZLbkYxeo72gqM-rE_mytNCdHMWsSSfZZJpmTyXsJfiBTUwcO41Hr_FCWKFksCg4GLkvSssg51uA8-BEmHycZdkmSmxtR1McWqvOjb7383Q8ORtneRafR9kzOSOa2BmRoJ9NHNvpshUD_0ndkHFQKRn0AfSdsPt6mYRGcAzB60p7kdcCBikxXovksckOrOVQlR3kAbu0uMqt2fk0UpvkILnpYXJRrt63OVcVt2loooOziosLKvNu6p1vS-y9ba32nkwCjmOBpd70_xu8kXUYNuZW2q-a6PIggUQGfhLdibjncRo6-UIt64Dyz21_d88l3lqRHnLYmPNaDlxE6C3GiS5hxUG4if-Cx_M52RdCbbO5fye9-nH96ffs-59vD359_jr9efcv';

/** An s1 link as the first format made it: lz-string of the JSON. */
const v1Fragment = (scenario: unknown) =>
	`s1=${LZString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;

const FROZEN_V1_LINK =
	'https://example.org/sandbox#s1=N4IgZg9gTgtghgFxALhAdzgWgA5QJYDGeAdgOaYDOBApsXPhAPQCMIANCHTNSiAKoVqAAgJxBQgMxDAKARCA8sWEAjAK4US1ChUwk8CPImoATERGIA3alAqI8ZoRQT0Ex9iCOaC+bPrO8AKgAWymoaWg5OUAgUQmh6gUJwQi4w2AA2hsiJphZWNr7EQhBgycHJ1KkZLgDkMaIupNAAnkXYtDGQUEIATAAsQglwxCZ4dYH0pMYAdEIAYlDU1JidMEKjQsQQCELYEFp4SmnCcQiBECrbSQRqCBDcXYJQ5oTHJEYQaFNu8FAA1tRIVAASQAIm4FqQ8NxeAQlNhMN0AAzdCSYREANjc+m4AC8zDxUABBdRwRgAKTgv2ccDccAIBHOxEBoDAC2oAH1Hs8aOy1K5kMxEUKAL4cOhQKC2PzIADaoEQvCRKLRAE5MMxuv5BcghTrEQBqREAdj1WOoAA9ASBCUIfv99GRypVDK12tk7QCSKQcpZrFLCp0ev1AmwROMoJMTIhSsIPQ7vZKXDMbRc8Gk9C1oIkLsEmYR-U70i60Oc0iYIG1ClczL78nZCsU1tEimhCvVqI0oE0vqL5ValajEWqNVrEcgJGOhYaTUKzZbeDbWYtltBVpA0mkPpgVNg1jFDhACP8jFlTsJro47lYBmINltYvgEC5iKGKBAYws93eRDcrw8rNyrzDB8PYALocNQlhMhQKByiACqoAOqrqpq2q6lOxqmhwCBNG0vApEWLhuO2nZNLwcZenOVpyCoXRwBcKgwIUNhHBEzgxLcRhwN2IC9vB-bIoOw6oWOE56tOWEgDheGoKo6iKFo7LcFocCTFRvAgngJhNOcDiLEUtFFGAYBWAA-LxoHCkAA';

describe('share links', () => {
	it('round-trip every use case through the URL fragment', () => {
		for (const u of USE_CASES) {
			const url = new URL(shareUrl({ origin: 'https://example.org', pathname: '/sandbox' }, u.scenario));
			expect(url.hash.startsWith(`#${SHARE_PREFIX}=`)).toBe(true);
			const decoded = decodeShareFragment(url.hash);
			expect(decoded).toEqual({ ok: true, scenario: u.scenario, version: 's2' });
		}
		expect(SHARE_PREFIX).toBe('s2');
	});

	it('a frozen v2 link still opens, every field and text as it was', () => {
		const decoded = decodeShareFragment(`#${FROZEN_V2_FRAGMENT}`);
		expect(decoded?.ok).toBe(true);
		if (!decoded?.ok) return;
		const uc3 = USE_CASES.find((u) => u.scenario.name.startsWith('Use case 3'))!.scenario;
		expect(decoded).toEqual({
			ok: true,
			version: 's2',
			scenario: {
				...uc3,
				events: [
					...uc3.events,
					{ at: '2023-09-12T18:00:00+07:00', type: 'customer_message', entry_point: 'ctwa_ad' },
					{ at: '2023-09-12T18:05:00.250Z', type: 'business_message', delivered: false },
					{ at: '2023-09-13T09:00:00.000Z', type: 'template', category: 'authentication', delivered: true }
				]
			}
		});
	});

	it('s1 links still open, view fields after them too', () => {
		for (const u of USE_CASES) {
			expect(decodeShareFragment(`#${v1Fragment(u.scenario)}`)).toEqual({
				ok: true,
				scenario: u.scenario,
				version: 's1'
			});
		}
		expect(decodeShareFragment(`#${v1Fragment(USE_CASES[1]!.scenario)}&t=0&view=compare`)).toMatchObject({
			ok: true,
			version: 's1'
		});
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
		expect(decodeShareFragment('#s2=')).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/damaged/)
		});
		expect(decodeShareFragment(`#s9=${good.slice(3)}`)).toMatchObject({
			ok: false,
			version: 's9',
			reason: expect.stringMatching(/newer version/)
		});
		expect(decodeShareFragment(`#s3=${good.slice(3)}`)).toMatchObject({
			ok: false,
			version: 's3',
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
		// bigScenario's regular minutes pack into a few hundred characters; largeScenario's mix does not.
		expect(encodeShareFragment(bigScenario(2_000)).length).toBeLessThan(1_000);
		const fragment = encodeShareFragment(largeScenario(10_000) as Scenario);
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
					expect(decodeShareFragment(encodeShareFragment(scenario))).toEqual({
						ok: true,
						scenario,
						version: 's2'
					});
				}
			),
			{ numRuns: 150 }
		);
	});

	it('property: any scenario survives the link, its events with text, captions and odd offsets', () => {
		const at = fc
			.tuple(
				fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2099, 0, 1) }),
				fc.constantFrom('Z', '+05:30', '-09:30', '+05:45', '+00:00', '+14:00'),
				fc.constantFrom(0, 23, 19),
				fc.constantFrom(1, 1000, 60_000)
			)
			.map(([t, zone, cut, lattice]) => {
				const local = new Date(t - (t % lattice)).toISOString();
				return (cut ? local.slice(0, cut) : local.slice(0, -1)) + zone;
			});
		const note = fc.option(fc.string({ maxLength: 30 }), { nil: undefined, freq: 3 });
		const event = fc
			.record({
				at,
				kind: fc.constantFrom(0, 1, 2),
				category: fc.constantFrom('marketing', 'utility', 'authentication'),
				delivered: fc.constantFrom(undefined, true, false),
				entry: fc.constantFrom(undefined, 'ctwa_ad', 'page_cta'),
				text: note,
				caption: note
			})
			.map((r) => {
				const e: Record<string, unknown> =
					r.kind === 0
						? { at: r.at, type: 'customer_message', entry_point: r.entry }
						: r.kind === 1
							? { at: r.at, type: 'business_message', delivered: r.delivered }
							: { at: r.at, type: 'template', category: r.category, delivered: r.delivered };
				e.text = r.text;
				e.caption = r.caption;
				return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined));
			});
		fc.assert(
			fc.property(scenarioArb, fc.array(event, { maxLength: 30 }), (base, events) => {
				const checked = validateScenario({ ...base, events });
				expect(checked.ok).toBe(true);
				if (!checked.ok) return;
				const scenario = checked.scenario;
				const decoded = decodeShareFragment(encodeShareFragment(scenario));
				expect(decoded).toEqual({ ok: true, scenario, version: 's2' });
				if (decoded?.ok) expect(JSON.stringify(decoded.scenario)).toBe(JSON.stringify(scenario));
			}),
			{ numRuns: 300 }
		);
	});

	it('an s2 link is a fraction of an s1 one; reading it gives the payload and instants the worker hands on', () => {
		const large = largeScenario(20_000) as Scenario;
		const s2 = encodeShareFragment(large);
		const s1 = v1Fragment(large);
		expect(s2.length).toBeLessThan(s1.length / 4);
		const read = readShareFragment(`#${s2}`);
		expect(read?.result.ok).toBe(true);
		if (!read?.result.ok || !read.payload || !read.at) throw new Error('no payload');
		expect(read.result.scenario).toEqual(large);
		expect(read.at[19_999]).toBe(parseInstant(large.events[19_999]!.at));
		const unpacked = unpackScenario(read.payload, { trusted: true });
		expect(unpacked.ok && unpacked.scenario).toEqual(large);
		// An s1 link has no payload: the worker packs its scenario.
		expect(readShareFragment(`#${s1}`)).toEqual({ result: { ok: true, scenario: large, version: 's1' } });
	});

	it('a damaged, cut, garbled or oversized s2 link says why, never throws', () => {
		const good = encodeShareFragment(USE_CASES[3]!.scenario);
		const damaged = expect.stringMatching(/^the link is damaged/);
		for (const fragment of [
			good.slice(0, -12),
			good.slice(0, 10),
			`${good.slice(0, 40)}!${good.slice(41)}`,
			`${good.slice(0, 40)}+${good.slice(41)}`,
			`${good}.`,
			`${good})`,
			's2=A',
			's2=AAAA',
			`s2=${encodeBase64Url(deflateSync(new TextEncoder().encode('{"not":"a scenario"}')))}`,
			`s2=${encodeBase64Url(deflateSync(new Uint8Array(1000)))}`,
			`s2=${encodeBase64Url(deflateSync(packScenario(USE_CASES[3]!.scenario).subarray(0, 200)))}`
		])
			expect(decodeShareFragment(`#${fragment}`)).toEqual({ ok: false, version: 's2', reason: damaged });
		// Bytes after the end of the deflated stream are not read: the scenario is whole.
		expect(decodeShareFragment(`#${good}AAAA`)).toEqual(decodeShareFragment(`#${good}`));
		// Deflate expands up to ~1,000 times: a small link holding a huge payload is refused unexpanded.
		const bomb = `s2=${encodeBase64Url(deflateSync(new Uint8Array(30_000_000), { level: 9 }))}`;
		expect(bomb.length).toBeLessThan(60_000);
		expect(decodeShareFragment(bomb)).toEqual({
			ok: false,
			version: 's2',
			reason: 'the scenario in the link is too large.'
		});
		expect(decodeShareFragment(`s2=${'A'.repeat(MAX_FRAGMENT_CHARS)}`)).toEqual({
			ok: false,
			version: 's2',
			reason: 'the link is too long to open.'
		});
	});

	it('property: random fragments after s2= are refused with a reason (or open), never a throw', () => {
		const good = encodeShareFragment(largeScenario(300) as Scenario);
		fc.assert(
			fc.property(
				fc.oneof(
					fc.stringMatching(/^[A-Za-z0-9_-]{0,80}$/),
					fc.tuple(fc.nat(), fc.constantFrom(...'AZaz09-_')).map(([i, c]) => {
						const k = 3 + (i % (good.length - 3));
						return good.slice(3, k) + c + good.slice(k + 1);
					})
				),
				(payload) => {
					const r = decodeShareFragment(`#s2=${payload}`);
					expect(r).not.toBeNull();
					if (r && !r.ok) expect(r.reason).toMatch(/^the (link|scenario in the link) /);
					if (r?.ok) expect(validateScenario(structuredClone(r.scenario)).ok).toBe(true);
				}
			),
			{ numRuns: 500 }
		);
	});
});
