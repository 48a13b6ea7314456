/**
 * The runs library's state for the runs page and the start page: a live list (Dexie liveQuery,
 * subscribed in an $effect and unsubscribed when the component goes), loading and error states,
 * and the user's actions. Every action catches its own failure and puts it in `message`: nothing
 * here ends as an unhandled rejection.
 */
import type { RunQuery, RunRecord, RunSort, StoredRun } from '$lib/storage/records';
import {
	commitImport,
	exportRuns,
	prepareImport,
	type DuplicateChoice,
	type ExportedFile,
	type ImportProgress,
	type ImportReport,
	type ImportSource,
	type PreparedImport
} from '$lib/storage/exchange';
import { getMeta, setMeta } from '$lib/storage/meta-repo';
import { deleteRun, duplicateRun, renameRun, restoreRun } from '$lib/storage/runs-repo';
import { liveRuns } from '$lib/storage/runs-query';
import { StorageStatusRune, messageOf } from './runs-storage.svelte';

/** How long "Undo" stays offered after a delete. */
export const UNDO_MS = 6000;
const SORT_KEY = 'runs.sort';
export const RUN_SORTS: readonly RunSort[] = ['updated', 'name', 'total'];

export interface RunsMessage {
	tone: 'success' | 'error' | 'info';
	text: string;
}

/**
 * How long the list may take before the page says so (a browser whose storage is full or damaged can
 * leave a read unanswered): "Loading…" never stays forever.
 */
export const LIST_TIMEOUT_MS = 10_000;

/** A live list of runs' metadata for a query that may change (sort, search). */
export class RunsList {
	runs = $state.raw<RunRecord[]>([]);
	loading = $state(true);
	error = $state<string | null>(null);
	#attempt = $state(0);

	constructor(query: () => RunQuery, timeoutMs: number = LIST_TIMEOUT_MS) {
		$effect(() => {
			const q = query();
			void this.#attempt;
			let answered = false;
			const timer = setTimeout(() => {
				if (answered) return;
				this.error = `The saved runs did not load within ${timeoutMs / 1000} s. The browser's storage may be full or busy: close other tabs of this app, then try again.`;
				this.loading = false;
			}, timeoutMs);
			const sub = liveRuns(q).subscribe({
				next: (runs) => {
					answered = true;
					this.runs = runs;
					this.loading = false;
					this.error = null;
				},
				error: (err) => {
					answered = true;
					this.error = messageOf(err);
					this.loading = false;
				}
			});
			return () => {
				clearTimeout(timer);
				sub.unsubscribe();
			};
		});
	}

	/** Reads the list again (after it failed or timed out). */
	retry(): void {
		this.loading = true;
		this.error = null;
		this.#attempt++;
	}
}

export class RunsLibrary {
	sort = $state<RunSort>('updated');
	search = $state('');
	readonly list: RunsList;
	readonly storage = new StorageStatusRune();
	message = $state<RunsMessage | null>(null);
	/** The last deleted run while "Undo" is offered. */
	deleted = $state.raw<StoredRun | null>(null);
	importReport = $state.raw<ImportReport | null>(null);
	importing = $state(false);
	/** Where a running import is (checking, then writing), for the progress bar. */
	importProgress = $state.raw<ImportProgress | null>(null);
	/** A file whose runs are partly already here, waiting for "skip or keep both". */
	pendingImport = $state.raw<PreparedImport | null>(null);
	#undoTimer: ReturnType<typeof setTimeout> | undefined;

	constructor() {
		this.list = new RunsList(() => ({ sort: this.sort, search: this.search }));
		getMeta<RunSort>(SORT_KEY).then(
			(s) => {
				if (s && RUN_SORTS.includes(s)) this.sort = s;
			},
			() => undefined
		);
		$effect(() => () => clearTimeout(this.#undoTimer));
	}

	get runs(): RunRecord[] {
		return this.list.runs;
	}

	async setSort(sort: RunSort): Promise<void> {
		this.sort = sort;
		// Remembering the choice is a nicety: a failure to store it is not worth a message.
		await setMeta(SORT_KEY, sort).catch(() => undefined);
	}

	async rename(id: string, name: string): Promise<boolean> {
		if (!name.trim()) {
			const old = this.runs.find((r) => r.id === id)?.name;
			this.message = {
				tone: 'info',
				text: `A run needs a name, so ${old ? `“${old}”` : 'the old name'} was kept.`
			};
			return true;
		}
		try {
			await renameRun(id, name);
			return true;
		} catch (err) {
			this.message = { tone: 'error', text: messageOf(err) };
			return false;
		}
	}

	async duplicate(id: string): Promise<RunRecord | null> {
		try {
			const copy = await duplicateRun(id);
			this.message = { tone: 'success', text: `Duplicated as “${copy.name}”.` };
			return copy;
		} catch (err) {
			this.message = { tone: 'error', text: messageOf(err) };
			return null;
		}
	}

	async remove(id: string): Promise<void> {
		try {
			const run = await deleteRun(id);
			if (!run) return;
			clearTimeout(this.#undoTimer);
			this.deleted = run;
			this.#undoTimer = setTimeout(() => {
				this.deleted = null;
			}, UNDO_MS);
		} catch (err) {
			this.message = { tone: 'error', text: messageOf(err) };
		}
	}

	async undoDelete(): Promise<void> {
		const run = this.deleted;
		if (!run) return;
		clearTimeout(this.#undoTimer);
		this.deleted = null;
		try {
			await restoreRun(run);
			this.message = { tone: 'success', text: `Restored “${run.name}”.` };
		} catch (err) {
			this.message = { tone: 'error', text: messageOf(err) };
		}
	}

	dismissUndo(): void {
		clearTimeout(this.#undoTimer);
		this.deleted = null;
	}

	/** One run (`ids` of one) or all runs as a file; null (with a message) when that failed. */
	async export(ids?: string[]): Promise<ExportedFile | null> {
		try {
			const file = await exportRuns(ids);
			this.message = {
				tone: 'success',
				text: `Exported ${file.count === 1 ? '1 run' : `${file.count} runs`} to ${file.filename}.`
			};
			return file;
		} catch (err) {
			this.message = { tone: 'error', text: messageOf(err) };
			return null;
		}
	}

	async import(file: ImportSource): Promise<ImportReport | null> {
		if (this.importing) return null;
		this.importing = true;
		this.importReport = null;
		this.pendingImport = null;
		this.importProgress = null;
		try {
			const p = await prepareImport(file, { onProgress: (pr) => (this.importProgress = pr) });
			if (!p.ok) {
				this.importReport = p.report;
				return p.report;
			}
			if (p.prepared.alreadyHere.length > 0) {
				// Ask: skip the runs already here, or keep both.
				this.pendingImport = p.prepared;
				return null;
			}
			return await this.#commit(p.prepared, 'both');
		} catch (err) {
			this.message = { tone: 'error', text: messageOf(err) };
			return null;
		} finally {
			this.importing = false;
			this.importProgress = null;
		}
	}

	/** The answer to "already here — skip or keep both" (or cancel: nothing is written). */
	async resolveImport(choice: DuplicateChoice | 'cancel'): Promise<ImportReport | null> {
		const prepared = this.pendingImport;
		if (!prepared || this.importing) return null;
		this.pendingImport = null;
		if (choice === 'cancel') {
			this.importReport = {
				ok: false,
				imported: [],
				ids: [],
				rejected: [],
				message: 'Import cancelled: nothing was imported.'
			};
			return this.importReport;
		}
		this.importing = true;
		try {
			return await this.#commit(prepared, choice);
		} catch (err) {
			this.message = { tone: 'error', text: messageOf(err) };
			return null;
		} finally {
			this.importing = false;
			this.importProgress = null;
		}
	}

	async #commit(prepared: PreparedImport, choice: DuplicateChoice): Promise<ImportReport> {
		const report = await commitImport(prepared, choice, {
			onProgress: (pr) => (this.importProgress = pr)
		});
		this.importReport = report;
		return report;
	}
}
