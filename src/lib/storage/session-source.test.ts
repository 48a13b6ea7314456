import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	dumpDatabase,
	freshStorage,
	teardownStorage,
	useCase,
	type FreshDb
} from '../../../tests/fixtures/storage/fresh-db';
import { saveDraft, saveRun, updateRun } from './runs-repo';
import { restoreSessionSource } from './session-source';
import { encodeShareFragment } from './share-link';

let db: FreshDb;
beforeEach(async () => {
	db = await freshStorage();
});
afterEach(async () => {
	await teardownStorage();
});

const at = (path: string) => new URL(`https://app.test${path}`);

describe('restoreSessionSource', () => {
	it('?run= opens the saved run', async () => {
		const run = await saveRun({ scenario: useCase(4) });
		const found = await restoreSessionSource(at(`/sandbox?run=${run.id}`));
		expect(found).toMatchObject({ source: 'run', runId: run.id, scenario: useCase(4), run: { id: run.id } });
		expect(found?.notice).toBeUndefined();
	});

	it('unsaved edits of that run, kept as a draft, win over the saved version', async () => {
		const run = await saveRun({ scenario: useCase(4) });
		const edited = { ...useCase(4), events: useCase(4).events.slice(1) };
		await new Promise((r) => setTimeout(r, 5));
		await saveDraft({ scenario: edited, runId: run.id });
		const found = await restoreSessionSource(at(`/sandbox?run=${run.id}`));
		expect(found).toMatchObject({
			source: 'draft',
			runId: run.id,
			scenario: edited,
			notice: expect.stringMatching(/unsaved changes/)
		});
		// …but not once the run was saved after the draft.
		await new Promise((r) => setTimeout(r, 5));
		await updateRun(run.id, { name: 'Later' });
		expect((await restoreSessionSource(at(`/sandbox?run=${run.id}`)))?.source).toBe('run');
	});

	it('a missing run is said, then the share link or the draft is used', async () => {
		await saveDraft({ scenario: useCase(1), runId: null });
		const notices: string[] = [];
		const found = await restoreSessionSource(at('/sandbox?run=gone'), (t) => notices.push(t));
		expect(found).toMatchObject({
			source: 'draft',
			scenario: useCase(1),
			notice: expect.stringMatching(/not found/)
		});
		expect(notices).toHaveLength(1);
	});

	it('#s1= opens the shared scenario and writes nothing', async () => {
		const before = await dumpDatabase(db.factory);
		const found = await restoreSessionSource(at(`/sandbox#${encodeShareFragment(useCase(2))}`));
		expect(found).toEqual({ source: 'share', runId: null, scenario: useCase(2) });
		expect(await dumpDatabase(db.factory)).toEqual(before);
	});

	it('a damaged link is said and the draft is used', async () => {
		await saveDraft({ scenario: useCase(3), runId: 'r9' });
		const found = await restoreSessionSource(at('/sandbox#s1=garbage'));
		expect(found).toMatchObject({
			source: 'draft',
			runId: 'r9',
			notice: expect.stringMatching(/share link could not be opened/)
		});
	});

	it('nothing at all → null', async () => {
		expect(await restoreSessionSource(at('/sandbox'))).toBeNull();
	});
});
