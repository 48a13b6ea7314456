import { describe, expect, it } from 'vitest';
import { REGIMES } from '$lib/domain/regimes';
import type { Scenario } from '$lib/domain/scenario';
import { addEvent, buildEvent, DEFAULT_DRAFT, setRegime, updateEvent } from '$lib/domain/scenario-edits';
import { asEpochMs } from '$lib/domain/units';
import { useCaseById } from '$lib/domain/use-cases';
import { replay } from '$lib/engine/replay';
import { traceOf } from '$lib/engine/replay-trace';
import { largeScenario } from '../../../tests/helpers/large-scenario';
import { LedgerCache, priceRegimesWhenIdle, pricingKey, regimeVariants } from './ledger-cache';
import { SandboxSession } from './sandbox-session.svelte';

const uc1 = () => useCaseById('service-conversation')!.scenario;

/** A scheduler the test runs by hand: the idle periods that have been asked for. */
function manualIdle() {
	const queue: (() => void)[] = [];
	const schedule = (work: () => void) => {
		queue.push(work);
		return () => queue.splice(queue.indexOf(work), 1);
	};
	return { queue, schedule, runOne: () => queue.shift()?.() };
}

describe('pricingKey', () => {
	it('is the same for a regime set back and for an equal regime variant, as replay reads the same', () => {
		const s = uc1();
		expect(pricingKey(setRegime(setRegime(s, 'pmp-2025-07'), s.regime ?? null))).toBe(pricingKey(s));
		expect(pricingKey(setRegime(s, 'cbp-2023-06'))).toBe(pricingKey({ ...s, regime: 'cbp-2023-06' }));
		expect(pricingKey(setRegime(s, 'cbp-2023-06'))).not.toBe(pricingKey(setRegime(s, 'pmp-2025-07')));
	});

	it('counts object fields by identity: an edited event list, or an equal copy, is another key', () => {
		const s = uc1();
		const added = addEvent(
			s,
			buildEvent(DEFAULT_DRAFT, asEpochMs(Date.parse('2023-09-12T12:00:00+07:00')), s.timezone)
		);
		expect(pricingKey(added)).not.toBe(pricingKey(s));
		expect(pricingKey({ ...s, events: [...s.events] })).not.toBe(pricingKey(s));
		expect(pricingKey({ ...s, name: 'renamed' })).not.toBe(pricingKey(s));
	});
});

describe('LedgerCache', () => {
	it('re-prices an edited event from the last checkpoint before it, the same ledger as from the start', () => {
		const cache = new LedgerCache();
		const s = largeScenario(400) as Scenario;
		const first = cache.replay(s);
		const last = s.events.length - 1;
		const e = s.events[last]!;
		const edited = updateEvent(s, last, { ...e, caption: 'edited' });
		const ledger = cache.replay(edited);
		expect(JSON.parse(JSON.stringify(ledger))).toEqual(JSON.parse(JSON.stringify(replay(edited))));
		// Resumed: the first checkpoints are the first replay's own objects.
		expect(traceOf(ledger)!.checkpoints[0]).toBe(traceOf(first)!.checkpoints[0]);
		// Another regime is not an edit of the events: priced from the start.
		const other = cache.replay(setRegime(s, 'cbp-2023-06'));
		expect(traceOf(other)!.checkpoints[0]).not.toBe(traceOf(first)!.checkpoints[0]);
	});

	it('gives the replay’s ledger, and the same object when asked again', () => {
		const cache = new LedgerCache();
		const s = uc1();
		const ledger = cache.replay(s);
		expect(ledger).toEqual(replay(s));
		expect(cache.replay({ ...s })).toBe(ledger);
	});

	it('forgets the least recently used ledger past its capacity', () => {
		const cache = new LedgerCache(2);
		const [a, b, c] = regimeVariants(uc1());
		const la = cache.replay(a!);
		cache.replay(b!);
		cache.get(a!); // a is now more recent than b
		cache.replay(c!);
		expect(cache.has(b!)).toBe(false);
		expect(cache.get(a!)).toBe(la);
		expect(cache.has(c!)).toBe(true);
	});
});

describe('priceRegimesWhenIdle', () => {
	it('prices every other regime and the by-date variant, one replay per idle period', () => {
		const cache = new LedgerCache();
		const s = uc1();
		cache.replay(s);
		const idle = manualIdle();
		priceRegimesWhenIdle(s, cache, idle.schedule);
		const variants = regimeVariants(s);
		expect(variants).toHaveLength(REGIMES.length + 1);
		const missing = variants.filter((v) => !cache.has(v)).length;
		for (let i = 0; i < missing; i++) {
			expect(idle.queue).toHaveLength(1);
			idle.runOne();
		}
		expect(idle.queue).toHaveLength(0);
		for (const v of variants) expect(cache.get(v)).toEqual(replay(v));
	});

	it('stops when cancelled, and leaves a scenario for the bulk path alone', () => {
		const cache = new LedgerCache();
		const idle = manualIdle();
		const cancel = priceRegimesWhenIdle(uc1(), cache, idle.schedule);
		idle.runOne();
		cancel();
		expect(idle.queue).toHaveLength(0);
		expect(regimeVariants(uc1()).filter((v) => cache.has(v))).toHaveLength(1);

		priceRegimesWhenIdle(largeScenario(1_001) as Scenario, cache, idle.schedule);
		expect(idle.queue).toHaveLength(0);
	});
});

describe('the sandbox session with the cache', () => {
	it('undo and a regime switched back show the very ledger priced before', () => {
		const s = new SandboxSession(uc1());
		const first = s.ledger;
		s.edit(setRegime(s.scenario, 'pmp-2025-07'));
		expect(s.ledger).not.toBe(first);
		s.undo();
		expect(s.ledger).toBe(first);
		s.redo();
		const pmp = s.ledger;
		s.edit(setRegime(s.scenario, uc1().regime ?? null));
		expect(s.ledger).toBe(first);
		s.edit(setRegime(s.scenario, 'pmp-2025-07'));
		expect(s.ledger).toBe(pmp);
	});
});
