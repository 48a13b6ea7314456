/**
 * A query re-emitted whenever what it read changes (in this tab or another): Dexie's liveQuery over
 * the app's database, as a minimal observable so the UI layers need not import dexie. Dexie itself
 * is loaded with the database (availability.ts `getDb`), after the page has shown: it is a third of
 * a page's initial JavaScript budget (issue 14 point 10).
 */
import { getDb } from './availability';
import type { SandboxDb } from './db';
import { toStorageError } from './errors';

/** Minimal observable (what Dexie's liveQuery returns). */
export interface Subscribable<T> {
	subscribe(observer: { next?: (value: T) => void; error?: (err: unknown) => void }): { unsubscribe(): void };
}

/**
 * `query` run now and again after every change to the tables it read. `prepare` runs once on the
 * opened database before the first query (e.g. seeding a library's examples). `action` words errors.
 */
export function liveFrom<T>(
	action: string,
	query: (db: SandboxDb) => Promise<T>,
	prepare?: (db: SandboxDb) => Promise<void>
): Subscribable<T> {
	return {
		subscribe(observer) {
			let inner: { unsubscribe(): void } | null = null;
			let closed = false;
			const fail = (e: unknown) => observer.error?.(toStorageError(e, action));
			(async () => {
				const db = await getDb();
				if (prepare) await prepare(db);
				const { liveQuery } = await import('dexie');
				if (closed) return;
				inner = liveQuery(() => query(db)).subscribe({
					next: (v) => observer.next?.(v),
					error: fail
				});
			})().catch(fail);
			return {
				unsubscribe() {
					closed = true;
					inner?.unsubscribe();
				}
			};
		}
	};
}
