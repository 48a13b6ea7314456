/**
 * The packed scenario (scenario-pack.ts): lossless on any scenario (events in order, every `at` the
 * very text, text and captions kept), compact on runs, and strict on the way in: whatever bytes it
 * is given, it refuses or gives a scenario the schema accepts, never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_EVENTS, validateScenario, type Scenario } from '$lib/domain/scenario';
import { parseInstant } from '$lib/domain/time';
import { USE_CASES } from '$lib/domain/use-cases';
import { packScenario, unpackScenario } from './scenario-pack';
import { largeScenario } from '../../../tests/helpers/large-scenario';
import { scenarioArb } from '../../../tests/helpers/scenario-arb';

const MIN_LOCAL = Date.UTC(2000, 0, 1);
const MAX_LOCAL = Date.UTC(2101, 0, 1) - 1;
const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/**
 * An `at` text of a local time with an offset, in one of the ways people and tools write it: some
 * pack (what toISOString or the editor writes), some do not (no seconds, a 1-digit fraction, -00:00).
 */
const atArb = fc
	.record({
		local: fc.integer({ min: MIN_LOCAL, max: MAX_LOCAL }),
		lattice: fc.constantFrom(1, 1000, 60_000, 3_600_000),
		offset: fc.oneof(
			fc.constantFrom(0, 330, 345, 420, -180, -570, 840, -720, 23 * 60 + 59),
			fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })
		),
		zone: fc.constantFrom('Z', 'offset', '-00:00'),
		millis: fc.constantFrom('always', 'when-set', 'one-digit'),
		seconds: fc.boolean()
	})
	.map((r) => {
		const local = r.local - (r.local % r.lattice);
		const iso = new Date(local).toISOString();
		const ms = local % 1000;
		let text = r.seconds || iso.slice(16, 23) !== ':00.000' ? iso.slice(0, 19) : iso.slice(0, 16);
		if (text.length === 19) {
			if (r.millis === 'always' || ms !== 0) text = iso.slice(0, 23);
			if (r.millis === 'one-digit' && ms % 100 === 0 && ms !== 0) text = iso.slice(0, 21);
		}
		if (r.zone === 'Z') return text + 'Z';
		if (r.zone === '-00:00') return text + '-00:00';
		return `${text}${r.offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(r.offset) / 60))}:${pad(Math.abs(r.offset) % 60)}`;
	});

const note = fc.option(fc.string({ maxLength: 40 }), { nil: undefined, freq: 4 });
/** Any valid event, fields in the schema's order (what validation gives back). */
const eventArb = fc.oneof(
	fc.record(
		{
			at: atArb,
			type: fc.constant('customer_message' as const),
			entry_point: fc.constantFrom(undefined, undefined, 'ctwa_ad' as const, 'page_cta' as const),
			text: note,
			caption: note
		},
		{ requiredKeys: ['at', 'type'] }
	),
	fc.record(
		{
			at: atArb,
			type: fc.constant('business_message' as const),
			delivered: fc.constantFrom(undefined, true, false),
			text: note,
			caption: note
		},
		{ requiredKeys: ['at', 'type'] }
	),
	fc.record(
		{
			at: atArb,
			type: fc.constant('template' as const),
			category: fc.constantFrom('marketing' as const, 'utility' as const, 'authentication' as const),
			delivered: fc.constantFrom(undefined, true, false),
			text: note,
			caption: note
		},
		{ requiredKeys: ['at', 'type', 'category'] }
	)
);

/** Optional keys generated as undefined are absent, as in a file. */
const clean = (e: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as Scenario['events'][number];

const scenarioWithEvents = fc
	.tuple(scenarioArb, fc.array(eventArb, { maxLength: 40 }))
	.map(([s, events]) => ({ ...s, events: events.map(clean) }) as Scenario);

/** A payload written by hand: a header, kind bytes, times (ms, written as steps) and offsets. */
function craft(
	header: Record<string, unknown>,
	kinds: number[],
	times: number[],
	offsets: number[] = []
): Uint8Array {
	const h: Record<string, unknown> = {
		...header,
		scenario: header.scenario ?? { ...USE_CASES[0]!.scenario, events: [] }
	};
	const out: number[] = [];
	const varint = (n: number) => {
		for (; n >= 128; n = Math.floor(n / 128)) out.push((n % 128) | 128);
		out.push(n);
	};
	const zigzag = (n: number) => varint(n < 0 ? -2 * n - 1 : 2 * n);
	const json = new TextEncoder().encode(JSON.stringify(h));
	varint(json.length);
	out.push(...json, ...kinds);
	let previous = 0;
	for (const t of times) {
		zigzag((t - previous) / (h.unit as number));
		previous = t;
	}
	offsets.forEach(zigzag);
	return Uint8Array.from(out);
}

function roundTrip(s: Scenario): Scenario {
	const r = unpackScenario(packScenario(s));
	if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
	return r.scenario;
}

describe('packScenario / unpackScenario', () => {
	it('property: gives back the very scenario, key order included', () => {
		fc.assert(
			fc.property(scenarioWithEvents, (s) => {
				expect(validateScenario(s).ok).toBe(true);
				const back = roundTrip(s);
				expect(back).toStrictEqual(s);
				expect(JSON.stringify(back)).toBe(JSON.stringify(s));
			}),
			{ numRuns: 400 }
		);
	});

	it('gives each event its instant, by event index', () => {
		fc.assert(
			fc.property(scenarioWithEvents, (s) => {
				const r = unpackScenario(packScenario(s));
				expect(r.ok).toBe(true);
				if (r.ok) expect([...r.at]).toEqual(s.events.map((e) => parseInstant(e.at)));
			}),
			{ numRuns: 100 }
		);
	});

	it('every use case and a large run round-trip', () => {
		for (const u of USE_CASES) expect(roundTrip(u.scenario)).toStrictEqual(u.scenario);
		const large = validateScenario(largeScenario(20_000));
		expect(large.ok).toBe(true);
		if (large.ok) expect(roundTrip(large.scenario)).toStrictEqual(large.scenario);
	});

	it('packs a run of plain events into a few bytes each: no extras', () => {
		const s = largeScenario(10_000) as Scenario;
		const payload = packScenario(s);
		// One kind byte and one or two time bytes (minutes) an event, and a small header.
		expect(payload.length).toBeLessThan(10_000 * 3 + 1_000);
		expect(new TextDecoder().decode(payload.subarray(0, 400))).toContain('"extras":[]');
	});

	it('events written in the editor’s way (zone offset, .000 left out) pack too', () => {
		const s: Scenario = {
			...USE_CASES[0]!.scenario,
			events: [
				{ at: '2025-03-01T10:00:00+05:30', type: 'customer_message' },
				{ at: '2025-03-01T10:00:00.250+05:45', type: 'business_message', delivered: false },
				{ at: '2025-03-01T10:00:00.000-03:00', type: 'template', category: 'utility' },
				{ at: '2025-03-01T10:00:00+00:00', type: 'customer_message', entry_point: 'page_cta' },
				{ at: '2025-03-01T10:00:00Z', type: 'business_message' }
			]
		};
		expect(new TextDecoder().decode(packScenario(s))).toContain('"extras":[]');
		expect(roundTrip(s)).toStrictEqual(s);
	});

	it('an invalid scenario packs, and unpacking names its problem at the event’s own index', () => {
		const s = USE_CASES[0]!.scenario;
		const bad = {
			...s,
			events: [...s.events, { at: '2025-02-30T10:00:00Z', type: 'customer_message' }]
		} as Scenario;
		const r = unpackScenario(packScenario(bad));
		expect(r).toMatchObject({
			ok: false,
			error: { event: s.events.length, path: `events.${s.events.length}.at` }
		});
		const noEvents = unpackScenario(packScenario({ ...s, events: 'none' } as never));
		expect(noEvents).toMatchObject({ ok: false, error: { path: 'events' } });
	});

	it('what is not an object at all packs too, and is refused on unpacking (the fuzz found undefined)', () => {
		for (const notAScenario of [undefined, null, 5, 'text', []])
			expect(unpackScenario(packScenario(notAScenario as never)).ok).toBe(false);
	});

	it('a count past the schema’s limit is refused before any event is read', () => {
		const payload = craft({ events: MAX_SCENARIO_EVENTS + 1, unit: 1, extras: [] }, [], []);
		expect(unpackScenario(payload)).toEqual({
			ok: false,
			error: { path: 'events', message: `must hold at most ${MAX_SCENARIO_EVENTS} events` }
		});
	});

	it('crafted events are checked: instants in the schema’s years, offsets up to ±23:59, known kinds', () => {
		const one = { events: 1, unit: 1, extras: [] };
		const ok = (t: number, kind = 0, offsets: number[] = []) =>
			unpackScenario(craft(one, [kind], [t], offsets));
		expect(ok(Date.UTC(2000, 0, 1))).toMatchObject({
			ok: true,
			scenario: { events: [{ at: '2000-01-01T00:00:00Z', type: 'customer_message' }] }
		});
		expect(ok(Date.UTC(2101, 0, 1) - 1)).toMatchObject({ ok: true });
		expect(ok(Date.UTC(1999, 11, 31, 23, 59, 59, 999))).toEqual({ ok: false, error: null });
		expect(ok(Date.UTC(2101, 0, 1))).toEqual({ ok: false, error: null });
		// With an offset the local date counts: 2100-12-31T23:30Z is 2101 at +01:00.
		expect(ok(Date.UTC(2100, 11, 31, 23, 30), 16, [60])).toEqual({ ok: false, error: null });
		expect(ok(Date.UTC(2050, 0, 1), 16, [23 * 60 + 59])).toMatchObject({
			ok: true,
			scenario: { events: [{ at: '2050-01-01T23:59:00+23:59' }] }
		});
		expect(ok(Date.UTC(2050, 0, 1), 16, [24 * 60])).toEqual({ ok: false, error: null });
		expect(ok(Date.UTC(2050, 0, 1), 15)).toEqual({ ok: false, error: null });
		expect(ok(Date.UTC(2050, 0, 1), 64)).toEqual({ ok: false, error: null });
		// Fewer or more bytes than the events need.
		expect(unpackScenario(craft({ ...one, events: 2 }, [0], [Date.UTC(2050, 0, 1)]))).toEqual({
			ok: false,
			error: null
		});
		expect(unpackScenario(craft(one, [0], [Date.UTC(2050, 0, 1)], [0]))).toEqual({ ok: false, error: null });
	});

	it('a header whose extras do not match its events is refused', () => {
		const s = { ...USE_CASES[0]!.scenario };
		for (const header of [
			{ events: 1, unit: 1, extras: [0, 0], scenario: s },
			{ events: 2, unit: 1, extras: [1, 0], scenario: { ...s, events: [s.events[0], s.events[1]] } },
			{ events: 2, unit: 1, extras: [0, 2], scenario: { ...s, events: [s.events[0], s.events[1]] } },
			{ events: 1, unit: 1, extras: [0], scenario: { ...s, events: [] } },
			{ events: 1, unit: 7, extras: [0], scenario: { ...s, events: [s.events[0]] } },
			{ events: 1.5, unit: 1, extras: [], scenario: { ...s, events: [] } },
			{ events: 0, unit: 1, extras: [], scenario: [] }
		])
			expect(unpackScenario(craft(header, [], []))).toEqual({ ok: false, error: null });
	});

	it('property: any damage is refused or still gives a valid scenario, never a throw', () => {
		const base = packScenario(largeScenario(200) as Scenario);
		const withExtras = packScenario(USE_CASES[2]!.scenario);
		fc.assert(
			fc.property(
				fc.constantFrom(base, withExtras),
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
				fc.constantFrom('flip', 'cut', 'grow'),
				(payload, edits, how) => {
					let bytes = Uint8Array.from(payload);
					if (how === 'flip') for (const [i, b] of edits) bytes[i % bytes.length] = b;
					else if (how === 'cut') bytes = bytes.subarray(0, edits[0]![0] % bytes.length);
					else bytes = new Uint8Array([...bytes, ...edits.map(([, b]) => b)]);
					const r = unpackScenario(bytes);
					if (r.ok) {
						expect(validateScenario(structuredClone(r.scenario)).ok).toBe(true);
						expect([...r.at]).toEqual(r.scenario.events.map((e) => parseInstant(e.at)));
					}
					if (how === 'grow') expect(r.ok).toBe(false);
				}
			),
			{ numRuns: 1500 }
		);
	});

	it('garbage is refused as damaged', () => {
		for (const bytes of [
			new Uint8Array(),
			new Uint8Array([0]),
			new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255]),
			new TextEncoder().encode('\u0005hello'),
			new Uint8Array([2, 0x7b, 0x7d]) // {}
		])
			expect(unpackScenario(bytes)).toEqual({ ok: false, error: null });
	});
});
