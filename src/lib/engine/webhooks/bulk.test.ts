/**
 * The import's fast path agrees with the reference path (issue 12 point 1): the byte scanner
 * accepts exactly what JSON.parse accepts and keeps the same values; the streaming reader gives the
 * same log whether a file is NDJSON or one JSON array, and however its bytes are cut into chunks;
 * the compact reader and the bulk reconciliation give the same report as parseWebhookLog,
 * reconcile() and logUsage() on the fixtures, every quirk, and a generated log.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateWebhookLog } from '../../../../tests/fixtures/webhooks/generate-log';
import { reconcileCompact } from './bulk-reconcile';
import { CompactLogReader } from './compact-log';
import { LogIngest } from './ingest';
import { parseWebhookLog } from './parse';
import { reconcile } from './reconcile';
import { FALLBACK, ByteScanner, KEPT } from './scan';
import { logUsage, mismatchRecipients } from './usage';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../../tests/fixtures/webhooks/${name}`, import.meta.url), 'utf8');
const FIXTURES = [
	'v1-pmp-sent-marketing.json',
	'v2-v24-no-pricing.json',
	'v3-failed.json',
	'v6-pmp-service-reply.json',
	'v7-cbp-service-conversation.json'
];
const bytes = (s: string) => new TextEncoder().encode(s);
const kept = new Set<string>(KEPT);

/** JSON.parse's value with only the kept keys, at every depth: what the scanner should return. */
function prune(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(prune);
	if (v === null || typeof v !== 'object') return v;
	const out: Record<string, unknown> = {};
	for (const [k, x] of Object.entries(v)) if (kept.has(k)) out[k] = prune(x);
	return out;
}

const scan = (text: string) => {
	const b = bytes(text);
	return new ByteScanner().scanValue(b, 0, b.length);
};

describe('byte scanner', () => {
	it('keeps the same values as JSON.parse for the kept keys, drops the rest', () => {
		const texts = [
			...FIXTURES.map((f) => fixture(f)),
			...generateWebhookLog(30).trim().split('\n'),
			'{"id":"a","status":"sent","timestamp":1760000000,"recipient_id":"62812","errors":[{"code":131026,"title":"x"}]}',
			'{"text":{"body":"héllo \\"quoted\\" \\u00e9 \\n"},"from":"1","timestamp":"1760000000","referral":{"source_url":"https://x"}}',
			'[1, -2.5e3, 0, true, false, null, "s", [], {}]',
			' {"nested":{"deep":[[[{"id":"x"}]]]},"id":"y"} ',
			'{"status":"a","status":"b"}'
		];
		for (const t of texts) expect(scan(t), t.slice(0, 60)).toEqual(prune(JSON.parse(t)));
	});

	it('gives up on anything JSON.parse refuses (and on kept strings it cannot take as they are)', () => {
		const bad = [
			'{"a":1,}',
			'[1,]',
			'{"a":1}x',
			'{"a":01}',
			'{"a":1.}',
			'{"a":-}',
			'{"a":tru}',
			'{"a":"\u0001"}',
			'{"a":"\\x"}',
			'{"a":"\\u12"}',
			'{"a" 1}',
			'{a:1}',
			'{"a":1',
			"{'a':1}",
			'{"a":NaN}'
		];
		for (const t of bad) {
			expect(() => JSON.parse(t), t).toThrow();
			expect(scan(t), t).toBe(FALLBACK);
		}
		// Valid JSON the fast path leaves to JSON.parse: an escaped key, a kept string with non-ASCII.
		expect(scan('{"st\\u0061tus":"sent"}')).toBe(FALLBACK);
		expect(scan('{"id":"wamid.é"}')).toBe(FALLBACK);
		expect(scan('   ')).toBeUndefined();
	});
});

/** A file read through the streaming reader, its bytes cut every `size` bytes. */
function ingest(text: string, size = Infinity): CompactLogReader {
	const reader = new CompactLogReader();
	const i = new LogIngest(reader);
	const b = bytes(text);
	for (let o = 0; o < b.length; o += size) i.push(b.subarray(o, Math.min(b.length, o + size)));
	i.end();
	return reader;
}

const summary = (r: CompactLogReader) => ({
	statuses: r.statusCount,
	duplicates: r.log.duplicates,
	malformed: r.log.malformed,
	unknown: r.log.unknownValues,
	inbound: r.inboundTotal,
	messages: r.messageCount
});

describe('streaming reader', () => {
	const lines = generateWebhookLog(60).trim().split('\n');
	it('reads NDJSON and one JSON array alike, however the bytes are cut', () => {
		const ndjson = lines.join('\n') + '\n';
		const array = `[\n${lines.join(',\n')}\n]\n`;
		const want = summary(ingest(ndjson));
		expect(want.statuses).toBe(60);
		for (const size of [1, 7, 64, 1000]) {
			expect(summary(ingest(ndjson, size))).toEqual(want);
			expect(summary(ingest(array, size))).toEqual(want);
		}
		// CRLF and a byte-order mark.
		expect(summary(ingest('\uFEFF' + lines.join('\r\n'), 5))).toEqual(want);
	});

	it('lists a malformed line or array element with its line number and reads on', () => {
		const ndjson = [lines[0], '{ not json', lines[1], '', lines[2]].join('\n');
		expect(ingest(ndjson, 3).log.malformed).toEqual([
			{ line: 2, reason: expect.stringMatching(/^not JSON/) }
		]);
		const array = `[\n${lines[0]},\n{"id": "x", "status": tru},\n${lines[1]}\n]`;
		const r = ingest(array, 11);
		expect(r.log.malformed).toEqual([{ line: 3, reason: expect.stringMatching(/^not JSON/) }]);
		expect(r.statusCount).toBe(2);
		const cut = ingest(`[\n${lines[0]},\n${lines[1]!.slice(0, 50)}`, 13);
		expect(cut.statusCount).toBe(1);
		expect(cut.log.malformedCount).toBeGreaterThan(0);
	});

	it('reads a pretty-printed document whole, as before', () => {
		for (const f of FIXTURES) {
			const reader = ingest(fixture(f), 100);
			const ref = parseWebhookLog(fixture(f));
			expect(reader.statusCount, f).toBe(ref.statuses.length);
			expect(reader.inboundTotal, f).toBe(ref.inbound.length);
		}
	});
});

/** The reference path and the fast path on the same text. */
function both(text: string, timezone = 'UTC') {
	const log = parseWebhookLog(text);
	const ref = reconcile(log, timezone);
	const usage = logUsage(log, timezone, mismatchRecipients(ref));
	const bulk = reconcileCompact(ingest(text, 4096), timezone);
	return { ref, usage, bulk };
}

describe('bulk reconciliation', () => {
	const status = (id: string, s: string, ts: number, extra: Record<string, unknown> = {}) => ({
		id,
		status: s,
		timestamp: String(ts),
		recipient_id: '6281234567890',
		...extra
	});
	const pmp = (type: string, category: string) => ({
		pricing: { billable: type === 'regular', pricing_model: 'PMP', type, category }
	});
	const T = 1754400000;
	const quirks = [
		{ messages: [{ from: '6281234567890', timestamp: String(T), type: 'text' }] },
		status('util', 'sent', T + 3600, pmp('regular', 'utility')),
		status('util', 'sent', T + 3600, pmp('regular', 'utility')),
		status('mkt', 'read', T + 7205, pmp('regular', 'marketing')),
		status('mkt', 'sent', T + 7200),
		status('svc', 'sent', T + 7300, pmp('free_customer_service', 'service')),
		status('auth', 'sent', T + 7400, pmp('regular', 'authentication_international')),
		status('q', 'failed', T + 7500, { errors: [{ code: 131026 }] }),
		status('q', 'delivered', T + 7509, pmp('regular', 'utility')),
		status('u', 'queued', T + 7600, pmp('free_mba', 'business_agent')),
		status('n', 'read', T + 7700),
		{ messages: [{ from: '5511987654321', timestamp: String(T), referral: { source_type: 'ad' } }] },
		{
			...status('fep-reply', 'sent', T + 60, pmp('free_entry_point', 'service')),
			recipient_id: '5511987654321'
		},
		{
			...status('fep-mkt', 'sent', T + 3600, pmp('free_entry_point', 'marketing')),
			recipient_id: '5511987654321'
		},
		{ ...status('bad-number', 'sent', T, pmp('regular', 'marketing')), recipient_id: '999' }
	]
		.map((v) => JSON.stringify(v))
		.join('\n');

	it('gives the reference report for the fixtures, every quirk and a generated log', () => {
		const texts: [string, string][] = [
			...FIXTURES.map((f): [string, string] => [f, fixture(f)]),
			['quirks', quirks],
			['generated', generateWebhookLog(3000)]
		];
		for (const [name, text] of texts)
			for (const tz of ['UTC', 'Asia/Kolkata']) {
				const { ref, usage, bulk } = both(text, tz);
				expect(bulk.reconciliation, `${name} ${tz}`).toEqual(ref);
				expect(bulk.usage, `${name} ${tz}`).toEqual(usage.rows);
				expect(bulk.scenarios, `${name} ${tz}`).toEqual(usage.scenarios);
			}
		// The reference path prices on the XState machines: slow on a busy machine (not a speed check).
	}, 60_000);

	it('has mismatches to compare (the check above can fail)', () => {
		const { bulk } = both(quirks);
		// The utility template and the message delivered after failing are billed inside the window;
		// the unknown category and the read receipt without pricing are not compared.
		expect(bulk.reconciliation.mismatches.map((m) => [m.id, m.kind])).toEqual([
			['util', 'billed_but_free'],
			['auth', 'category'],
			['q', 'billed_but_free'],
			['u', 'not_compared'],
			['n', 'not_compared']
		]);
		expect(bulk.reconciliation.skippedRecipients).toEqual([{ recipient: '999', reason: expect.any(String) }]);
	});
});
