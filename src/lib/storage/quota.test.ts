// @vitest-environment node
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshStorage, teardownStorage, useCase } from '../../../tests/fixtures/storage/fresh-db';
import { checkStorage, configureStorage, storageStatus } from './availability';
import { toStorageError } from './errors';
import { importRunsFile, toRunsFile } from './exchange';
import { LARGE_WRITE_BYTES, ensureRoom, setRoomEstimator } from './quota';
import { classifyWriteError } from './repo-io';
import { buildRun } from './run-record';
import { countRuns } from './runs-query';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe("Dexie's errors: a quota failure inside is 'storage is full'", () => {
	it('a BulkError whose failures are QuotaExceededErrors', () => {
		const bulk = new Dexie.BulkError('runs.bulkAdd(): 3 of 3 operations failed', {
			0: quotaError(),
			1: quotaError(),
			2: quotaError()
		});
		const err = toStorageError(bulk, 'import the runs');
		expect(err.kind).toBe('quota');
		expect(err.message).toMatch(/^Could not import the runs: the browser's storage for this site is full/);
		expect(err.message).toMatch(/export the runs you want to keep, delete runs you no longer need/);
		expect(err.message).not.toMatch(/BulkError|operations failed/);
	});

	it('an AbortError wrapping a QuotaExceededError', () => {
		const abort = new Dexie.AbortError('Transaction aborted', quotaError());
		expect(toStorageError(abort).kind).toBe('quota');
	});

	it("any other BulkError says its first failure in one line, not Dexie's list of all of them", () => {
		const failures = Object.fromEntries(
			Array.from({ length: 500 }, (_, i) => [
				i,
				new DOMException(`Key ${i} already exists.`, 'ConstraintError')
			])
		);
		const err = toStorageError(new Dexie.BulkError('runs.bulkAdd(): 500 of 500 operations failed', failures));
		expect(err.kind).toBe('failed');
		expect(err.message).toContain('ConstraintError: Key 0 already exists.');
		expect(err.message).not.toContain('Key 1 ');
	});
});

describe('a vague abort while the site is at its quota', () => {
	afterEach(() => setRoomEstimator(null));

	it('is "storage is full" when the estimate says there is no room', async () => {
		setRoomEstimator(async () => ({ usage: 999_990_000, quota: 1_000_000_000 }));
		const bulk = new Dexie.BulkError('2 of 2 operations failed', {
			0: new Dexie.AbortError('The transaction was aborted'),
			1: new Dexie.AbortError('The transaction was aborted')
		});
		expect((await classifyWriteError(bulk, 'import the runs')).kind).toBe('quota');
	});

	it('stays a plain failure when there is room', async () => {
		setRoomEstimator(async () => ({ usage: 0, quota: 1_000_000_000 }));
		const err = await classifyWriteError(new Dexie.AbortError('The transaction was aborted'), 'save');
		expect(err.kind).toBe('failed');
	});
});

describe('room is checked before large writes', () => {
	beforeEach(async () => {
		await freshStorage();
	});
	afterEach(async () => {
		setRoomEstimator(null);
		await teardownStorage();
	});

	it('small writes pass without asking; large ones are refused when they would not fit', async () => {
		let asked = 0;
		setRoomEstimator(async () => {
			asked++;
			return { usage: 0, quota: LARGE_WRITE_BYTES };
		});
		await ensureRoom(1000, 'save');
		expect(asked).toBe(0);
		await expect(ensureRoom(LARGE_WRITE_BYTES, 'save')).rejects.toMatchObject({ kind: 'quota' });
		expect(asked).toBe(1);
	});

	it('an import that would not fit writes nothing and says what to do', async () => {
		setRoomEstimator(async () => ({ usage: 0, quota: 100 * 1024 }));
		const runs = Array.from({ length: 40 }, (_, i) =>
			buildRun(
				{ scenario: useCase(i % 5), name: `Run ${i}`, notes: 'x'.repeat(9000) },
				`run-${i}`,
				Date.now()
			)
		);
		const text = JSON.stringify(toRunsFile(runs));
		const report = await importRunsFile({ size: text.length, text: () => Promise.resolve(text) });
		expect(report.ok).toBe(false);
		expect(report.message).toMatch(/^Nothing was imported: the browser's storage for this site is full/);
		expect(report.quota).toBe(true);
		expect(await countRuns()).toBe(0);
		// A refusal before writing is not a failed write: saving stays on.
		expect(storageStatus().state).toBe('ready');
	});
});

describe('an indexedDB getter that throws (SecurityError)', () => {
	afterEach(async () => {
		await teardownStorage();
	});

	it('is storage being off, with the reason, not a stuck "opening"', async () => {
		const holder = {} as { indexedDB: IDBFactory };
		Object.defineProperty(holder, 'indexedDB', {
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		});
		const saved = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
		Object.defineProperty(globalThis, 'indexedDB', {
			configurable: true,
			get: () => holder.indexedDB
		});
		try {
			await configureStorage({});
			const status = await checkStorage();
			expect(status).toMatchObject({ state: 'off', kind: 'unavailable' });
			expect(status.state === 'off' && status.reason).toMatch(/refused to open storage/);
		} finally {
			if (saved) Object.defineProperty(globalThis, 'indexedDB', saved);
			else delete (globalThis as { indexedDB?: unknown }).indexedDB;
		}
	});
});
