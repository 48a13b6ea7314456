/**
 * Storage errors in words a user can act on. Every failure of the runs library reaches the UI as a
 * StorageError whose message says what failed, why, and that the work in the tab is kept.
 */
export type StorageErrorKind =
	| 'unavailable' // no IndexedDB, or the browser refuses it (private mode, blocked site data)
	| 'timeout' // open() did not finish in time (usually blocked by another tab)
	| 'closed' // a newer version of the app, or a deletion, took over the database: reload
	| 'quota' // the browser's storage is full
	| 'not-found'
	| 'conflict' // the run changed (another tab saved it) since this tab read it
	| 'invalid'
	| 'failed';

export class StorageError extends Error {
	readonly kind: StorageErrorKind;
	/** The reason alone, without the "Could not …" prefix: what the "saving is off" banner shows. */
	readonly reason: string;
	/** Reloading the page is the fix (a newer version is open elsewhere, or the data were deleted). */
	readonly reload: boolean;

	constructor(
		kind: StorageErrorKind,
		reason: string,
		options: { action?: string; cause?: unknown; reload?: boolean } = {}
	) {
		super(options.action ? `Could not ${options.action}: ${reason}` : reason, { cause: options.cause });
		this.name = 'StorageError';
		this.kind = kind;
		this.reason = reason;
		this.reload = options.reload ?? false;
	}
}

export const REASONS = {
	noIndexedDb:
		'this browser gives the page no IndexedDB (it may be switched off, or this is a private window).',
	refused: 'the browser refused to open storage (a private window, or site data blocked for this site).',
	quota:
		"the browser's storage for this site is full. Your work is still here in this tab: export the runs you want to keep, delete runs you no longer need (or free disk space), then try again.",
	newerTab:
		'a newer version of this app is open in another tab and has upgraded the saved data. Reload this page to keep saving.',
	deleted: 'the saved data were deleted (in another tab or by the browser). Reload this page to keep saving.',
	newerData:
		'the saved data were written by a newer version of this app. Reload this page to get that version.',
	blocked: 'waiting for another tab of this app to close its older version of the saved data…',
	timeout: (ms: number) =>
		`storage did not open within ${ms / 1000} s. Another tab of this app may be holding an older version open: close other tabs of this app, then reload.`
} as const;

/** Names of an error and of the errors it wraps (Dexie puts the IndexedDB error in `inner`). */
export function errorNames(err: unknown, depth = 0): string[] {
	if (depth > 4 || typeof err !== 'object' || err === null) return [];
	const e = err as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
	const names = typeof e.name === 'string' ? [e.name] : [];
	// A BulkError lists one failure per record: the first few say what went wrong.
	const failures = Array.isArray(e.failures) ? (e.failures as unknown[]).slice(0, 8) : [];
	for (const next of [e.inner, e.cause, ...failures]) names.push(...errorNames(next, depth + 1));
	return names;
}

function innermostMessage(err: unknown): string {
	let e = err as { message?: unknown; inner?: unknown } | null;
	let message = '';
	for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
		if (typeof e.message === 'string' && e.message) message = e.message;
		e = e.inner as typeof e;
	}
	return message;
}

/** Any error thrown while using the database, as a StorageError saying which action failed. */
export function toStorageError(err: unknown, action?: string): StorageError {
	if (err instanceof StorageError) {
		return action && !err.message.startsWith('Could not')
			? new StorageError(err.kind, err.reason, { action, cause: err.cause, reload: err.reload })
			: err;
	}
	const names = errorNames(err);
	const has = (n: string) => names.includes(n);
	if (has('QuotaExceededError')) return new StorageError('quota', REASONS.quota, { action, cause: err });
	if (has('DatabaseClosedError'))
		return new StorageError('closed', REASONS.newerTab, { action, cause: err, reload: true });
	if (has('VersionError'))
		return new StorageError('closed', REASONS.newerData, { action, cause: err, reload: true });
	if (has('MissingAPIError'))
		return new StorageError('unavailable', REASONS.noIndexedDb, { action, cause: err });
	if (has('InvalidStateError') || has('SecurityError'))
		return new StorageError('unavailable', REASONS.refused, { action, cause: err });
	// A BulkError's own message lists every failed record: the first failure says it in one line.
	const failures = (err as { failures?: unknown } | null)?.failures;
	const first = Array.isArray(failures) && failures.length > 0 ? (failures[0] as unknown) : err;
	const firstName = errorNames(first)[0] ?? names[0] ?? 'Error';
	const detail = (innermostMessage(first) || String(first)).slice(0, 200);
	return new StorageError('failed', `the browser's storage reported an error (${firstName}: ${detail}).`, {
		action,
		cause: err
	});
}
