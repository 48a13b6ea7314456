/**
 * The draft: the scenario being edited, autosaved so a closed tab loses nothing (one record per
 * slot in the `autosave` table), with the saved run it is an edit of, if any.
 */
import type { Scenario } from '$lib/domain/scenario';
import type { Draft } from './records';
import { parseStored, read, write } from './repo-io';

export const DEFAULT_DRAFT_SLOT = 'sandbox';

export function saveDraft(
	draft: { scenario: Scenario; runId: string | null },
	slot = DEFAULT_DRAFT_SLOT
): Promise<void> {
	return write('keep your unsaved changes', async (db) => {
		await db.autosave.put({
			slot,
			json: JSON.stringify(draft.scenario),
			runId: draft.runId,
			savedAt: Date.now()
		});
	});
}

export function loadDraft(slot = DEFAULT_DRAFT_SLOT): Promise<Draft | null> {
	return read('read your unsaved changes', async (db) => {
		const rec = await db.autosave.get(slot);
		if (!rec) return null;
		const { json, ...rest } = rec;
		return { ...rest, scenario: parseStored(json, 'your unsaved changes') };
	});
}

export function clearDraft(slot = DEFAULT_DRAFT_SLOT): Promise<void> {
	return write('clear the draft', async (db) => {
		await db.autosave.delete(slot);
	});
}
