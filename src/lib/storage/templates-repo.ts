/**
 * The broadcast page's template library: list (once or live), add, edit, delete and restore. Every
 * save checks the record's revision, so an edit made in another tab is never overwritten silently;
 * every failure is a StorageError a user can read. The library starts with the examples, put in the
 * first time it is read (once: deleting them all does not bring them back).
 */
import {
	SEED_TEMPLATES,
	templateError,
	type MessageTemplate,
	type TemplateDraft
} from '$lib/domain/templates';
import type { SandboxDb } from './db';
import { StorageError } from './errors';
import type { TemplateRecord } from './forecast-records';
import { read, write } from './repo-io';
import { liveFrom, type Subscribable } from './live-query';

const CATEGORY_ORDER = { marketing: 0, utility: 1, authentication: 2 } as const;
/** Set in `meta` once the examples were put in. */
export const TEMPLATES_SEEDED_KEY = 'templates.seeded';

/** The examples as records, with fixed ids so that putting them twice cannot duplicate them. */
export function seedTemplates(now: number): TemplateRecord[] {
	return SEED_TEMPLATES.map((t, i) => ({
		...t,
		id: `seed-${i + 1}`,
		nameLower: t.name.toLowerCase(),
		revision: 1,
		updatedAt: now
	}));
}

/**
 * Puts the examples in the first time the library is read. A failure here (storage full) is not the
 * user's concern: the library is read as it is.
 */
async function seedOnce(db: SandboxDb): Promise<void> {
	try {
		await db.transaction('rw', db.templates, db.meta, async () => {
			if (await db.meta.get(TEMPLATES_SEEDED_KEY)) return;
			if ((await db.templates.count()) === 0) await db.templates.bulkPut(seedTemplates(Date.now()));
			await db.meta.put({ key: TEMPLATES_SEEDED_KEY, value: true });
		});
	} catch {
		// Listing goes on with what is stored.
	}
}

const strip = ({ nameLower: _n, ...t }: TemplateRecord): MessageTemplate => t;

async function all(db: SandboxDb): Promise<MessageTemplate[]> {
	const rows = await db.templates.toArray();
	rows.sort(
		(a, b) =>
			CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] ||
			(a.nameLower < b.nameLower ? -1 : a.nameLower > b.nameLower ? 1 : a.language < b.language ? -1 : 1)
	);
	return rows.map(strip);
}

/** Every template, by category (marketing, utility, authentication) then name. */
export function listTemplates(): Promise<MessageTemplate[]> {
	return read('read the template library', async (db) => {
		await seedOnce(db);
		return all(db);
	});
}

/** The same list, re-emitted whenever a template changes (in this tab or another). */
export function liveTemplates(): Subscribable<MessageTemplate[]> {
	return liveFrom('read the template library', all, seedOnce);
}

function checked(draft: TemplateDraft): TemplateDraft {
	const clean = { ...draft, name: draft.name.trim() };
	const problem = templateError(clean);
	if (problem) throw new StorageError('invalid', problem);
	return clean;
}

async function refuseDuplicate(db: SandboxDb, t: TemplateDraft, id: string | null): Promise<void> {
	const same = await db.templates.where('nameLower').equals(t.name.toLowerCase()).toArray();
	if (same.some((o) => o.language === t.language && o.id !== id))
		throw new StorageError(
			'invalid',
			`the library already has “${t.name}” in ${t.language} (Meta knows a template by its name and language).`
		);
}

export function addTemplate(draft: TemplateDraft): Promise<MessageTemplate> {
	return write('add the template', async (db) => {
		// The examples first, or a library started by an add would never get them.
		await seedOnce(db);
		return db.transaction('rw', db.templates, async () => {
			const t = checked(draft);
			await refuseDuplicate(db, t, null);
			const rec: TemplateRecord = {
				...t,
				id: crypto.randomUUID(),
				nameLower: t.name.toLowerCase(),
				revision: 1,
				updatedAt: Date.now()
			};
			await db.templates.add(rec);
			return strip(rec);
		});
	});
}

/** Saves an edit of the template as it was at `revision`; refused when another tab saved it since. */
export function updateTemplate(id: string, draft: TemplateDraft, revision: number): Promise<MessageTemplate> {
	return write('save the template', (db) =>
		db.transaction('rw', db.templates, async () => {
			const t = checked(draft);
			const old = await db.templates.get(id);
			if (!old)
				throw new StorageError('not-found', 'that template no longer exists (deleted in another tab?).');
			if (old.revision !== revision)
				throw new StorageError(
					'conflict',
					'the template was changed in another tab since you opened it; your edit was not saved. The list now shows the other tab’s version.'
				);
			await refuseDuplicate(db, t, id);
			const rec: TemplateRecord = {
				...old,
				...t,
				nameLower: t.name.toLowerCase(),
				revision: old.revision + 1,
				updatedAt: Date.now()
			};
			await db.templates.put(rec);
			return strip(rec);
		})
	);
}

/** Deletes a template and returns it, so "Undo" can put it back with restoreTemplate. */
export function deleteTemplate(id: string): Promise<MessageTemplate | null> {
	return write('delete the template', (db) =>
		db.transaction('rw', db.templates, async () => {
			const old = await db.templates.get(id);
			await db.templates.delete(id);
			return old ? strip(old) : null;
		})
	);
}

export function restoreTemplate(t: MessageTemplate): Promise<void> {
	return write('restore the template', async (db) => {
		await db.templates.put({ ...t, nameLower: t.name.toLowerCase() });
	});
}
