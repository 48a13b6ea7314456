/** Small settings kept in the `meta` table (e.g. the runs page's sort order), by key. */
import { read, write } from './repo-io';

export function getMeta<T>(key: string): Promise<T | undefined> {
	return read('read a setting', async (db) => (await db.meta.get(key))?.value as T | undefined);
}

export function setMeta(key: string, value: unknown): Promise<void> {
	return write('keep a setting', async (db) => {
		await db.meta.put({ key, value });
	});
}
