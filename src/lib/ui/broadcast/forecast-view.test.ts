import { describe, expect, it } from 'vitest';
import { validateScenario } from '$lib/domain/scenario';
import type { EpochMs } from '$lib/domain/units';
import { BroadcastRun } from '$lib/engine/forecast/broadcast-run';
import { replay } from '$lib/engine/replay';
import { decodeShareFragment } from '$lib/storage/share-link';
import type { ForecastInputs } from '$lib/storage/forecast-records';
import {
	forecastCsv,
	laneName,
	notes,
	providerCharges,
	sampleHref,
	sampleScenario,
	tierCrossingText
} from './forecast-view';

const AT = Date.UTC(2026, 11, 3, 2) as EpochMs;
const H = 3_600_000;

const inputs = (over: Partial<ForecastInputs> = {}): ForecastInputs => ({
	category: 'marketing',
	template: { id: 't', name: 'year_end_sale', language: 'en' },
	audience: {
		kind: 'file',
		fileName: 'crm.csv',
		fileSize: 100,
		columns: { phone: 'phone', lastMessage: null, freeEntryPoint: null }
	},
	schedule: { kind: 'at', at: AT },
	timezone: 'Asia/Jakarta',
	regime: null,
	currency: 'USD',
	provider: null,
	compare: true,
	...over
});

function broadcast(category: ForecastInputs['category'] = 'marketing', account?: ForecastInputs['account']) {
	const run = new BroadcastRun({
		options: { category, timezone: 'Asia/Jakarta', currency: 'USD', ...(account ? { account } : {}) },
		compare: true
	});
	const rows = [
		{ phone: '+62 812 3456 7890', sendAt: AT },
		{ phone: '+91 98765 43210', sendAt: AT, lastCustomerMessageAt: (AT - 2 * H) as EpochMs },
		{ phone: '+55 11 98765 4321', sendAt: AT, freeEntryPointOpenedAt: (AT - 30 * H) as EpochMs },
		{ phone: '+1 212 555 0123', sendAt: AT },
		{ phone: '+62 812 3456 7891', sendAt: AT, delivered: false }
	];
	rows.forEach((r, i) => run.add({ ...r, line: i + 2 }, i / 5));
	run.addInvalid(7, 'phone: "=1+2" is not a number');
	return run.finish();
}

describe('the forecast in words', () => {
	it('lanes are named by regime; the by-date lane says which regime the dates fell under', () => {
		const b = broadcast();
		expect(b.lanes.map(laneName)).toEqual([
			'By date (pmp-2026-10)',
			'cbp-2023-06',
			'cbp-2024-11',
			'pmp-2025-07',
			'pmp-2026-10'
		]);
	});

	it('notes: US pause, undelivered and invalid rows counted in words', () => {
		expect(notes(broadcast().lanes[0]!.result)).toEqual([
			'1 recipient on US numbers fail: Meta paused marketing templates to US numbers on 1 Apr 2025. Not charged.',
			'1 expected not to be delivered: not charged.',
			'1 row was left out (no usable number, or a bad date).'
		]);
	});

	it('tier crossings say the count passed and where', () => {
		expect(
			tierCrossingText(
				{ market: 'Argentina', category: 'utility', tier: 2, atRecipient: 61_240 },
				'2026-12-03',
				'USD'
			)
		).toBe('Argentina utility passes 100,000 this month at recipient 61,240 (tier 2 from then on)');
		expect(
			tierCrossingText(
				{ market: 'Nowhere', category: 'utility', tier: 3, atRecipient: 5 },
				'2026-12-03',
				'USD'
			)
		).toBe('Nowhere utility enters tier 3 at recipient 5');
	});

	it('the provider’s price: a mark-up on each market and a fee per delivered message', () => {
		const r = broadcast().lanes[0]!.result;
		const p = providerCharges(r, { markupPercent: 10, feePerMessage: '0.001' })!;
		// Delivered: 2 charged + 1 free (the US number failed, one was not delivered).
		expect(p.fees).toBe(3_000);
		expect(p.grandTotal).toBe(r.total + p.markup + p.fees);
		expect(providerCharges(r, null)).toBeNull();
	});
});

describe('CSV export', () => {
	it('market × outcome with cost, the regimes side by side, the bad rows; formula-safe', () => {
		const csv = forecastCsv(
			inputs({ provider: { markupPercent: 10, feePerMessage: '0' } }),
			broadcast(),
			null
		);
		const lines = csv.trimEnd().split('\r\n');
		expect(lines[0]).toBe('market,outcome,recipients,cost_USD');
		expect(lines).toContain('North America,Failed: US marketing pause,1,0.0000');
		expect(lines).toContain('Brazil,Free: in a free entry point,1,0.0000');
		expect(lines.some((l) => l.startsWith('India,Charged,1,0.0'))).toBe(true);
		expect(lines).toContain('all markets,invalid rows (left out),1,0.0000');
		expect(lines.some((l) => l.startsWith('all markets,provider: 10 % mark-up,,'))).toBe(true);
		expect(lines).toContain('regime,recipients,charged,free,failed,total_USD,p5,p50,p95');
		expect(lines.filter((l) => /^(By date|cbp|pmp)/.test(l))).toHaveLength(5);
		expect(lines).toContain('7,"phone: ""=1+2"" is not a number"');
		// No cell starts with a formula character.
		for (const l of lines) expect(l).not.toMatch(/(^|,)[=+@-]/);
	});
});

describe('open in sandbox', () => {
	it('each sampled recipient is a valid scenario that replays to its forecast charge, tiers included', () => {
		const account = { charged_this_month: { by_market: { Indonesia: { utility: 5_000_001 } } } };
		const b = broadcast('utility', account);
		const i = inputs({
			category: 'utility',
			account,
			provider: { markupPercent: 5, feePerMessage: '0.002' }
		});
		expect(b.samples.length).toBeGreaterThanOrEqual(4);
		for (const s of b.samples) {
			const scenario = sampleScenario(i, s);
			const valid = validateScenario(scenario);
			expect(valid.ok, JSON.stringify(valid)).toBe(true);
			expect(replay(scenario).messages.at(-1)!.charge).toBe(s.charge);
			expect(scenario.adjustments).toEqual({ markup_percent: 5, fee_per_message: '0.002' });
			const href = sampleHref(i, s);
			const decoded = decodeShareFragment(href.slice(href.indexOf('#')));
			expect(decoded?.ok && decoded.scenario.name).toMatch(/^Broadcast recipient, line \d+ \(\+\d+\)$/);
		}
	});
});
