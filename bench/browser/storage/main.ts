/**
 * The storage benchmark's page: the real repository on the browser's real IndexedDB. Each
 * operation is timed here with performance.now() around the awaited call, so the figures include
 * structured cloning, IndexedDB and the summary, and nothing of the Playwright round trip.
 */
import type { Scenario } from '$lib/domain/scenario';
import { USE_CASES } from '$lib/domain/use-cases';
import type { Ledger } from '$lib/engine/ledger';
import { replay } from '$lib/engine/replay';
import { closeStorage, getDb } from '$lib/storage/availability';
import { DB_NAME } from '$lib/storage/db';
import type { RunQuery, StoredRun } from '$lib/storage/records';
import { buildRun, splitRun } from '$lib/storage/run-record';
import { saveDraft } from '$lib/storage/drafts-repo';
import { getRun, insertRuns, saveRun } from '$lib/storage/runs-repo';
import { countRuns, listRuns, liveRuns } from '$lib/storage/runs-query';

/** n events: customer messages and free-form replies, a template every tenth, one minute apart. */
function scenarioOf(n: number, name: string): Scenario {
	const start = Date.UTC(2024, 2, 1, 8, 0, 0);
	const events: Scenario['events'] = [];
	for (let i = 0; i < n; i++) {
		const at = new Date(start + i * 60_000).toISOString().replace('.000Z', 'Z');
		if (i % 10 === 9) events.push({ at, type: 'template', category: 'marketing' });
		else if (i % 2 === 0) events.push({ at, type: 'customer_message' });
		else events.push({ at, type: 'business_message' });
	}
	return { format: 'wa-pricing-scenario/1', name, market: 'BR', timezone: 'America/Sao_Paulo', events };
}

/**
 * Each timed operation starts from a collected heap (Chromium runs with --expose-gc), so the
 * garbage of the previous repetition (a 6 MB string per save) is not billed to the next one.
 */
async function settle(): Promise<void> {
	(globalThis as { gc?: () => void }).gc?.();
	await new Promise((r) => setTimeout(r, 50));
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
	const t0 = performance.now();
	const value = await fn();
	return [performance.now() - t0, value];
}

let big: { scenario: Scenario; ledger: Ledger } | null = null;

const bench = {
	ready: false,
	settle,
	async reset(): Promise<void> {
		await closeStorage();
		await new Promise<void>((resolve, reject) => {
			const req = indexedDB.deleteDatabase(DB_NAME);
			req.onsuccess = () => resolve();
			req.onerror = () => reject(req.error);
			req.onblocked = () => resolve();
		});
	},
	/** Builds the big scenario and replays it once (the sandbox holds this ledger already). */
	prepareBig(n: number): { replayMs: number } {
		const scenario = scenarioOf(n, `Bench ${n} events`);
		const t0 = performance.now();
		const ledger = replay(scenario);
		big = { scenario, ledger };
		return { replayMs: performance.now() - t0 };
	},
	/** Save: summary of the ledger, structured clone and IndexedDB write of the run and its scenario. */
	async saveBig(): Promise<{ ms: number; id: string }> {
		if (!big) throw new Error('prepareBig first');
		const b = big;
		const [ms, run] = await timed(() => saveRun({ scenario: b.scenario, ledger: b.ledger }));
		return { ms, id: run.id };
	},
	async draftBig(): Promise<number> {
		if (!big) throw new Error('prepareBig first');
		const b = big;
		return (await timed(() => saveDraft({ scenario: b.scenario, runId: null })))[0];
	},
	/** Reopen: read the run and its scenario back. */
	async reopen(id: string): Promise<{ ms: number; events: number }> {
		const [ms, run] = await timed(() => getRun(id));
		return { ms, events: run?.scenario.events.length ?? -1 };
	},
	/** Reopen and re-replay (what the sandbox does next), for information. */
	async reopenAndReplay(id: string): Promise<number> {
		await settle();
		const t0 = performance.now();
		const run = await getRun(id);
		if (run) replay(run.scenario);
		return performance.now() - t0;
	},
	/** `count` runs of small scenarios (the five use cases, renamed), written in one transaction. */
	async seed(count: number): Promise<number> {
		const runs: StoredRun[] = [];
		const now = Date.now();
		for (let i = 0; i < count; i++) {
			const uc = USE_CASES[i % USE_CASES.length]!;
			runs.push(
				buildRun(
					{ scenario: uc.scenario, name: `Run ${String(i).padStart(4, '0')} — ${uc.title}` },
					`bench-${i}`,
					now - i * 60_000
				)
			);
		}
		await insertRuns(runs);
		return countRuns();
	},
	async list(query: RunQuery): Promise<{ ms: number; rows: number }> {
		const [ms, rows] = await timed(() => listRuns(query));
		return { ms, rows: rows.length };
	},
	/** Where the time goes: each step of a save and a list, timed on its own. */
	async breakdown(): Promise<Record<string, number>> {
		if (!big) throw new Error('prepareBig first');
		const out: Record<string, number> = {};
		await countRuns(); // the database exists, with its stores
		let t = performance.now();
		const json = JSON.stringify(big.scenario);
		out.stringifyMs = performance.now() - t;
		out.jsonMB = json.length / 1e6;
		t = performance.now();
		JSON.parse(json);
		out.parseMs = performance.now() - t;
		t = performance.now();
		buildRun({ scenario: big.scenario, ledger: big.ledger }, 'x', Date.now());
		out.buildRunMs = performance.now() - t;
		t = performance.now();
		const built = buildRun({ scenario: big.scenario, ledger: big.ledger }, 'split-test', Date.now());
		const split = splitRun(built);
		out.buildAndSplitMs = performance.now() - t;
		void split;
		const dexie = await getDb();
		t = performance.now();
		await dexie.scenarios.put({ id: 'dexie-put', json });
		out.dexiePutJsonMs = performance.now() - t;
		t = performance.now();
		await dexie.transaction('rw', dexie.runs, dexie.scenarios, dexie.meta, async () => {
			await dexie.scenarios.put({ id: 'dexie-put-tx', json });
		});
		out.dexieTxPutJsonMs = performance.now() - t;
		t = performance.now();
		await insertRuns([built]);
		out.insertOneRunMs = performance.now() - t;
		t = performance.now();
		structuredClone(big.scenario);
		out.structuredCloneScenarioMs = performance.now() - t;
		const raw = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(DB_NAME);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const rawGetAll = (store: string) =>
			new Promise<number>((resolve, reject) => {
				const t0 = performance.now();
				const req = raw.transaction(store, 'readonly').objectStore(store).getAll();
				req.onsuccess = () => resolve(performance.now() - t0);
				req.onerror = () => reject(req.error);
			});
		out.rawGetAllRunsMs = await rawGetAll('runs');
		const rawPut = (value: unknown) =>
			new Promise<number>((resolve, reject) => {
				const t0 = performance.now();
				const tx = raw.transaction('scenarios', 'readwrite');
				tx.objectStore('scenarios').put(value);
				tx.oncomplete = () => resolve(performance.now() - t0);
				tx.onerror = () => reject(tx.error);
			});
		out.rawPutJsonMs = await rawPut({ id: 'raw-json', json });
		t = performance.now();
		const gz = await new Response(
			new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'))
		).arrayBuffer();
		out.gzipMs = performance.now() - t;
		out.gzipKB = gz.byteLength / 1e3;
		out.rawPutGzipMs = await rawPut({ id: 'raw-gz', gz });
		t = performance.now();
		const back = await new Response(
			new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))
		).text();
		JSON.parse(back);
		out.gunzipAndParseMs = performance.now() - t;
		out.rawPutObjectsMs = await rawPut({ id: 'raw-obj', scenario: big.scenario });
		raw.close();
		return out;
	},
	/**
	 * The stored form of a scenario, compared (why scenarios are stored as they are): k writes and
	 * k reads of the big scenario as objects, as JSON text, and as gzip-compressed JSON.
	 */
	async variant(
		kind: 'objects' | 'json' | 'gzip',
		k: number
	): Promise<{ writeMs: number[]; readMs: number[]; bytes: number }> {
		if (!big) throw new Error('prepareBig first');
		await countRuns();
		const raw = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(DB_NAME);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const done = (tx: IDBTransaction) =>
			new Promise<void>((resolve, reject) => {
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
		const get = (id: string) =>
			new Promise<unknown>((resolve, reject) => {
				const req = raw.transaction('scenarios', 'readonly').objectStore('scenarios').get(id);
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
		const writeMs: number[] = [];
		const readMs: number[] = [];
		let bytes = 0;
		for (let i = 0; i < k; i++) {
			const id = `variant-${kind}-${i}`;
			let t = performance.now();
			let value: unknown;
			if (kind === 'objects') value = { id, scenario: big.scenario };
			else {
				const json = JSON.stringify(big.scenario);
				if (kind === 'json') value = { id, json };
				else
					value = {
						id,
						gz: await new Response(
							new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'))
						).arrayBuffer()
					};
			}
			const tx = raw.transaction('scenarios', 'readwrite');
			tx.objectStore('scenarios').put(value);
			await done(tx);
			writeMs.push(performance.now() - t);
			t = performance.now();
			const rec = (await get(id)) as { scenario?: unknown; json?: string; gz?: ArrayBuffer };
			if (kind === 'json') JSON.parse(rec.json!);
			if (kind === 'gzip') {
				bytes = rec.gz!.byteLength;
				JSON.parse(
					await new Response(new Blob([rec.gz!]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
				);
			}
			readMs.push(performance.now() - t);
		}
		raw.close();
		return { writeMs, readMs, bytes };
	},
	/** Time from subscribing to the live list to its first emission (what the runs page waits for). */
	async liveFirst(query: RunQuery): Promise<{ ms: number; rows: number }> {
		await settle();
		const t0 = performance.now();
		return new Promise((resolve, reject) => {
			const sub = liveRuns(query).subscribe({
				next: (rows) => {
					resolve({ ms: performance.now() - t0, rows: rows.length });
					setTimeout(() => sub.unsubscribe());
				},
				error: reject
			});
		});
	}
};

declare global {
	interface Window {
		__storageBench: typeof bench;
	}
}

window.__storageBench = bench;
bench.ready = true;
document.getElementById('status')!.textContent = 'Ready';
