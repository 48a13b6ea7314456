/**
 * The drafts: the scenario being edited, autosaved so a closed tab loses nothing — one record per
 * slot in the `autosave` table (a slot is a source and a tab: draft-slots.ts), with the saved run it
 * is an edit of, if any.
 */
import type { Scenario } from '$lib/domain/scenario';
import type { Draft } from './records';
import { takeBackup } from './draft-slots';
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

/** Every draft of a source (all tabs), newest first; a backup left at page hide is moved in first. */
export function draftsOf(sourceKeyText: string, thisSlot?: string): Promise<Draft[]> {
	return read('read your unsaved changes', async (db) => {
		if (thisSlot) {
			const backup = takeBackup(thisSlot);
			if (backup) {
				const stored = await db.autosave.get(thisSlot);
				if (!stored || stored.savedAt < backup.savedAt)
					await db.autosave.put({
						slot: thisSlot,
						json: backup.json,
						runId: backup.runId,
						savedAt: backup.savedAt
					});
			}
		}
		const recs = await db.autosave.where('slot').startsWith(`${sourceKeyText}@`).toArray();
		return recs
			.sort((a, b) => b.savedAt - a.savedAt)
			.map(({ json, ...rest }) => ({ ...rest, scenario: parseStored(json, 'your unsaved changes') }));
	});
}

/** The newest draft of any source, for a bare /sandbox (this tab's first). */
export function latestDraft(tab: string): Promise<Draft | null> {
	return read('read your unsaved changes', async (db) => {
		const recs = await db.autosave.toArray();
		if (!recs.length) return null;
		const mine = recs.filter((r) => r.slot.endsWith(`@${tab}`));
		const pool = mine.length ? mine : recs;
		const rec = pool.reduce((a, b) => (b.savedAt > a.savedAt ? b : a));
		const { json, ...rest } = rec;
		return { ...rest, scenario: parseStored(json, 'your unsaved changes') };
	});
}
