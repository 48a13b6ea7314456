/**
 * Two tabs, one run (issue "Nothing a person makes is lost" point 1): every write bumps the run's
 * revision; a save that names the revision it read is refused when another tab saved meanwhile, and
 * the other tabs hear of every change.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshStorage, teardownStorage, useCase } from '../../../tests/fixtures/storage/fresh-db';
import { StorageError } from './errors';
import { onRunChange, type RunChange } from './run-events';
import { deleteRun, renameRun, revisionOf, saveRun, updateRun } from './runs-repo';

beforeEach(async () => {
	await freshStorage();
});
afterEach(async () => {
	await teardownStorage();
});

describe('run revisions', () => {
	it('a new run is at revision 0; every update bumps it', async () => {
		const run = await saveRun({ scenario: useCase(4) });
		expect(revisionOf(run)).toBe(0);
		const renamed = await renameRun(run.id, 'Renamed');
		expect(revisionOf(renamed)).toBe(1);
		const saved = await updateRun(run.id, { notes: 'x' }, { expectedRevision: 1 });
		expect(revisionOf(saved)).toBe(2);
	});

	it('tab A changes the regime while tab B, opened before, renames: B is refused, nothing lost', async () => {
		const s = useCase(4);
		const run = await saveRun({ scenario: s });
		// Both tabs read revision 0. A saves first.
		await updateRun(run.id, { scenario: { ...s, regime: 'pmp-2026-10' } }, { expectedRevision: 0 });
		const b = updateRun(run.id, { name: 'B’s name' }, { expectedRevision: 0 });
		await expect(b).rejects.toBeInstanceOf(StorageError);
		await expect(b).rejects.toMatchObject({ kind: 'conflict' });
		// Overwriting on purpose (no expected revision) still works.
		const over = await updateRun(run.id, { name: 'B’s name' });
		expect(revisionOf(over)).toBe(2);
	});

	it('other tabs hear every change (a second channel stands for another tab)', async () => {
		const heard: RunChange[] = [];
		const stop = onRunChange((c) => heard.push(c));
		// Messages from this page are marked with its tab id and ignored: simulate another tab.
		const other = new BroadcastChannel('wa-pricing-runs');
		other.postMessage({ id: 'r1', revision: 3, tab: 'another-tab' });
		// Until it is heard (bounded), not a fixed time: a loaded machine delivers it late.
		await vi.waitFor(() => expect(heard).toHaveLength(1), { timeout: 5_000, interval: 10 });
		expect(heard).toEqual([{ id: 'r1', revision: 3, tab: 'another-tab' }]);
		// This page's own writes are not heard back as "another tab".
		const run = await saveRun({ scenario: useCase(4) });
		await renameRun(run.id, 'x');
		await deleteRun(run.id);
		await new Promise((r) => setTimeout(r, 20));
		expect(heard).toHaveLength(1);
		other.close();
		stop();
	});
});
