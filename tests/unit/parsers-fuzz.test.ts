/**
 * Fuzzing every parser of outside data (issue 13 point 13): arbitrary strings, arbitrary JSON, and
 * valid documents with one value replaced by arbitrary JSON. Each parser must answer with a value or
 * its own typed refusal — never throw anything else. Parsers covered: the scenario file, the runs
 * file (import), the share link, the custom rate-card CSV, the recipients CSV (as the broadcast page
 * reads it: CSV rows, the column inspection, each cell's instant) and webhook logs, whole and as
 * they arrive in chunks. (The CLI's bad-input corpus is src/cli/bad-inputs.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/domain/csv';
import { parseRateCardCsv } from '$lib/domain/custom-rates';
import { parseScenarioText, validateScenario } from '$lib/domain/scenario';
import { USE_CASES } from '$lib/domain/use-cases';
import { inspectRows, parseCellInstant } from '$lib/engine/forecast/recipients-csv';
import { LogIngest } from '$lib/engine/webhooks/ingest';
import { LogReader, parseWebhookLog } from '$lib/engine/webhooks/parse';
import { readImportText, RUNS_FORMAT } from '$lib/storage/exchange';
import { decodeShareFragment, encodeShareFragment } from '$lib/storage/share-link';

const RUNS = { numRuns: 300 };

/** Valid JSON text: any value, and also any value at a random place inside a valid document. */
const anyJson = fc.jsonValue({ maxDepth: 4 });

type Json = unknown;

/** Every path (list of keys) to a value inside `doc`. */
function paths(
	doc: Json,
	prefix: (string | number)[] = [],
	out: (string | number)[][] = []
): (string | number)[][] {
	out.push(prefix);
	if (Array.isArray(doc)) doc.slice(0, 6).forEach((v, i) => paths(v, [...prefix, i], out));
	else if (doc && typeof doc === 'object')
		for (const [k, v] of Object.entries(doc)) paths(v, [...prefix, k], out);
	return out;
}

function replaced(doc: Json, path: (string | number)[], value: Json): Json {
	if (path.length === 0) return value;
	const [head, ...rest] = path as [string | number, ...(string | number)[]];
	const copy = (Array.isArray(doc) ? [...doc] : { ...(doc as object) }) as Record<string | number, Json>;
	copy[head] = replaced(copy[head], rest, value);
	return copy;
}

/** A valid document with one value (anywhere) replaced by arbitrary JSON, or deleted. */
function mutated(valid: Json): fc.Arbitrary<Json> {
	const all = paths(valid);
	return fc
		.tuple(fc.constantFrom(...all), fc.option(anyJson, { nil: undefined }))
		.map(([p, v]) => replaced(valid, p, v));
}

const scenario = JSON.parse(JSON.stringify(USE_CASES[0]!.scenario)) as Json;
const runsFile = { format: RUNS_FORMAT, runs: [{ id: 'a-1', name: 'A run', scenario }] };

/** Strings that look like the format: JSON-ish, CSV-ish, or anything at all. */
const text = fc.oneof(
	fc.string({ maxLength: 300 }),
	fc.string({ unit: 'grapheme', maxLength: 100 }),
	fc.string({ unit: 'binary', maxLength: 200 }),
	anyJson.map((v) => JSON.stringify(v)),
	fc
		.array(fc.array(fc.string({ maxLength: 20 }), { maxLength: 6 }), { maxLength: 8 })
		.map((rows) => rows.map((r) => r.join(',')).join(fc.sample(fc.constantFrom('\n', '\r\n', '\r'), 1)[0]))
);

describe('the scenario file', () => {
	it('any text: a scenario or its validation errors', () => {
		fc.assert(
			fc.property(text, (t) => {
				const r = parseScenarioText(t);
				expect(typeof r.ok).toBe('boolean');
				if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
			}),
			RUNS
		);
	});

	it('a valid scenario with any one value changed', () => {
		fc.assert(
			fc.property(mutated(scenario), (doc) => {
				const r = validateScenario(doc);
				if (!r.ok) expect(r.errors[0]?.message).toEqual(expect.any(String));
				const again = parseScenarioText(JSON.stringify(doc) ?? '');
				expect(typeof again.ok).toBe('boolean');
			}),
			RUNS
		);
	});
});

describe('the runs file (import)', () => {
	const check = (t: string) => {
		const r = readImportText(t, Date.UTC(2026, 0, 1));
		expect(Array.isArray(r.runs) && Array.isArray(r.rejected)).toBe(true);
		expect(r.runs.length + r.rejected.length).toBeGreaterThan(0);
		for (const bad of r.rejected) expect(bad.reason).toEqual(expect.any(String));
	};
	it('any text', () => fc.assert(fc.property(text, check), RUNS));
	it('names of invisible characters only (bidi overrides, NUL) are refused, not thrown', () =>
		fc.assert(
			fc.property(
				fc.string({
					unit: fc.constantFrom('\u202e', '\u0000', '\u2066', '\u200f', ' ', '\u0007'),
					minLength: 1,
					maxLength: 8
				}),
				(name) => {
					if (name.trim() === '') return;
					check(JSON.stringify({ format: RUNS_FORMAT, runs: [{ name, scenario }] }));
				}
			),
			{ numRuns: 50 }
		));
	it('a valid runs file with any one value changed', () =>
		fc.assert(
			fc.property(mutated(runsFile), (doc) => check(JSON.stringify(doc) ?? 'null')),
			RUNS
		));
});

describe('the share link', () => {
	const valid = encodeShareFragment(USE_CASES[0]!.scenario);
	const check = (hash: string) => {
		const r = decodeShareFragment(hash);
		if (r !== null) expect(typeof r.ok).toBe('boolean');
		if (r && !r.ok) expect(r.reason).toEqual(expect.any(String));
	};
	it('any fragment', () =>
		fc.assert(
			fc.property(text, (t) => check(t)),
			RUNS
		));
	it('any payload after a known or unknown prefix', () =>
		fc.assert(
			fc.property(fc.constantFrom('#s1=', 's1=', '#s2=', 's2=', '#s9=', '#s0='), text, (prefix, t) =>
				check(prefix + t)
			),
			RUNS
		));
	it('a valid link cut, or with characters changed', () =>
		fc.assert(
			fc.property(fc.nat(valid.length), fc.string({ maxLength: 5 }), (at, insert) =>
				check(valid.slice(0, at) + insert + valid.slice(at + insert.length))
			),
			RUNS
		));
	it('any JSON compressed into a link', () =>
		fc.assert(
			fc.property(mutated(scenario), (doc) => {
				// encodeShareFragment compresses whatever it is given; the decoder must validate it.
				check(encodeShareFragment(doc as never));
			}),
			{ numRuns: 100 }
		));
});

describe('the custom rate-card CSV', () => {
	const valid = 'market,category,rate\nIndonesia,marketing,0.0411\nIndia,utility,0.0014\n';
	it('any text: a card or its line errors', () =>
		fc.assert(
			fc.property(
				fc.oneof(
					text,
					fc.string({ maxLength: 60 }).map((s) => valid + s)
				),
				(t) => {
					const r = parseRateCardCsv(t);
					if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
				}
			),
			RUNS
		));
});

describe('the recipients CSV', () => {
	const zones = fc.constantFrom('Asia/Jakarta', 'UTC', 'America/New_York', 'Not/AZone', '');
	it('rows of any cells: the inspection answers, a cell is an instant or null', () =>
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.string({ maxLength: 30 }), { maxLength: 6 }), { maxLength: 10 }),
				zones,
				(rows, tz) => {
					const r = inspectRows(rows, tz, 1000);
					expect(typeof r.ok).toBe('boolean');
					for (const row of rows)
						for (const cell of row) {
							const at = parseCellInstant(cell, tz);
							expect(at === null || Number.isFinite(at)).toBe(true);
						}
				}
			),
			RUNS
		));
	it('any text read as CSV: rows, or the reader says why not (an Error, never something else)', () =>
		fc.assert(
			fc.property(text, (t) => {
				try {
					parseCsv(t);
				} catch (e) {
					expect(e).toBeInstanceOf(Error);
				}
			}),
			RUNS
		));
	it('cells that look like dates', () =>
		fc.assert(
			fc.property(
				fc.oneof(
					fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
					fc.stringMatching(/^\d{1,5}-\d{1,3}-\d{1,3}([T ]\d{1,3}:\d{1,3}(:\d{1,3})?)?([+-]\d\d:?\d\d|Z)?$/),
					fc.stringMatching(/^\d{9,14}$/)
				),
				zones,
				(cell, tz) => {
					const at = parseCellInstant(cell, tz);
					expect(at === null || Number.isFinite(at)).toBe(true);
				}
			),
			RUNS
		));
});

describe('webhook logs', () => {
	const statusLine = JSON.stringify({
		entry: [
			{
				changes: [
					{
						value: {
							statuses: [
								{
									id: 'wamid.1',
									status: 'delivered',
									timestamp: '1759300000',
									recipient_id: '6281234567890',
									pricing: { billable: true, pricing_model: 'PMP', category: 'marketing', type: 'regular' }
								}
							]
						}
					}
				]
			}
		]
	});
	const logs = fc.oneof(
		text,
		fc
			.array(
				fc.oneof(
					mutated(JSON.parse(statusLine)).map((v) => JSON.stringify(v) ?? ''),
					text
				),
				{
					maxLength: 6
				}
			)
			.map((lines) => lines.join('\n')),
		fc.array(mutated(JSON.parse(statusLine)), { maxLength: 4 }).map((a) => JSON.stringify(a))
	);

	it('a whole file: records, malformed lines counted', () =>
		fc.assert(
			fc.property(logs, (t) => {
				const r = parseWebhookLog(t);
				expect(typeof r.isWebhookLog).toBe('boolean');
				expect(r.malformedCount).toBeGreaterThanOrEqual(0);
			}),
			RUNS
		));

	it('as it arrives, in chunks cut anywhere (even inside a character)', () =>
		fc.assert(
			fc.property(logs, fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
				const bytes = new TextEncoder().encode(t);
				const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
				const reader = new LogReader();
				const ingest = new LogIngest(reader);
				let from = 0;
				for (const to of [...at, bytes.length]) {
					ingest.push(bytes.subarray(from, to));
					from = to;
				}
				ingest.end();
				expect(reader.log.malformedCount).toBeGreaterThanOrEqual(0);
			}),
			RUNS
		));
});
