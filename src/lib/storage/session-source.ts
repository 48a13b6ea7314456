/**
 * Where the sandbox's scenario comes from when the page opens: a saved run (`?run=<id>`), a share
 * link (`#s1=…`), or the draft autosaved before the tab was closed — in that order. Reading only:
 * opening a share link writes nothing.
 */
import type { Scenario } from '$lib/domain/scenario';
import { toStorageError } from './errors';
import type { RunRecord } from './records';
import { splitRun } from './run-record';
import { getRun, loadDraft } from './runs-repo';
import { decodeShareFragment } from './share-link';

export interface SessionSource {
	scenario: Scenario;
	/** The saved run the scenario belongs to (Save updates it), or null. */
	runId: string | null;
	source: 'run' | 'share' | 'draft';
	/** The saved run's metadata when there is one (its stored summary, for the "priced differently" check). */
	run?: RunRecord;
	/** Something the user should be told, e.g. "This run was not found". */
	notice?: string;
}

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
				const meta = splitRun(run).meta;
				const draft = await loadDraft().catch(() => null);
				if (
					draft &&
					draft.runId === runId &&
					draft.savedAt > run.updatedAt &&
					JSON.stringify(draft.scenario) !== JSON.stringify(run.scenario)
				) {
					note('Your unsaved changes to this run were restored.');
					return withNotices({ scenario: draft.scenario, runId, source: 'draft', run: meta });
				}
				return withNotices({ scenario: run.scenario, runId, source: 'run', run: meta });
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

	try {
		const draft = await loadDraft();
		if (draft) return withNotices({ scenario: draft.scenario, runId: draft.runId, source: 'draft' });
	} catch {
		// Saving is off: nothing to restore. The "saving is off" status tells the user why.
	}
	return null;
}
