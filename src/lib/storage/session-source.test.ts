import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	dumpDatabase,
	freshStorage,
	teardownStorage,
	useCase,
	type FreshDb
} from '../../../tests/fixtures/storage/fresh-db';
import { slotOf } from './draft-slots';
import { getDb } from './availability';
import { saveDraft } from './drafts-repo';
import { saveRun, updateRun } from './runs-repo';
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
		// The record read here goes through to the toolbar: the session's scenario is its very object.
		expect(found?.scenario).toBe(found?.run?.scenario);
	});

	it('unsaved edits of that run, kept as a draft, win over the saved version', async () => {
		const run = await saveRun({ scenario: useCase(4) });
		const edited = { ...useCase(4), events: useCase(4).events.slice(1) };
		await new Promise((r) => setTimeout(r, 5));
		await saveDraft({ scenario: edited, runId: run.id }, slotOf({ kind: 'run', id: run.id }));
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

	it('the draft of a saved run comes with that run, read once; the run object when nothing changed', async () => {
		const run = await saveRun({ scenario: useCase(4) });
		await saveDraft({ scenario: useCase(4), runId: run.id });
		const same = await restoreSessionSource(at('/sandbox'));
		expect(same).toMatchObject({ source: 'draft', runId: run.id, run: { id: run.id } });
		expect(same?.scenario).toBe(same?.run?.scenario);
		const edited = { ...useCase(4), events: useCase(4).events.slice(1) };
		await saveDraft({ scenario: edited, runId: run.id });
		const changed = await restoreSessionSource(at('/sandbox'));
		expect(changed).toMatchObject({ source: 'draft', scenario: edited, run: { id: run.id } });
		expect(changed?.run?.scenario).toEqual(useCase(4));
	});

	it('the draft of a run deleted since says the run is gone (run: null)', async () => {
		await saveDraft({ scenario: useCase(4), runId: 'deleted' });
		expect(await restoreSessionSource(at('/sandbox'))).toMatchObject({ runId: 'deleted', run: null });
		expect(await restoreSessionSource(at('/sandbox?run=deleted'))).toMatchObject({
			runId: 'deleted',
			run: null,
			notice: expect.stringMatching(/not found/)
		});
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
		// The app's database as a returning user has it (opening a link looks for this tab's draft).
		await getDb();
		const before = await dumpDatabase(db.factory);
		const found = await restoreSessionSource(at(`/sandbox#${encodeShareFragment(useCase(2))}`));
		expect(found).toMatchObject({ source: 'share', runId: null, scenario: useCase(2), otherDrafts: [] });
		expect(found?.slot).toMatch(/^share:/);
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
