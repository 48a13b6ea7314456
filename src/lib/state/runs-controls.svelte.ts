/**
 * The sandbox toolbar's storage side: save (a new run or the open one), save as copy, the saved /
 * unsaved indicator, share link, export, and autosave of the scenario being edited as a draft so a
 * closed tab loses nothing. Failures are caught here and shown; the session is never touched by a
 * failed write.
 */
import type { Scenario } from '$lib/domain/scenario';
import { StorageError } from '$lib/storage/errors';
import type { ExportedFile } from '$lib/storage/exchange';
import type { RunRecord, StoredRun } from '$lib/storage/records';
import { repricedNotice } from '$lib/storage/run-summary';
import { clearDraft, saveDraft } from '$lib/storage/drafts-repo';
import { backupDraft, dropBackup, slotOf } from '$lib/storage/draft-slots';
import { onRunChange } from '$lib/storage/run-events';
import { getRun, revisionOf, saveAsCopy, saveRun, updateRun } from '$lib/storage/runs-repo';
import { encodeShareView, type ShareView } from '$lib/storage/share-view';
import type { SandboxSession } from './sandbox-session.svelte';
import { StorageStatusRune, messageOf } from './runs-storage.svelte';

/** Autosave waits this long after the last edit (a hidden or closed tab writes at once). */
export const AUTOSAVE_MS = 300;

export type SaveIndicator =
	| { tone: 'saved'; text: 'Saved' }
	| { tone: 'unsaved'; text: 'Unsaved changes' | 'Not saved yet' }
	| { tone: 'saving'; text: 'Saving…' }
	| { tone: 'off'; text: string };

export interface RunControlsOptions {
	/** Called after the session became a saved run (first save, save as copy): the page puts it in the address. */
	onsaved?: (runId: string) => void;
	/**
	 * The saved run the session was opened from, as the page read it (session-source.ts: `run`), so
	 * it is not read again; null when the session's run is no longer saved.
	 */
	opened?: StoredRun | null;
}

export class RunControlsState {
	readonly session: SandboxSession;
	readonly storage = new StorageStatusRune();
	saving = $state(false);
	/** The scenario object last known to equal the open run's stored scenario. */
	savedScenario = $state.raw<Scenario | null>(null);
	savedRun = $state.raw<RunRecord | null>(null);
	error = $state<string | null>(null);
	/** Reopened run priced differently today than when it was saved. */
	notice = $state<string | null>(null);
	autosaveError = $state<string | null>(null);
	shareLink = $state<string | null>(null);
	shareMessage = $state<string | null>(null);
	/**
	 * The open run was changed elsewhere: 'changed' (another tab saved or renamed it; told by the
	 * channel before this tab saves) or 'conflict' (a save here found a newer revision). The user
	 * chooses: reload theirs, keep both, or overwrite with this tab's version.
	 */
	elsewhere = $state<'changed' | 'conflict' | null>(null);
	#options: RunControlsOptions;
	#pending: {
		scenario: Scenario;
		runId: string | null;
		slot: string;
		timer: ReturnType<typeof setTimeout>;
	} | null = null;
	/** The run the session was opened from, unchanged, until its replay is compared with it. */
	#reopened: RunRecord | null = null;

	constructor(session: SandboxSession, options: RunControlsOptions = {}) {
		this.session = session;
		this.#options = options;

		this.#adopt(options.opened);
		// Other tabs' saves of the open run: say so at once, before this tab saves over them.
		$effect(() => {
			const stop = onRunChange((change) => {
				if (change.id !== this.session.runId) return;
				if (change.revision === null) {
					this.notice = 'This run was deleted in another tab. Save to keep your version as a new run.';
					return;
				}
				if (this.savedRun === null || change.revision !== revisionOf(this.savedRun))
					this.elsewhere = 'changed';
			});
			return stop;
		});
		// A reopened run must price as it was saved: say so when it does not, once its ledger is
		// priced (a large run is priced in a worker meanwhile).
		$effect(() => {
			const run = this.#reopened;
			if (!run || !this.session.ledgerIsCurrent) return;
			this.#reopened = null;
			if (this.session.scenario === this.savedScenario)
				this.notice = repricedNotice(run, this.session.ledger);
		});

		// Autosave: only edits made here (not a fresh load of a run, a use case or a share link) are
		// written, debounced; an unmounted toolbar or a hidden tab writes what is pending at once.
		$effect(() => {
			void this.session.revision;
			const edited = this.session.canUndo || this.session.canRedo;
			const scenario = this.session.scenario;
			if (!edited || scenario === this.savedScenario) return;
			this.#schedule(scenario, this.session.runId);
		});
		$effect(() => {
			const flush = (e: Event) => {
				if (e.type !== 'pagehide' && document.visibilityState !== 'hidden') return;
				// No time for IndexedDB when the page goes: a synchronous copy first, then the write. The
				// session itself is read (not only the pending write): an edit made an instant ago may not
				// have reached the autosave effect yet.
				const s = this.session;
				const edited = (s.canUndo || s.canRedo) && s.scenario !== this.savedScenario;
				if (edited) {
					backupDraft(s.draftSlot, JSON.stringify(s.scenario), s.runId);
					if (!this.#pending) this.#schedule(s.scenario, s.runId);
				}
				void this.flushDraft();
			};
			document.addEventListener('visibilitychange', flush);
			window.addEventListener('pagehide', flush);
			return () => {
				document.removeEventListener('visibilitychange', flush);
				window.removeEventListener('pagehide', flush);
				void this.flushDraft();
			};
		});
	}

	get indicator(): SaveIndicator {
		const off = this.storage.offReason;
		if (off) return { tone: 'off', text: `Saving is off: ${off}` };
		if (this.saving) return { tone: 'saving', text: 'Saving…' };
		if (this.session.runId !== null && this.session.scenario === this.savedScenario)
			return { tone: 'saved', text: 'Saved' };
		if (this.session.runId === null && !this.session.canUndo && !this.session.canRedo)
			return { tone: 'unsaved', text: 'Not saved yet' };
		return { tone: 'unsaved', text: 'Unsaved changes' };
	}

	get dirty(): boolean {
		return this.session.scenario !== this.savedScenario;
	}

	/** The run the session was opened from: whether the session still matches it. */
	#adopt(opened: StoredRun | null | undefined): void {
		if (this.session.runId === null || opened === undefined) return;
		if (opened === null) {
			this.notice = 'This run is no longer saved (it was deleted). Save to keep it again.';
			return;
		}
		if (opened.id !== this.session.runId) return;
		const { scenario, ...meta } = opened;
		this.savedRun = meta;
		// session-source hands the run's own scenario object through when the session opened it unchanged.
		this.savedScenario = scenario;
		if (this.session.scenario === scenario) this.#reopened = meta;
	}

	#schedule(scenario: Scenario, runId: string | null): void {
		if (this.#pending) clearTimeout(this.#pending.timer);
		const timer = setTimeout(() => void this.flushDraft(), AUTOSAVE_MS);
		this.#pending = { scenario, runId, slot: this.session.draftSlot, timer };
	}

	/** Writes the pending draft now (if any). */
	async flushDraft(): Promise<void> {
		const pending = this.#pending;
		if (!pending) return;
		clearTimeout(pending.timer);
		this.#pending = null;
		try {
			await saveDraft({ scenario: pending.scenario, runId: pending.runId }, pending.slot);
			this.autosaveError = null;
		} catch (err) {
			this.autosaveError = messageOf(err);
		}
	}

	#cancelDraft(): void {
		if (this.#pending) clearTimeout(this.#pending.timer);
		this.#pending = null;
	}

	async #afterSave(record: RunRecord, scenario: Scenario, isNew: boolean): Promise<void> {
		this.savedRun = record;
		this.elsewhere = null;
		this.savedScenario = scenario;
		this.notice = null;
		const oldSlot = this.session.draftSlot;
		if (isNew) {
			this.session.runId = record.id;
			// From now on the draft belongs to the saved run.
			this.session.draftSlot = slotOf({ kind: 'run', id: record.id });
			this.#options.onsaved?.(record.id);
		}
		if (this.session.scenario === scenario) {
			this.#cancelDraft();
			dropBackup(oldSlot);
			await clearDraft(oldSlot).catch(() => undefined);
			const adopted = this.session.adoptedDraftSlot;
			if (adopted) {
				this.session.adoptedDraftSlot = null;
				await clearDraft(adopted).catch(() => undefined);
			}
		}
	}

	/** Save: updates the open run, or saves a new one. Returns whether it worked. */
	async save(): Promise<boolean> {
		if (this.saving) return false;
		this.saving = true;
		this.error = null;
		const { scenario, ledger, runId } = this.session;
		try {
			if (runId !== null) {
				try {
					// The revision this tab read: a newer one means another tab saved meanwhile.
					const expectedRevision = this.savedRun?.id === runId ? revisionOf(this.savedRun) : undefined;
					await this.#afterSave(
						await updateRun(runId, { scenario, ledger }, { expectedRevision }),
						scenario,
						false
					);
				} catch (err) {
					if (err instanceof StorageError && err.kind === 'conflict') {
						this.elsewhere = 'conflict';
						return false;
					}
					if (!(err instanceof StorageError && err.kind === 'not-found')) throw err;
					// Deleted meanwhile (another tab): keep the work as a new run rather than lose it.
					await this.#afterSave(await saveRun({ scenario, ledger }), scenario, true);
					this.notice = 'The run had been deleted elsewhere, so this was saved as a new run.';
				}
			} else {
				await this.#afterSave(await saveRun({ scenario, ledger }), scenario, true);
			}
			return true;
		} catch (err) {
			this.error = `${messageOf(err)} Your changes are still here.`;
			return false;
		} finally {
			this.saving = false;
		}
	}

	/** The other tab's version wins: the run is read again and replaces this tab's scenario. */
	async reloadTheirs(): Promise<void> {
		const runId = this.session.runId;
		if (runId === null) return;
		try {
			const run = await getRun(runId);
			if (!run) {
				this.elsewhere = null;
				this.notice = 'This run was deleted in another tab. Save to keep your version as a new run.';
				return;
			}
			const { scenario, ...meta } = run;
			this.#cancelDraft();
			this.session.load(scenario, runId);
			this.savedRun = meta;
			this.savedScenario = scenario;
			this.elsewhere = null;
			await clearDraft(this.session.draftSlot).catch(() => undefined);
		} catch (err) {
			this.error = messageOf(err);
		}
	}

	/** This tab's version wins: saved over the other tab's, on purpose. */
	async overwrite(): Promise<boolean> {
		const runId = this.session.runId;
		if (runId === null || this.saving) return false;
		this.saving = true;
		const { scenario, ledger } = this.session;
		try {
			await this.#afterSave(await updateRun(runId, { scenario, ledger }), scenario, false);
			return true;
		} catch (err) {
			this.error = `${messageOf(err)} Your changes are still here.`;
			return false;
		} finally {
			this.saving = false;
		}
	}

	/** Saves the scenario as a new run "… (copy)" and continues in the copy. */
	async saveCopy(): Promise<boolean> {
		if (this.saving) return false;
		this.saving = true;
		this.error = null;
		const { scenario, ledger } = this.session;
		try {
			const record = await saveAsCopy({ scenario, ledger });
			const renamed = record.name === scenario.name ? scenario : { ...scenario, name: record.name };
			if (renamed !== scenario) this.session.edit(renamed);
			await this.#afterSave(record, renamed, true);
			return true;
		} catch (err) {
			this.error = `${messageOf(err)} Your changes are still here.`;
			return false;
		} finally {
			this.saving = false;
		}
	}

	/**
	 * Builds the share link (with the view fields given), copies it if the browser lets us, and keeps
	 * it for the text field.
	 */
	async share(location: { origin: string; pathname: string }, view: ShareView = {}): Promise<void> {
		// The link codec loads on first use, not with the page (initial JS budget, issue 14).
		const { LONG_LINK_CHARS, shareUrl } = await import('$lib/storage/share-link');
		const url = shareUrl(location, this.session.scenario) + encodeShareView(view);
		this.shareLink = url;
		const long =
			url.length > LONG_LINK_CHARS
				? ` It is long (${url.length.toLocaleString()} characters): some chat apps cut long links, so export the run as a file instead if it does not open.`
				: '';
		try {
			await navigator.clipboard.writeText(url);
			this.shareMessage = `Link copied to the clipboard.${long}`;
		} catch {
			this.shareMessage = `Copy the link below.${long}`;
		}
	}

	closeShare(): void {
		this.shareLink = null;
		this.shareMessage = null;
	}

	/** The session as a one-run file (works with saving off). The file code loads on first use. */
	async exportFile(): Promise<ExportedFile | null> {
		try {
			const { exportScenarioRun } = await import('$lib/storage/exchange');
			return exportScenarioRun(
				this.session.scenario,
				this.session.ledger,
				this.session.runId ? this.savedRun : null
			);
		} catch (err) {
			this.error = messageOf(err);
			return null;
		}
	}
}
