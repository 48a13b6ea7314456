/** Usage rows, their sums per month/week/day and category, and the import job over whole files. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Micros } from '$lib/domain/units';
import type { Scenario } from '$lib/domain/scenario';
import { aggregate, creditsByMonth, dayRange, isoWeek, phonesOf, type UsageSource } from './aggregate';
import { Cancelled, ImportError, importFile, priceRuns } from './import-job';
import { parseWebhookLog } from './parse';
import { creditCategory, logUsage, scenarioUsageRows, type UsageRow } from './usage';
import { generateWebhookLog } from '../../../../tests/fixtures/webhooks/generate-log';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../../tests/fixtures/webhooks/${name}`, import.meta.url), 'utf8');

const row = (p: Partial<UsageRow> & Pick<UsageRow, 'day' | 'category'>): UsageRow => ({
	phone: null,
	charged: 0,
	free: 0,
	cost: 0 as Micros,
	billed: null,
	billedCost: null,
	...p
});
const all = { phone: null, from: null, to: null };

describe('aggregate', () => {
	const sources: UsageSource[] = [
		{
			id: 'run',
			rows: [
				row({ day: '2025-09-01', category: 'marketing', charged: 2, cost: 100 as Micros }),
				row({ day: '2025-09-30', category: 'marketing', charged: 1, free: 1, cost: 50 as Micros }),
				row({ day: '2025-10-01', category: 'service', free: 4 })
			]
		},
		{
			id: 'log',
			rows: [
				row({
					day: '2025-09-15',
					phone: 'A',
					category: 'utility',
					charged: 1,
					free: 2,
					cost: 10 as Micros,
					billed: 2,
					billedCost: 20 as Micros
				}),
				row({
					day: '2025-10-02',
					phone: 'B',
					category: 'authentication_international',
					charged: 3,
					cost: 30 as Micros,
					billed: 3,
					billedCost: 30 as Micros
				})
			]
		}
	];

	it('sums per month and category, charged and free, with billing only where a log says', () => {
		const months = creditsByMonth(sources, all);
		expect(months.map((b) => b.key)).toEqual(['2025-09', '2025-10']);
		const sep = months[0]!;
		expect(sep.byCategory.marketing).toEqual({
			charged: 3,
			free: 1,
			cost: 150,
			billed: null,
			billedCost: null
		});
		expect(sep.byCategory.utility).toMatchObject({ charged: 1, free: 2, billed: 2, billedCost: 20 });
		expect(sep.cost).toBe(160);
		expect(sep.billedCost).toBe(20);
		expect(months[1]!.byCategory.authentication_international.charged).toBe(3);
		expect(months[1]!.byCategory.service.free).toBe(4);
	});
	it('filters by business number (rows naming none drop out) and by inclusive dates', () => {
		expect(aggregate(sources, { ...all, phone: 'A' }, 'month').map((b) => b.cost)).toEqual([10]);
		const range = aggregate(sources, { phone: null, from: '2025-09-15', to: '2025-10-01' }, 'day');
		expect(range.map((b) => b.key)).toEqual(['2025-09-15', '2025-09-30', '2025-10-01']);
		expect(phonesOf(sources)).toEqual(['A', 'B']);
		expect(dayRange(sources)).toEqual({ from: '2025-09-01', to: '2025-10-02' });
	});
	it('groups by ISO week', () => {
		expect(isoWeek('2025-09-01')).toBe('2025-W36');
		expect(isoWeek('2024-12-30')).toBe('2025-W01');
		expect(isoWeek('2021-01-03')).toBe('2020-W53');
		expect(aggregate(sources, all, 'week').map((b) => b.key)).toEqual(['2025-W36', '2025-W38', '2025-W40']);
	});
});

describe('usage rows', () => {
	it('maps billed categories onto the five usage categories', () => {
		expect(creditCategory('marketing_lite')).toBe('marketing');
		expect(creditCategory('group_utility')).toBe('utility');
		expect(creditCategory('authentication_international')).toBe('authentication_international');
		expect(creditCategory('referral_conversion')).toBe('service');
		expect(creditCategory('unknown')).toBeNull();
	});
	it('counts a run per local day: charged templates, free replies', () => {
		const scenario: Scenario = {
			format: 'wa-pricing-scenario/1',
			name: 't',
			market: 'ID',
			timezone: 'Asia/Jakarta',
			account: { free_service_used: 0 },
			events: [
				{ at: '2025-09-01T20:00:00Z', type: 'template', category: 'marketing' },
				{ at: '2025-09-01T21:00:00Z', type: 'customer_message' },
				{ at: '2025-09-01T21:05:00Z', type: 'business_message' }
			]
		};
		const rows = scenarioUsageRows(scenario);
		// 20:00 UTC is 3 a.m. on the 2nd in Jakarta.
		expect(rows.map((r) => [r.day, r.category, r.charged, r.free])).toEqual([
			['2025-09-02', 'marketing', 1, 0],
			['2025-09-02', 'service', 0, 1]
		]);
		expect(rows[0]!.cost).toBeGreaterThan(0);
		expect(priceRuns([{ id: 'x', scenario }]).rows.x).toEqual(rows);
	});
	it('sets a log’s prediction beside what Meta billed, per day and business number', () => {
		const log = parseWebhookLog(fixture('v7-cbp-service-conversation.json'));
		const usage = logUsage(log, 'UTC', new Set(log.statuses.map((s) => s.recipient)));
		expect(usage.rows.length).toBeGreaterThan(0);
		expect(usage.rows.every((r) => r.billed !== null)).toBe(true);
		expect(usage.rows.reduce((s, r) => s + (r.billed ?? 0), 0)).toBe(1);
		expect(Object.keys(usage.scenarios)).toHaveLength(1);
	});
});

describe('importFile', () => {
	const hooks = { progress: () => {}, cancelled: () => false };
	it('reads a pretty-printed webhook document and reconciles it', async () => {
		const r = await importFile(new Blob([fixture('v1-pmp-sent-marketing.json')]), 'v1.json', 'UTC', hooks);
		expect(r.kind).toBe('log');
		if (r.kind !== 'log') return;
		expect(r.statuses).toBe(1);
		expect(r.reconciliation.mismatched.billed_but_free).toBe(1);
		expect(r.phones).toEqual(['106540352242922']);
		expect(Object.keys(r.scenarios)).toEqual(['16505551234']);
	});
	it('streams NDJSON in slices with progress, malformed lines listed', async () => {
		const text = generateWebhookLog(3000) + '{"broken": \n';
		const seen: number[] = [];
		let t = 0;
		const r = await importFile(new Blob([text]), 'big.ndjson', 'UTC', {
			progress: (p) => seen.push(p.bytes),
			cancelled: () => false,
			now: () => (t += 50),
			every: 100
		});
		if (r.kind !== 'log') throw new Error('not a log');
		expect(r.statuses).toBe(3000);
		expect(r.malformedCount).toBe(1);
		expect(r.malformed[0]!.line).toBe(text.split('\n').length - 1);
		expect(r.usage.reduce((s, u) => s + u.charged + u.free, 0)).toBe(r.reconciliation.compared);
		expect(seen.length).toBeGreaterThan(0);
	});
	it('refuses a file that is not a webhook log, reads a pricing_analytics export, and cancels', async () => {
		await expect(importFile(new Blob(['{"a": 1}\n{"b": 2}\n']), 'x.ndjson', 'UTC', hooks)).rejects.toThrow(
			ImportError
		);
		await expect(importFile(new Blob(['  ']), 'e.json', 'UTC', hooks)).rejects.toThrow('e.json is empty');
		const exp = await importFile(
			new Blob([
				JSON.stringify({ data: [{ data_points: [{ volume: 2, cost: 0.5, pricing_category: 'UTILITY' }] }] })
			]),
			'pa.json',
			'UTC',
			hooks
		);
		expect(exp).toMatchObject({ kind: 'analytics', totals: { volume: 2, cost: 0.5 } });
		await expect(
			importFile(new Blob([generateWebhookLog(10)]), 'c.ndjson', 'UTC', { ...hooks, cancelled: () => true })
		).rejects.toThrow(Cancelled);
	});
});
