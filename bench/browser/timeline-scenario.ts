/**
 * A dense, deterministic scenario for the timeline benchmark: `n` events over ~30 days in Jakarta —
 * customer conversations with replies, templates of every category, a few click-to-WhatsApp ads,
 * failed deliveries and free-form sent outside the window (blocked). Seeded, so every run draws
 * the same marks.
 */
import type { Scenario, ScenarioEvent } from '../../src/lib/domain/scenario';

/** mulberry32: a tiny seeded PRNG, so the bench needs no dependency and repeats exactly. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const MIN = 60_000;
/** An event without its time: the generator stamps `at` as it goes. */
type Draft = {
	[K in ScenarioEvent['type']]: Omit<Extract<ScenarioEvent, { type: K }>, 'at'>;
}[ScenarioEvent['type']];
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z').replace('Z', '+00:00');

export function denseScenario(n = 10_000, seed = 42, days = 30): Scenario {
	const r = rng(seed);
	const start = Date.parse('2023-09-01T08:00:00+07:00');
	// Eight 25 h silences (each followed by a blocked free-form message) leave the rest of the month to the chatter.
	const silences = 8;
	const meanGap = ((days - (silences * 25) / 24) * 24 * 60 * MIN) / n;
	const events: ScenarioEvent[] = [];
	const cats = ['marketing', 'utility', 'authentication'] as const;
	let t = start;
	let silenceCount = 0;
	const push = (e: Draft) => {
		t += Math.round((-Math.log(1 - r()) * meanGap) / 1000) * 1000;
		events.push({ ...e, at: iso(t) } as ScenarioEvent);
	};
	while (events.length < n) {
		if (silenceCount < silences && events.length >= (n / silences) * (silenceCount + 0.5)) {
			// A day-long silence, then a free-form message: blocked outside the customer service window.
			silenceCount++;
			t += 25 * 60 * MIN;
			push({ type: 'business_message' });
		} else if (r() < 0.55) {
			// A conversation: the customer writes (sometimes from an ad), an agent replies a few times.
			push({ type: 'customer_message', ...(r() < 0.002 ? { entry_point: 'ctwa_ad' as const } : {}) });
			for (let k = Math.floor(r() * 4); k >= 0 && events.length < n; k--)
				push(r() < 0.8 ? { type: 'business_message' } : { type: 'template', category: 'utility' });
		} else {
			push({
				type: 'template',
				category: cats[Math.floor(r() * 3)] ?? 'marketing',
				...(r() < 0.04 ? { delivered: false } : {})
			});
		}
	}
	return {
		format: 'wa-pricing-scenario/1',
		name: `Benchmark: ${n} events over ${days} days`,
		market: 'ID',
		timezone: 'Asia/Jakarta',
		account: { free_service_used: 1000 },
		events: events.slice(0, n)
	} as Scenario;
}
