/**
 * Where the sandbox's scenario comes from when the page opens: a saved run (`?run=<id>`), a share
 * link (`#s1=…`), or the draft autosaved before the tab was closed — in that order. Reading only:
 * opening a share link writes nothing.
 */
import type { Scenario } from '$lib/domain/scenario';
import { toStorageError } from './errors';
import type { Draft, StoredRun } from './records';
import { loadDraft } from './drafts-repo';
import { getRun } from './runs-repo';
import { decodeShareFragment } from './share-link';

export interface SessionSource {
	scenario: Scenario;
	/** The saved run the scenario belongs to (Save updates it), or null. */
	runId: string | null;
	source: 'run' | 'share' | 'draft';
	/**
	 * The saved run `runId` names, as read here (stored scenario included), so nothing reads it again.
	 * When the session matches it, `scenario` is that very object (`scenario === run.scenario`). null
	 * when the run is no longer saved; absent when there is no run id or storage could not be read.
	 */
	run?: StoredRun | null;
	/** Something the user should be told, e.g. "This run was not found". */
	notice?: string;
}

/** A draft of `run`: the run's own scenario object when the draft holds no change, else the draft's. */
const scenarioOf = (draft: Draft, run: StoredRun): Scenario =>
	JSON.stringify(draft.scenario) === JSON.stringify(run.scenario) ? run.scenario : draft.scenario;

/**
 * Checks `?run=`, then `#s1=`, then the draft. Returns null when none gives a scenario; `onNotice`
 * hears every problem on the way (a missing run, a damaged link, storage off) even then.
 */
export async function restoreSessionSource(
	url: URL,
	onNotice?: (text: string) => void
): Promise<SessionSource | null> {
	const notices: string[] = [];
	const note = (text: string) => {
		notices.push(text);
		onNotice?.(text);
	};
	const withNotices = (s: SessionSource): SessionSource =>
		notices.length ? { ...s, notice: notices.join(' ') } : s;

	const runId = url.searchParams.get('run');
	if (runId) {
		try {
			const run = await getRun(runId);
			if (run) {
				const draft = await loadDraft().catch(() => null);
				if (draft && draft.runId === runId && draft.savedAt > run.updatedAt) {
					const scenario = scenarioOf(draft, run);
					if (scenario !== run.scenario) {
						note('Your unsaved changes to this run were restored.');
						return withNotices({ scenario, runId, source: 'draft', run });
					}
				}
				return withNotices({ scenario: run.scenario, runId, source: 'run', run });
			}
			note('The saved run in this link was not found (it may have been deleted).');
		} catch (e) {
			note(`${toStorageError(e, 'open the saved run').message}`);
			// Storage is off: a share link or nothing; the draft cannot be read either.
			const shared = decodeShareFragment(url.hash);
			return shared?.ok ? withNotices({ scenario: shared.scenario, runId: null, source: 'share' }) : null;
		}
	}

	const shared = decodeShareFragment(url.hash);
	if (shared?.ok) return withNotices({ scenario: shared.scenario, runId: null, source: 'share' });
	if (shared) note(`This share link could not be opened: ${shared.reason}`);

	let draft: Draft | null;
	try {
		draft = await loadDraft();
	} catch {
		// Saving is off: nothing to restore. The "saving is off" status tells the user why.
		return null;
	}
	if (!draft) return null;
	if (draft.runId === null) return withNotices({ scenario: draft.scenario, runId: null, source: 'draft' });
	// The draft is an edit of a saved run: read that run once, here (the `?run=` above already found
	// it missing when it is the same id).
	const base = { scenario: draft.scenario, runId: draft.runId, source: 'draft' } as const;
	try {
		const run = draft.runId === runId ? null : await getRun(draft.runId);
		return withNotices(run ? { ...base, scenario: scenarioOf(draft, run), run } : { ...base, run: null });
	} catch {
		return withNotices(base);
	}
}
