/**
 * A scenario as compact bytes: the payload of the `s2` share link (share-link.ts deflates it), and
 * what the pricing worker hands the page for a long link (a few hundred KB where the JSON is 5 MB).
 * Lossless: unpacking gives a scenario deep-equal to the one packed, events in the same order, every
 * `at` the very text it was. Layout, columns kept apart so deflate finds their repeats:
 *
 *   varint   the header's length in bytes
 *   header   UTF-8 JSON { events: count, unit: ms, extras: [indexes], scenario }: the scenario with
 *            `events` holding only the extras, the events that cannot be packed (text, a caption,
 *            an unknown field, an `at` written some other way), whole and in order
 *   kinds    one byte per packed event: its kind (type, category, entry point, delivered) and how
 *            its `at` is written (Z or an offset; `.000` or not)
 *   times    per packed event, its instant less the previous packed event's, in `unit` ms
 *            (zigzag varint: events out of time order give negative steps)
 *   offsets  per packed event written with an offset, the offset in minutes (zigzag varint)
 *
 * Unpacking checks the header (and so the extras) with the scenario schema; packed events are valid
 * by construction but for their instants, each checked against the years the schema accepts. A
 * payload that is cut, padded or inconsistent anywhere is refused, never half read.
 */
import {
	MAX_SCENARIO_EVENTS,
	validateScenario,
	type Scenario,
	type ScenarioError,
	type ScenarioEvent
} from '$lib/domain/scenario';
import { pad2 } from '$lib/domain/format';
import { parseInstant, SUPPORTED_YEARS } from '$lib/domain/time';

/** Why a payload cannot be unpacked: damaged (null) or holding an invalid scenario (the first error). */
export type UnpackResult =
	{ ok: true; scenario: Scenario; at: Float64Array } | { ok: false; error: ScenarioError | null };

type Maker = (at: string) => ScenarioEvent;
/**
 * Every packable kind of event, by code: object literals in the schema's key order, so unpacked
 * events read as validated ones do. Codes are part of the format: append, never reorder.
 */
const KINDS: readonly Maker[] = [
	(at) => ({ at, type: 'customer_message' }),
	(at) => ({ at, type: 'customer_message', entry_point: 'ctwa_ad' }),
	(at) => ({ at, type: 'customer_message', entry_point: 'page_cta' }),
	(at) => ({ at, type: 'business_message' }),
	(at) => ({ at, type: 'business_message', delivered: true }),
	(at) => ({ at, type: 'business_message', delivered: false }),
	(at) => ({ at, type: 'template', category: 'marketing' }),
	(at) => ({ at, type: 'template', category: 'marketing', delivered: true }),
	(at) => ({ at, type: 'template', category: 'marketing', delivered: false }),
	(at) => ({ at, type: 'template', category: 'utility' }),
	(at) => ({ at, type: 'template', category: 'utility', delivered: true }),
	(at) => ({ at, type: 'template', category: 'utility', delivered: false }),
	(at) => ({ at, type: 'template', category: 'authentication' }),
	(at) => ({ at, type: 'template', category: 'authentication', delivered: true }),
	(at) => ({ at, type: 'template', category: 'authentication', delivered: false })
];
const KIND_BITS = 15;
/** `at` written with an offset (+07:00), not Z. */
const OFFSET_FORM = 16;
/** `at` written with milliseconds even when they are .000. */
const MILLIS_FORM = 32;

// Maps, not objects: a category "toString" must not find Object.prototype's.
const CATEGORY_CODE = new Map<unknown, number>([
	['marketing', 6],
	['utility', 9],
	['authentication', 12]
]);
const ENTRY_CODE = new Map<unknown, number>([
	['ctwa_ad', 1],
	['page_cta', 2]
]);

/** The schema's instants name local dates in SUPPORTED_YEARS (time.ts): a local time in ms from epoch. */
const MIN_LOCAL = Date.UTC(SUPPORTED_YEARS.from, 0, 1);
const MAX_LOCAL = Date.UTC(SUPPORTED_YEARS.to + 1, 0, 1) - 1;
/** An offset the schema accepts: up to ±23:59. */
const MAX_OFFSET_MIN = 23 * 60 + 59;
const UNITS = [60_000, 1000, 1] as const;
/** Varints of at most 7 bytes (49 bits): exact as numbers, and wide enough for any step in range. */
const MAX_VARINT_BYTES = 7;

/** The kind code of a packable event (bar its `at`), or -1. Keys holding undefined are absent, as in JSON. */
function kindOf(e: unknown): number {
	if (typeof e !== 'object' || e === null || Array.isArray(e)) return -1;
	const r = e as Record<string, unknown>;
	let keys = 0;
	for (const k in r) if (Object.hasOwn(r, k) && r[k] !== undefined) keys++;
	if (typeof r.at !== 'string') return -1;
	const delivered = r.delivered === undefined ? 0 : r.delivered === true ? 1 : r.delivered === false ? 2 : -1;
	if (r.type === 'customer_message') {
		const entry = r.entry_point === undefined ? 0 : (ENTRY_CODE.get(r.entry_point) ?? -1);
		return entry >= 0 && keys === 2 + (entry ? 1 : 0) ? entry : -1;
	}
	if (delivered < 0) return -1;
	if (r.type === 'business_message') return keys === 2 + (delivered ? 1 : 0) ? 3 + delivered : -1;
	if (r.type === 'template') {
		const c = CATEGORY_CODE.get(r.category);
		return c !== undefined && keys === 3 + (delivered ? 1 : 0) ? c + delivered : -1;
	}
	return -1;
}

const DAY_MS = 86_400_000;
const offsetText = (min: number): string =>
	`${min < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(min) / 60))}:${pad2(Math.abs(min) % 60)}`;
const SECONDS = Array.from({ length: 60 }, (_, i) => pad2(i));
const MILLIS = Array.from({ length: 1000 }, (_, i) => `.${String(i).padStart(3, '0')}`);
const MINUTES_OF_DAY = Array.from({ length: 1440 }, (_, i) => `${pad2(Math.floor(i / 60))}:${pad2(i % 60)}:`);

/**
 * Writes `at` texts: the same as slicing `new Date(…).toISOString()`, without a Date per event (a
 * run's events mostly share days with the one before, so the date part is kept from it), and on
 * whole minutes from a cache of the time of day: 100,000 instants take ~25 ms instead of ~150.
 */
class AtWriter {
	private dayStart = NaN;
	private dayText = '';
	/** Times of day on whole minutes ("10:05:00Z"), by minute of the day, per way of writing. */
	private minuteTextsOf = new Map<string, (string | undefined)[]>();
	private minuteTexts: (string | undefined)[] = [];
	private minuteTextsKey = '';
	/** Instant `t` written with an offset of `offsetMin` minutes (`suffix`: 'Z' or '+07:00'), `.000` per `form`. */
	text(t: number, form: number, offsetMin: number, suffix: string): string {
		const local = t + offsetMin * 60_000;
		let r = local - this.dayStart;
		if (!(r >= 0 && r < DAY_MS)) {
			this.dayStart = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
			this.dayText = new Date(this.dayStart).toISOString().slice(0, 11);
			r = local - this.dayStart;
		}
		const minute = Math.floor(r / 60_000);
		const ms = r - minute * 60_000;
		const millis = form & MILLIS_FORM;
		if (ms === 0) {
			const key = millis ? `.${suffix}` : suffix;
			if (key !== this.minuteTextsKey) {
				this.minuteTextsKey = key;
				let texts = this.minuteTextsOf.get(key);
				if (!texts) this.minuteTextsOf.set(key, (texts = []));
				this.minuteTexts = texts;
			}
			const known = this.minuteTexts[minute];
			if (known !== undefined) return this.dayText + known;
			const made = `${MINUTES_OF_DAY[minute] as string}00${millis ? '.000' : ''}${suffix}`;
			this.minuteTexts[minute] = made;
			return this.dayText + made;
		}
		const second = Math.floor(ms / 1000);
		const milli = ms - second * 1000;
		const fraction = milli === 0 && !millis ? '' : (MILLIS[milli] as string);
		return (
			this.dayText + (MINUTES_OF_DAY[minute] as string) + (SECONDS[second] as string) + fraction + suffix
		);
	}
}

/** How `at` (naming instant `t`) is written, as form bits and offset, or null when no form gives it back. */
function formOf(at: string, t: number, writer: AtWriter): { form: number; offsetMin: number } | null {
	let form = 0;
	let offsetMin = 0;
	let suffix = 'Z';
	if (!at.endsWith('Z')) {
		const m = /([+-])(\d\d):(\d\d)$/.exec(at);
		if (!m) return null;
		offsetMin = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
		form = OFFSET_FORM;
		// Written back as unpacking will write it: '-00:00' is not, and stays an extra.
		suffix = offsetText(offsetMin);
	}
	if (writer.text(t, form, offsetMin, suffix) === at) return { form, offsetMin };
	form |= MILLIS_FORM;
	if (writer.text(t, form, offsetMin, suffix) === at) return { form, offsetMin };
	return null;
}

/** A signed number from its zigzag code (Bytes.zigzag's inverse: 0, -1, 1, -2 … as 0, 1, 2, 3 …). */
const unzigzag = (z: number): number => (z % 2 ? -(z + 1) / 2 : z / 2);

/** A growing byte buffer. */
class Bytes {
	buf = new Uint8Array(1024);
	length = 0;
	private room(n: number) {
		if (this.length + n <= this.buf.length) return;
		const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
		next.set(this.buf.subarray(0, this.length));
		this.buf = next;
	}
	byte(b: number) {
		this.room(1);
		this.buf[this.length++] = b;
	}
	bytes(b: Uint8Array) {
		this.room(b.length);
		this.buf.set(b, this.length);
		this.length += b.length;
	}
	/** A whole number ≥ 0 (below 2^49), 7 bits a byte, low first. */
	varint(n: number) {
		this.room(MAX_VARINT_BYTES);
		while (n >= 128) {
			this.buf[this.length++] = (n % 128) | 128;
			n = Math.floor(n / 128);
		}
		this.buf[this.length++] = n;
	}
	zigzag(n: number) {
		this.varint(n < 0 ? -2 * n - 1 : 2 * n);
	}
	done(): Uint8Array {
		return this.buf.subarray(0, this.length);
	}
}

/**
 * The payload of `scenario`. Total: an invalid scenario packs too (its problems go into the header,
 * where unpacking finds them), so a link never fails to be made.
 */
export function packScenario(scenario: Scenario): Uint8Array {
	// Not even an object (a fuzzed or hand-made file): no events; the header carries it as it is.
	const all: unknown =
		typeof scenario === 'object' && scenario !== null ? (scenario as { events?: unknown }).events : undefined;
	const events = Array.isArray(all) ? (all as unknown[]) : [];
	const extras: number[] = [];
	const kinds: number[] = [];
	const times: number[] = [];
	const offsets: number[] = [];
	const writer = new AtWriter();
	for (let i = 0; i < events.length; i++) {
		const e = events[i];
		const kind = kindOf(e);
		const at = kind < 0 ? '' : (e as { at: string }).at;
		const t = kind < 0 ? null : parseInstant(at);
		const form = t === null ? null : formOf(at, t, writer);
		if (t === null || !form) {
			extras.push(i);
			continue;
		}
		kinds.push(kind | form.form);
		times.push(t);
		if (form.form & OFFSET_FORM) offsets.push(form.offsetMin);
	}
	const unit = UNITS.find((u) => times.every((t) => t % u === 0)) ?? 1;
	const header = {
		events: Array.isArray(all) ? events.length : 0,
		unit,
		extras,
		// The scenario's own key order, with `events` where it was.
		scenario: Array.isArray(all) ? { ...scenario, events: extras.map((i) => events[i]) } : scenario
	};
	const out = new Bytes();
	const json = new TextEncoder().encode(JSON.stringify(header));
	out.varint(json.length);
	out.bytes(json);
	for (const k of kinds) out.byte(k);
	let previous = 0;
	for (const t of times) {
		out.zigzag((t - previous) / unit);
		previous = t;
	}
	for (const o of offsets) out.zigzag(o);
	return out.done();
}

interface Header {
	events: number;
	unit: number;
	extras: number[];
	scenario: Record<string, unknown>;
}

/** The header's shape (its scenario is the schema's business), or null. */
function headerOf(data: unknown): Header | null {
	if (typeof data !== 'object' || data === null) return null;
	const h = data as Partial<Header>;
	const n = h.events;
	if (!Number.isInteger(n) || (n as number) < 0) return null;
	if (!UNITS.includes(h.unit as (typeof UNITS)[number])) return null;
	const x = h.extras;
	if (!Array.isArray(x) || x.length > (n as number)) return null;
	for (let i = 0; i < x.length; i++) {
		const v = x[i] as unknown;
		if (!Number.isInteger(v) || (v as number) < 0 || (v as number) >= (n as number)) return null;
		if (i > 0 && (v as number) <= (x[i - 1] as number)) return null;
	}
	if (typeof h.scenario !== 'object' || h.scenario === null || Array.isArray(h.scenario)) return null;
	return h as Header;
}

/** An error in the header's scenario, its event index moved from the extras' list to the whole list. */
function inWholeList(e: ScenarioError, extras: readonly number[]): ScenarioError {
	if (e.event === undefined) return e;
	const index = extras[e.event] ?? e.event;
	return { ...e, event: index, path: e.path.replace(/^events\.\d+/, `events.${index}`) };
}

const DAMAGED = { ok: false, error: null } as const;

/**
 * The scenario of a payload, with each event's instant (epoch ms, by event index), or why not.
 * `trusted` skips the schema check of the header, for a payload this app checked already (the
 * pricing worker's, handed to the page); the payload's own structure is checked always.
 */
export function unpackScenario(payload: Uint8Array, options: { trusted?: boolean } = {}): UnpackResult {
	const end = payload.length;
	let pos = 0;
	/** The next varint, or -1 when it runs past the end or past 7 bytes. */
	const varint = (): number => {
		let n = 0;
		let scale = 1;
		for (let i = 0; i < MAX_VARINT_BYTES && pos < end; i++) {
			const b = payload[pos++] as number;
			n += (b & 127) * scale;
			if (b < 128) return n;
			scale *= 128;
		}
		return -1;
	};
	const headerLength = varint();
	if (headerLength < 0 || headerLength > end - pos) return DAMAGED;
	let data: unknown;
	try {
		data = JSON.parse(
			new TextDecoder('utf-8', { fatal: true }).decode(payload.subarray(pos, pos + headerLength))
		);
	} catch {
		return DAMAGED;
	}
	pos += headerLength;
	const header = headerOf(data);
	if (!header) return DAMAGED;
	if (header.events > MAX_SCENARIO_EVENTS)
		return {
			ok: false,
			error: { path: 'events', message: `must hold at most ${MAX_SCENARIO_EVENTS} events` }
		};
	let scenario = header.scenario as Scenario;
	if (!options.trusted) {
		const checked = validateScenario(header.scenario);
		if (!checked.ok) {
			const first = checked.errors[0];
			return { ok: false, error: first ? inWholeList(first, header.extras) : null };
		}
		scenario = checked.scenario;
	}
	const extras = scenario.events;
	if (!Array.isArray(extras) || extras.length !== header.extras.length) return DAMAGED;

	// Kinds, then the times (their end is where the offsets start).
	const n = header.events;
	const packed = n - extras.length;
	if (packed > end - pos) return DAMAGED;
	const kindsAt = pos;
	pos += packed;
	const times = new Float64Array(packed);
	let t = 0;
	for (let j = 0; j < packed; j++) {
		const z = varint();
		if (z < 0) return DAMAGED;
		t += unzigzag(z);
		times[j] = t * header.unit;
	}

	const events = new Array<ScenarioEvent>(n);
	const at = new Float64Array(n);
	let e = 0;
	let j = 0;
	let nextExtra = header.extras[0] ?? -1;
	let lastOffset = 0;
	let suffix = '+00:00';
	const writer = new AtWriter();
	for (let i = 0; i < n; i++) {
		if (i === nextExtra) {
			const event = extras[e] as ScenarioEvent;
			events[i] = event;
			// Checked by the schema: it parses (a trusted payload was checked when it was made).
			at[i] = parseInstant(event.at) ?? NaN;
			nextExtra = header.extras[++e] ?? -1;
			continue;
		}
		const kind = payload[kindsAt + j] as number;
		const ms = times[j++] as number;
		if (kind > (OFFSET_FORM | MILLIS_FORM | KIND_BITS) || (kind & KIND_BITS) >= KINDS.length) return DAMAGED;
		let offsetMin = 0;
		if (kind & OFFSET_FORM) {
			const z = varint();
			if (z < 0) return DAMAGED;
			offsetMin = unzigzag(z);
			if (Math.abs(offsetMin) > MAX_OFFSET_MIN) return DAMAGED;
			if (offsetMin !== lastOffset) {
				lastOffset = offsetMin;
				suffix = offsetText(offsetMin);
			}
		}
		const local = ms + offsetMin * 60_000;
		if (!(local >= MIN_LOCAL && local <= MAX_LOCAL)) return DAMAGED;
		const text = writer.text(ms, kind, offsetMin, kind & OFFSET_FORM ? suffix : 'Z');
		events[i] = (KINDS[kind & KIND_BITS] as Maker)(text);
		at[i] = ms;
	}
	// Nothing may follow the last offset: a payload with bytes to spare is not one this app wrote.
	if (pos !== end) return DAMAGED;
	scenario.events = events;
	return { ok: true, scenario, at };
}
