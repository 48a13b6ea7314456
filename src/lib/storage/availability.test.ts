import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshStorage, teardownStorage, useCase } from '../../../tests/fixtures/storage/fresh-db';
import {
	checkStorage,
	configureStorage,
	getDb,
	onStorageStatus,
	storageStatus,
	type StorageStatus
} from './availability';
import { DB_NAME, DB_VERSION } from './db';
import { StorageError } from './errors';
import { importRunsFile } from './exchange';
import { loadDraft, saveDraft } from './drafts-repo';
import { getRun, saveRun } from './runs-repo';
import { countRuns, listRuns, liveRuns } from './runs-query';
import { restoreSessionSource } from './session-source';
import { encodeShareFragment } from './share-link';

afterEach(async () => {
	vi.restoreAllMocks();
	await teardownStorage();
});

const kindOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as StorageError).kind;

describe('no IndexedDB at all', () => {
	it('says saving is off with the reason; every call fails with a readable StorageError', async () => {
		await configureStorage({ indexedDB: null });
		const seen: StorageStatus[] = [];
		const stop = onStorageStatus((s) => seen.push(s));
		const status = await checkStorage();
		stop();
		expect(status).toMatchObject({ state: 'off', kind: 'unavailable', reload: false });
		expect(status.state === 'off' && status.reason).toMatch(/no IndexedDB/);
		expect(seen.at(-1)).toEqual(status);

		const err = await saveRun({ scenario: useCase(0) }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StorageError);
		expect((err as Error).message).toMatch(
			/^Could not save the run: this browser gives the page no IndexedDB/
		);
		expect(await kindOf(listRuns())).toBe('unavailable');
		expect(await kindOf(loadDraft())).toBe('unavailable');
	});

	it('the session source still opens a share link, and liveRuns reports through error()', async () => {
		await configureStorage({ indexedDB: null });
		const url = new URL(`https://x.test/sandbox#${encodeShareFragment(useCase(1))}`);
		expect((await restoreSessionSource(url))?.source).toBe('share');
		const notices: string[] = [];
		expect(
			await restoreSessionSource(new URL('https://x.test/sandbox?run=abc'), (t) => notices.push(t))
		).toBeNull();
		expect(notices[0]).toMatch(/^Could not open the run: this browser gives the page no IndexedDB/);

		const error = await new Promise<unknown>((resolve) => {
			liveRuns().subscribe({ error: resolve });
		});
		expect((error as StorageError).kind).toBe('unavailable');
	});

	it('an import reports the reason and writes nothing', async () => {
		await configureStorage({ indexedDB: null });
		const text = JSON.stringify(useCase(0));
		const report = await importRunsFile({ size: text.length, text: () => Promise.resolve(text) });
		expect(report.ok).toBe(false);
		expect(report.message).toMatch(/^Nothing was imported: this browser gives the page no IndexedDB/);
	});
});

describe('open() rejects (private mode, blocked site data)', () => {
	it('maps the browser error to "refused" and stays off', async () => {
		const factory = new IDBFactory();
		vi.spyOn(factory, 'open').mockImplementation(() => {
			throw new DOMException(
				'A mutation operation was attempted on a database that did not allow mutations.',
				'InvalidStateError'
			);
		});
		await configureStorage({ indexedDB: factory, IDBKeyRange });
		const status = await checkStorage();
		expect(status).toMatchObject({ state: 'off', kind: 'unavailable' });
		expect(status.state === 'off' && status.reason).toMatch(/refused to open storage/);
		expect(await kindOf(getDb())).toBe('unavailable');
	});
});

describe('a write fails with QuotaExceededError', () => {
	it('is reported, saving shows off until a write succeeds, and what was stored stays', async () => {
		await freshStorage();
		const kept = await saveRun({ scenario: useCase(0) });
		const scenario = useCase(1);
		const snapshot = structuredClone(scenario);
		const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		const err = (await saveRun({ scenario }).catch((e: unknown) => e)) as StorageError;
		expect(err.kind).toBe('quota');
		expect(err.message).toMatch(
			/^Could not save the run: the browser's storage for this site is full\. Your work is still here/
		);
		expect(storageStatus()).toMatchObject({ state: 'off', kind: 'quota' });
		expect(await kindOf(saveDraft({ scenario, runId: null }))).toBe('quota');
		// The caller's data is untouched, the stored data are intact.
		expect(scenario).toEqual(snapshot);
		spy.mockRestore();
		expect(await countRuns()).toBe(1);
		expect((await getRun(kept.id))?.scenario).toEqual(useCase(0));
		await saveRun({ scenario });
		expect(storageStatus()).toEqual({ state: 'ready' });
	});
});

describe('another tab', () => {
	it('a newer version opening elsewhere closes this connection and asks for a reload', async () => {
		const { factory } = await freshStorage();
		await saveRun({ scenario: useCase(0) });
		const newer = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
		newer
			.version(DB_VERSION + 1)
			.stores({ runs: 'id', scenarios: 'id', autosave: 'slot', meta: 'key', extra: 'id' });
		await newer.open(); // not blocked: this tab let go
		expect(storageStatus()).toMatchObject({ state: 'off', kind: 'closed', reload: true });
		expect(storageStatus().state === 'off' && (storageStatus() as { reason: string }).reason).toMatch(
			/newer version of this app is open in another tab/
		);
		const err = (await saveRun({ scenario: useCase(1) }).catch((e: unknown) => e)) as StorageError;
		expect(err.kind).toBe('closed');
		expect(err.reload).toBe(true);
		newer.close();
	});

	it('a database a newer version already upgraded is not written by this older one', async () => {
		const { factory } = await freshStorage();
		const newer = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
		newer
			.version(DB_VERSION + 1)
			.stores({ runs: 'id, name', scenarios: 'id', autosave: 'slot', meta: 'key', extra: 'id' });
		await newer.open();
		newer.close();
		const status = await checkStorage();
		expect(status).toMatchObject({ state: 'off', kind: 'closed', reload: true });
		expect(status.state === 'off' && status.reason).toMatch(/written by a newer version of this app/);
		expect(await kindOf(saveRun({ scenario: useCase(0) }))).toBe('closed');
	});

	it('an upgrade blocked by an old tab never hangs: off after the time limit, on again when it lets go', async () => {
		const factory = new IDBFactory();
		// An "old tab": version 1 open, and it ignores versionchange (as an old build might).
		const old = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = factory.open(DB_NAME, 10);
			req.onupgradeneeded = () => {
				req.result.createObjectStore('runs', { keyPath: 'id' });
				req.result.createObjectStore('autosave', { keyPath: 'slot' });
				req.result.createObjectStore('meta', { keyPath: 'key' });
			};
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		await configureStorage({ indexedDB: factory, IDBKeyRange, openTimeoutMs: 150 });
		const seen: StorageStatus[] = [];
		const stop = onStorageStatus((s) => seen.push(s));
		const err = (await getDb().catch((e: unknown) => e)) as StorageError;
		expect(err.kind).toBe('timeout');
		expect(err.message).toMatch(/did not open within 0\.15 s.*close other tabs/);
		expect(seen.some((s) => s.state === 'opening' && s.detail?.includes('another tab'))).toBe(true);
		expect(storageStatus()).toMatchObject({ state: 'off', kind: 'timeout' });
		old.close();
		for (let i = 0; i < 50 && storageStatus().state !== 'ready'; i++)
			await new Promise((r) => setTimeout(r, 10));
		stop();
		expect(storageStatus()).toEqual({ state: 'ready' });
		expect(await countRuns()).toBe(0);
	});
});
