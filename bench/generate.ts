/**
 * A deterministic synthetic chat of N events for benchmarks: customer messages (some from ads),
 * agent replies, and templates of every category, spread over weeks (a linear congruential
 * generator, so every run measures the same input).
 */
import { validateScenario, type Scenario, type ScenarioEvent } from '../src/lib/domain/scenario';

export function generateScenario(n: number, start = Date.UTC(2025, 5, 20), regime?: string): Scenario {
	let seed = 42;
	const rand = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed / 2_147_483_648;
	};
	const events: ScenarioEvent[] = [];
	let t = start;
	for (let i = 0; i < n; i++) {
		t += Math.floor(rand() * 40) * 60_000 + 60_000;
		const at = new Date(t).toISOString();
		const r = rand();
		if (r < 0.3)
			events.push(
				r < 0.02 ? { at, type: 'customer_message', entry_point: 'ctwa_ad' } : { at, type: 'customer_message' }
			);
		else if (r < 0.65) events.push({ at, type: 'business_message' });
		else {
			const category = r < 0.8 ? 'marketing' : r < 0.93 ? 'utility' : 'authentication';
			events.push({ at, type: 'template', category });
		}
	}
	const v = validateScenario({
		format: 'wa-pricing-scenario/1',
		name: `synthetic ${n}`,
		market: 'ID',
		timezone: 'Asia/Jakarta',
		...(regime ? { regime } : {}),
		events
	});
	if (!v.ok) throw new Error(JSON.stringify(v.errors.slice(0, 3)));
	return v.scenario;
}
