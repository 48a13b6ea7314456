/** Compact scenario builders for table-driven engine tests: hours after a base instant, in UTC. */
import { validateScenario, type Scenario, type ScenarioEvent } from '$lib/domain/scenario';
import type { RegimeId } from '$lib/domain/regimes';

export const BASE = Date.UTC(2023, 8, 12, 0, 0, 0); // 2023-09-12T00:00Z, under cbp-2023-06
export const H = 3_600_000;
export const M = 60_000;

export const at = (ms: number, base = BASE) => new Date(base + ms).toISOString();

export const customer = (ms: number, entry?: 'ctwa_ad' | 'page_cta', base = BASE): ScenarioEvent =>
	entry
		? { at: at(ms, base), type: 'customer_message', entry_point: entry }
		: { at: at(ms, base), type: 'customer_message' };
export const reply = (ms: number, opts: { delivered?: boolean; base?: number } = {}): ScenarioEvent => ({
	at: at(ms, opts.base),
	type: 'business_message',
	...(opts.delivered === false ? { delivered: false } : {})
});
export const template = (
	ms: number,
	category: 'marketing' | 'utility' | 'authentication',
	opts: { delivered?: boolean; base?: number } = {}
): ScenarioEvent => ({
	at: at(ms, opts.base),
	type: 'template',
	category,
	...(opts.delivered === false ? { delivered: false } : {})
});

export interface ScenarioOptions {
	market?: string;
	regime?: RegimeId | null;
	timezone?: string;
	freeServiceUsed?: number;
	freeTier2026?: boolean;
	inclusive?: boolean;
	authInternational?: { eligible: boolean; primary_country: string };
}

export function scenario(events: ScenarioEvent[], o: ScenarioOptions = {}): Scenario {
	const data = {
		format: 'wa-pricing-scenario/1',
		name: 'test',
		market: o.market ?? 'ID',
		...(o.regime === null ? {} : { regime: o.regime ?? 'cbp-2023-06' }),
		timezone: o.timezone ?? 'UTC',
		account: {
			free_service_used: o.freeServiceUsed ?? 1000,
			...(o.freeTier2026 === undefined ? {} : { free_service_tier_2026: o.freeTier2026 }),
			...(o.authInternational ? { auth_international: o.authInternational } : {})
		},
		...(o.inclusive ? { settings: { window_end: 'inclusive' } } : {}),
		events
	};
	const r = validateScenario(data);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.scenario;
}
