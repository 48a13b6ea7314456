/**
 * Webhook logs as they arrive (pricing-rules.md §3 payloads in tests/fixtures/webhooks) and every
 * quirk users report, then a reconciliation whose expected mismatches were written by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loggedMessages, reconcile } from './reconcile';
import { parseWebhookLog } from './parse';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../../tests/fixtures/webhooks/${name}`, import.meta.url), 'utf8');
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
const ndjson = (...values: unknown[]) => values.map((v) => JSON.stringify(v)).join('\n');

describe('reading logs', () => {
	it('V1: a raw envelope with its business number', () => {
		const log = parseWebhookLog(fixture('v1-pmp-sent-marketing.json'));
		expect(log.isWebhookLog).toBe(true);
		expect(log.statuses[0]).toMatchObject({
			status: 'sent',
			recipient: '16505551234',
			phoneNumberId: '106540352242922',
			pricing: { billable: true, model: 'PMP', type: 'regular', category: 'marketing' },
			at: 1750030073000
		});
	});

	it('V2: a v24 status with neither conversation nor pricing', () => {
		const s = parseWebhookLog(fixture('v2-v24-no-pricing.json')).statuses[0]!;
		expect(s.pricing).toBeNull();
		expect(s.conversation).toBeNull();
	});

	it('V3: a failed status keeps its error code', () => {
		const m = loggedMessages(parseWebhookLog(fixture('v3-failed.json')).statuses)[0]!;
		expect(m).toMatchObject({ failed: true, errorCodes: [131049], billed: null });
	});

	it('a JSON array, NDJSON and bare status objects; malformed lines listed and skipped', () => {
		const text = [
			JSON.stringify(status('a', 'sent', 1760000000)),
			'{ not json',
			JSON.stringify({ hello: 'world' }),
			JSON.stringify({ statuses: [status('b', 'sent', 1760000001)] })
		].join('\n');
		const log = parseWebhookLog(text);
		expect(log.statuses.map((s) => s.id)).toEqual(['a', 'b']);
		expect(log.malformed.map((m) => m.line)).toEqual([2, 3]);
		expect(parseWebhookLog(JSON.stringify([status('c', 'sent', 1760000000)])).statuses).toHaveLength(1);
	});

	it('statuses out of order and twice: deduplicated by id and status, the send is the earliest', () => {
		const log = parseWebhookLog(
			ndjson(
				status('m', 'read', 1760000100),
				status('m', 'sent', 1760000000),
				status('m', 'sent', 1760000000)
			)
		);
		expect(log.duplicates).toBe(1);
		expect(loggedMessages(log.statuses)[0]).toMatchObject({ sentAt: 1760000000000, delivered: true });
	});

	it('pricing on a read receipt only, none on another; delivered after failed counts as delivered', () => {
		const log = parseWebhookLog(
			ndjson(
				status('p', 'sent', 1760000000),
				status('p', 'read', 1760000005, pmp('regular', 'marketing')),
				status('q', 'failed', 1760000000, { errors: [{ code: 131026 }] }),
				status('q', 'delivered', 1760000009, pmp('regular', 'utility'))
			)
		);
		const [p, q] = loggedMessages(log.statuses);
		expect(p).toMatchObject({ billed: true, category: 'marketing' });
		expect(q).toMatchObject({ failed: false, delivered: true, billed: true });
	});

	it('new enum values are kept as unknown and counted, never a crash', () => {
		const log = parseWebhookLog(
			ndjson(
				status('u', 'queued', 1760000000, pmp('free_mba', 'business_agent')),
				status('v', 'sent', 1760000000, pmp('regular', 'authentication-international'))
			)
		);
		expect(log.unknownValues).toEqual({
			'status=queued': 1,
			'type=free_mba': 1,
			'category=business_agent': 1
		});
		expect(log.statuses[1]?.pricing?.category).toBe('authentication_international');
	});

	it('a file that is not a webhook log is recognised as such', () => {
		expect(parseWebhookLog('name,phone\nAna,+62\n').isWebhookLog).toBe(false);
		expect(parseWebhookLog(JSON.stringify({ foo: [1, 2] })).isWebhookLog).toBe(false);
	});
});

describe('reconciliation, expected mismatches written by hand', () => {
	it('V6: a free service reply in the window under per-message pricing matches', () => {
		const r = reconcile(parseWebhookLog(fixture('v6-pmp-service-reply.json')));
		expect(r).toMatchObject({ messages: 1, compared: 1, matched: 1 });
	});

	it('V7: conversation-based pricing bills the conversation once; the free tier is flagged', () => {
		const r = reconcile(parseWebhookLog(fixture('v7-cbp-service-conversation.json')));
		expect(r.compared).toBe(2);
		// The second reply rides the open service conversation: not billed, not charged → a match.
		expect(r.matched).toBe(1);
		// The first opened it: billed by Meta, but the month's 1,000 free service conversations were
		// not used up in this log (cbp-2023-06, July 2024).
		expect(r.mismatches).toEqual([
			expect.objectContaining({ id: 'wamid.v7-first-reply', kind: 'billed_but_free' })
		]);
		expect(r.mismatches[0]!.reason).toMatch(/free service conversations were not used up/);
	});

	it('a July 2025 log: utility billed inside the window, an FEP, a category surprise', () => {
		const T = 1754400000; // 2025-08-05T13:20:00Z, per-message pricing
		const log = parseWebhookLog(
			ndjson(
				{ messages: [{ from: '6281234567890', timestamp: String(T), type: 'text' }] },
				// Utility template 1 h later, billed: the rules say free in the window (pmp-2025-07).
				status('util', 'sent', T + 3600, pmp('regular', 'utility')),
				// Marketing template billed: charged by the rules too.
				status('mkt', 'sent', T + 7200, pmp('regular', 'marketing')),
				// A free-form reply in the window, free: a match.
				status('svc', 'sent', T + 7300, pmp('free_customer_service', 'service')),
				// Authentication billed as authentication-international to a business with no eligibility set.
				status('auth', 'sent', T + 7400, pmp('regular', 'authentication_international')),
				// An ad lead: inbound with referral, the reply opens a free entry point, a template inside it.
				{ messages: [{ from: '5511987654321', timestamp: String(T), referral: { source_type: 'ad' } }] },
				{
					...status('fep-reply', 'sent', T + 60, pmp('free_entry_point', 'service')),
					recipient_id: '5511987654321'
				},
				{
					...status('fep-mkt', 'sent', T + 3600, pmp('free_entry_point', 'marketing')),
					recipient_id: '5511987654321'
				}
			)
		);
		const r = reconcile(log);
		expect(r.compared).toBe(6);
		expect(r.mismatches.map((m) => [m.id, m.kind])).toEqual([
			['util', 'billed_but_free'],
			['auth', 'category']
		]);
		expect(r.mismatches[0]!.reason).toMatch(/utility template inside the customer service window is free/);
		expect(r.matched).toBe(4);
		// 2025-07-01-USD.csv: Indonesia marketing 0.0411, authentication 0.025 (predicted, list rates).
		expect(r.byMarket.find((v) => v.market === 'Indonesia' && v.category === 'marketing')).toMatchObject({
			predicted: 1,
			billed: 1
		});
	});
});
