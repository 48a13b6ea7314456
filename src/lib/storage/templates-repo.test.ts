import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { availabilityOf, SEED_TEMPLATES } from '$lib/domain/templates';
import { freshStorage, teardownStorage } from '../../../tests/fixtures/storage/fresh-db';
import { dumpDatabase, type FreshDb } from '../../../tests/fixtures/storage/fresh-db';
import { configureStorage } from './availability';
import type { StorageError } from './errors';
import {
	addTemplate,
	deleteTemplate,
	listTemplates,
	liveTemplates,
	restoreTemplate,
	seedTemplates,
	updateTemplate
} from './templates-repo';

let db: FreshDb;
beforeEach(async () => {
	db = await freshStorage();
});
afterEach(async () => {
	await teardownStorage();
});

const errorOf = async (p: Promise<unknown>) => (await p.catch((e: unknown) => e)) as StorageError;

describe('the template library', () => {
	it('a new database starts with the examples, by category then name', async () => {
		const list = await listTemplates();
		expect(list).toHaveLength(SEED_TEMPLATES.length);
		expect(list.map((t) => `${t.category}:${t.name}`)).toEqual([
			'marketing:diwali_offer',
			'marketing:promo_natal',
			'marketing:year_end_sale',
			'utility:order_shipped',
			'utility:pembayaran_diterima',
			'authentication:kode_verifikasi',
			'authentication:login_code'
		]);
		expect(availabilityOf(list).find((a) => a.category === 'authentication')?.available).toBe(false);
	});

	it('the examples have fixed ids; they come once: deleting them all does not bring them back', async () => {
		const a = seedTemplates(5);
		expect(a.map((t) => t.id)).toEqual(SEED_TEMPLATES.map((_, i) => `seed-${i + 1}`));
		expect(a[0]).toEqual({
			...SEED_TEMPLATES[0],
			id: 'seed-1',
			nameLower: 'year_end_sale',
			revision: 1,
			updatedAt: 5
		});
		for (const t of await listTemplates()) await deleteTemplate(t.id);
		expect(await listTemplates()).toEqual([]);
		expect((await dumpDatabase(db.factory)).meta).toContainEqual({ key: 'templates.seeded', value: true });
	});

	it('adding an approved authentication template makes the category available', async () => {
		const t = await addTemplate({
			name: ' otp_login ',
			category: 'authentication',
			language: 'en_US',
			status: 'approved'
		});
		expect(t).toMatchObject({ name: 'otp_login', revision: 1 });
		expect(availabilityOf(await listTemplates())[2]).toMatchObject({ available: true, approved: 1 });
	});

	it('refuses a bad name and a duplicate (name + language), naming the problem', async () => {
		const bad = await errorOf(
			addTemplate({ name: 'Big Sale!', category: 'marketing', language: 'en', status: 'approved' })
		);
		expect(bad.kind).toBe('invalid');
		expect(bad.message).toMatch(/^Could not add the template: Name: lowercase letters/);
		const dup = await errorOf(
			addTemplate({ name: 'order_shipped', category: 'utility', language: 'en', status: 'pending' })
		);
		expect(dup.message).toMatch(/already has “order_shipped” in en/);
		// The same name in another language is another template.
		await addTemplate({ name: 'order_shipped', category: 'utility', language: 'pt_BR', status: 'pending' });
		expect(await listTemplates()).toHaveLength(SEED_TEMPLATES.length + 1);
	});

	it('an edit is saved against its revision: a stale one (another tab saved first) is refused', async () => {
		const [first] = await listTemplates();
		const edited = await updateTemplate(first!.id, { ...first!, status: 'rejected' }, first!.revision);
		expect(edited).toMatchObject({ status: 'rejected', revision: 2 });
		const stale = await errorOf(
			updateTemplate(first!.id, { ...first!, status: 'approved' }, first!.revision)
		);
		expect(stale.kind).toBe('conflict');
		expect(stale.message).toMatch(/changed in another tab.*not saved/);
		expect((await listTemplates()).find((t) => t.id === first!.id)?.status).toBe('rejected');
	});

	it('delete returns the template; restore puts it back', async () => {
		const [first] = await listTemplates();
		const gone = await deleteTemplate(first!.id);
		expect(gone).toEqual(first);
		expect(await listTemplates()).toHaveLength(SEED_TEMPLATES.length - 1);
		await restoreTemplate(gone!);
		expect(await listTemplates()).toContainEqual(first);
		expect(await deleteTemplate('nope')).toBeNull();
		const missing = await errorOf(updateTemplate('nope', first!, 1));
		expect(missing.kind).toBe('not-found');
	});

	it('the live list follows every change', async () => {
		const seen: number[] = [];
		const sub = liveTemplates().subscribe({ next: (v) => seen.push(v.length) });
		// Waits for each list, not a fixed time (a loaded machine's first list can come late).
		const lists = (n: number) =>
			vi.waitFor(() => expect(seen).toHaveLength(n), { timeout: 5_000, interval: 10 });
		await lists(1);
		await addTemplate({ name: 'flash_sale', category: 'marketing', language: 'en', status: 'approved' });
		await lists(2);
		await new Promise((r) => setTimeout(r, 30)); // nothing more comes
		sub.unsubscribe();
		expect(seen).toEqual([SEED_TEMPLATES.length, SEED_TEMPLATES.length + 1]);
	});

	it('storage off: every call fails with a readable reason', async () => {
		await configureStorage({ indexedDB: null });
		expect((await errorOf(listTemplates())).message).toMatch(
			/^Could not read the template library: .*no IndexedDB/
		);
	});
});
