/**
 * A large synthetic chat as plain scenario JSON, for the browser tests and the page benchmark: the
 * same deterministic mix as bench/generate.ts (customer messages, some from ads, agent replies,
 * templates of every category), without importing the app (Playwright runs it in plain Node).
 */
export function largeScenario(n: number, start = Date.UTC(2025, 5, 20)) {
	let seed = 42;
	const rand = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed / 2_147_483_648;
	};
	const events: Record<string, unknown>[] = [];
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
	return {
		format: 'wa-pricing-scenario/1',
		name: `synthetic ${n.toLocaleString('en-US')} events`,
		market: 'ID',
		timezone: 'Asia/Jakarta',
		events
	};
}
