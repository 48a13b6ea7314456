/**
 * Ledgers the machine path has priced, kept for the scenarios a sandbox goes back to: undo and redo
 * (the same scenario objects), a regime switched back, the regime comparison and the other regimes
 * priced while the page is idle (`priceRegimesWhenIdle`). A replay of 1,000 events takes longer
 * than a frame; a ledger found here costs nothing.
 *
 * The key is what a replay reads: every field of the scenario, where a field holding an object
 * (the events, the account, imported rates…) counts by identity. Edits replace what they change and
 * share the rest (scenario-edits.ts), so a scenario and its edits share their events array unless an
 * event changed; an equal copy only misses the cache (and is priced again), never hits a wrong one.
 */
import { REGIMES } from '$lib/domain/regimes';
import type { Scenario } from '$lib/domain/scenario';
import { setRegime } from '$lib/domain/scenario-edits';
import type { Ledger } from '$lib/engine/ledger';
import { pathFor, priceScenario } from '$lib/engine/price';
import { replay } from '$lib/engine/replay';
import { sameExceptEvents } from '$lib/engine/replay-trace';

/** About 1 MB a 1,000-event ledger (measured in Node): a few regimes of a few recent scenarios. */
const CAPACITY = 16;

const ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object): number => {
	let id = ids.get(o);
	if (id === undefined) ids.set(o, (id = ++nextId));
	return id;
};

/** The scenario's cache key: its fields by name, object-valued ones by identity. */
export function pricingKey(scenario: Scenario): string {
	const fields = Object.keys(scenario).sort();
	return fields
		.map((k) => {
			const v = (scenario as Record<string, unknown>)[k];
			return `${k}=${v !== null && typeof v === 'object' ? `#${idOf(v)}` : JSON.stringify(v)}`;
		})
		.join('&');
}

export class LedgerCache {
	/** Insertion order is recency: a hit moves its entry to the end, the first entry goes first. */
	private entries = new Map<string, { scenario: Scenario; ledger: Ledger }>();

	constructor(private readonly capacity = CAPACITY) {}

	get(scenario: Scenario): Ledger | undefined {
		return this.take(pricingKey(scenario));
	}

	has(scenario: Scenario): boolean {
		return this.entries.has(pricingKey(scenario));
	}

	set(scenario: Scenario, ledger: Ledger): void {
		this.put(pricingKey(scenario), scenario, ledger);
	}

	/**
	 * The machine path's ledger of `scenario`, from the cache or replayed (and kept). A replay resumes
	 * from the most recent kept ledger of a scenario that differs in its events only (an edit of an
	 * event: replay-trace.ts), so it re-prices from about the edited event on.
	 */
	replay(scenario: Scenario): Ledger {
		const key = pricingKey(scenario);
		let ledger = this.take(key);
		if (!ledger) this.put(key, scenario, (ledger = replay(scenario, { after: this.editedFrom(scenario) })));
		return ledger;
	}

	/** The most recent kept ledger whose scenario differs from `scenario` in its events only. */
	private editedFrom(scenario: Scenario): Ledger | undefined {
		const recentFirst = [...this.entries.values()].reverse();
		return recentFirst.find((e) => sameExceptEvents(e.scenario, scenario))?.ledger;
	}

	/** The entry under `key`, made the most recent. */
	private take(key: string): Ledger | undefined {
		const entry = this.entries.get(key);
		if (entry) this.put(key, entry.scenario, entry.ledger);
		return entry?.ledger;
	}

	private put(key: string, scenario: Scenario, ledger: Ledger): void {
		this.entries.delete(key);
		this.entries.set(key, { scenario, ledger });
		for (const oldest of this.entries.keys()) {
			if (this.entries.size <= this.capacity) break;
			this.entries.delete(oldest);
		}
	}
}

/** The page's cache: the sandbox session and the regime comparison share it. */
export const ledgerCache = new LedgerCache();

/** `priceScenario` through the page's cache on the machine path (the bulk path is not kept). */
export const priceCached = (scenario: Scenario): Ledger =>
	pathFor(scenario) === 'machines' ? ledgerCache.replay(scenario) : priceScenario(scenario);

/** `scenario` under each regime and by date: what the regime switch and the comparison ask for. */
export function regimeVariants(scenario: Scenario): Scenario[] {
	return [setRegime(scenario, null), ...REGIMES.map((r) => setRegime(scenario, r.id))];
}

type IdleScheduler = (work: () => void) => () => void;

/** One piece of work per idle period; where the browser has no idle callbacks, none. */
const whenIdle: IdleScheduler = (work) => {
	if (typeof requestIdleCallback !== 'function') return () => {};
	const id = requestIdleCallback(work, { timeout: 5_000 });
	return () => cancelIdleCallback(id);
};

/**
 * Prices `scenario`'s other regimes on the machine path, one replay per idle period, so a switch of
 * regime (or the comparison) finds them. Returns a cancel function: the next edit calls it.
 */
export function priceRegimesWhenIdle(
	scenario: Scenario,
	cache: LedgerCache = ledgerCache,
	schedule: IdleScheduler = whenIdle
): () => void {
	if (pathFor(scenario) !== 'machines') return () => {};
	const todo = regimeVariants(scenario).filter((v) => !cache.has(v));
	let cancel = () => {};
	const next = () => {
		const variant = todo.shift();
		if (!variant) return;
		cancel = schedule(() => {
			cache.replay(variant);
			next();
		});
	};
	next();
	return () => cancel();
}
