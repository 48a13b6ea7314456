/**
 * Where the sandbox's scenario comes from when the page opens: a use case (`?usecase=`), a blank one
 * (`?new=1`), a saved run (`?run=<id>`), a share link (`#s2=…`, or an older `#s1=…`), or, on a bare /sandbox, the newest
 * draft. Each source has a draft per tab (draft-slots.ts): this tab's draft of the source is restored;
 * other tabs' drafts of it are offered, never silently picked. Reading only: opening writes nothing.
 */
import type { Scenario } from '$lib/domain/scenario';
import { DB_NAME } from './db-name';
import { hasBackup, slotOf, sourceKey, tabId, tabOfSlot, type DraftSource } from './draft-slots';
import { toStorageError } from './errors';
import type { Draft, StoredRun } from './records';
import { draftsOf, latestDraft } from './drafts-repo';
import { getRun } from './runs-repo';
import type { ShareDecodeResult } from './share-link';

export interface SessionSource {
	scenario: Scenario;
	/** The saved run the scenario belongs to (Save updates it), or null. */
	runId: string | null;
	source: 'run' | 'share' | 'draft' | 'usecase' | 'blank';
	/** Where this tab's draft of the scenario is kept. */
	slot: string;
	/**
	 * The saved run `runId` names, as read here (stored scenario included), so nothing reads it again.
	 * When the session matches it, `scenario` is that very object (`scenario === run.scenario`). null
	 * when the run is no longer saved; absent when there is no run id or storage could not be read.
	 */
	run?: StoredRun | null;
	/** Other tabs' unsaved drafts of the same source, newest first: offered, not opened. */
	otherDrafts: readonly Draft[];
	/** Another tab's draft taken over here (the only one, e.g. from a closed tab): cleared on save. */
	adoptedSlot?: string;
	/** Something the user should be told, e.g. "This run was not found". */
	notice?: string;
}

/** A draft of `run`: the run's own scenario object when the draft holds no change, else the draft's. */
const scenarioOf = (draft: Draft, run: StoredRun): Scenario =>
	JSON.stringify(draft.scenario) === JSON.stringify(run.scenario) ? run.scenario : draft.scenario;

/** A share link's scenario; the codec loads only when an address holds one (the page's JS budget). */
async function decodeShareLink(hash: string): Promise<ShareDecodeResult | null> {
	const { decodeShareFragment } = await import('./share-link');
	return decodeShareFragment(hash);
}

/** Whether the app's database exists, without creating it (Dexie loads only if asked). */
async function databaseExists(): Promise<boolean> {
	try {
		const { default: Dexie } = await import('dexie');
		return await Dexie.exists(DB_NAME);
	} catch {
		return false;
	}
}

/**
 * This tab's draft of a source, and the other tabs' ones (nothing when storage is off). When this
 * tab has none and exactly one other exists (a tab closed with unsaved work), that one is taken
 * over as this tab's (`adopted`); several are offered, never picked.
 */
async function draftsFor(
	source: DraftSource
): Promise<{ mine: Draft | null; others: Draft[]; adopted?: string }> {
	// No database yet and no page-hide copy: no drafts, and opening a link must not create a database
	// (opening writes nothing). A copy left at page hide is moved into the database.
	const tab = tabId();
	if (!hasBackup(slotOf(source, tab)) && !(await databaseExists())) return { mine: null, others: [] };
	const all = await draftsOf(sourceKey(source), slotOf(source, tab)).catch(() => [] as Draft[]);
	const mine = all.find((d) => tabOfSlot(d.slot) === tab) ?? null;
	const others = all.filter((d) => tabOfSlot(d.slot) !== tab);
	const only = others[0];
	if (!mine && others.length === 1 && only) return { mine: only, others: [], adopted: only.slot };
	return { mine, others };
}

/**
 * The scenario of the address: a use case or blank scenario given by the page (`base`), else
 * `?run=`, then `#s2=` (or `#s1=`), then the newest draft. Returns null when none gives a scenario; `onNotice`
 * hears every problem on the way (a missing run, a damaged link, storage off) even then.
 */
export async function restoreSessionSource(
	url: URL,
	onNotice?: (text: string) => void,
	base?: { source: Extract<DraftSource, { kind: 'usecase' | 'blank' }>; scenario: Scenario },
	/** How a share link is read: at once by default; the page passes a worker for long links. */
	decodeLink: (hash: string) => Promise<ShareDecodeResult | null> | ShareDecodeResult | null = decodeShareLink
): Promise<SessionSource | null> {
	const notices: string[] = [];
	const note = (text: string) => {
		notices.push(text);
		onNotice?.(text);
	};
	const done = (s: SessionSource): SessionSource => {
		if (s.otherDrafts.length)
			note(
				`You have ${s.otherDrafts.length} unsaved draft${s.otherDrafts.length === 1 ? '' : 's'} of this scenario from other tabs.`
			);
		return notices.length ? { ...s, notice: notices.join(' ') } : s;
	};
	const restored = 'Your unsaved changes were restored.';

	if (base) {
		const { mine, others, adopted } = await draftsFor(base.source);
		const slot = slotOf(base.source);
		if (mine) note(restored);
		return done({
			scenario: mine?.scenario ?? base.scenario,
			runId: null,
			source: mine ? 'draft' : base.source.kind,
			slot,
			otherDrafts: others,
			...(adopted ? { adoptedSlot: adopted } : {})
		});
	}

	const runId = url.searchParams.get('run');
	if (runId) {
		const source: DraftSource = { kind: 'run', id: runId };
		try {
			const run = await getRun(runId);
			if (run) {
				const { mine, others, adopted } = await draftsFor(source);
				const newer = others.filter((d) => d.savedAt > run.updatedAt);
				if (mine && mine.savedAt > run.updatedAt) {
					const scenario = scenarioOf(mine, run);
					if (scenario !== run.scenario) {
						note(restored);
						return done({
							scenario,
							runId,
							source: 'draft',
							slot: slotOf(source),
							run,
							otherDrafts: newer,
							...(adopted ? { adoptedSlot: adopted } : {})
						});
					}
				}
				return done({
					scenario: run.scenario,
					runId,
					source: 'run',
					slot: slotOf(source),
					run,
					otherDrafts: newer
				});
			}
			note('The saved run in this link was not found (it may have been deleted).');
		} catch (e) {
			note(`${toStorageError(e, 'open the saved run').message}`);
			// Storage is off: a share link or nothing; the drafts cannot be read either.
			const shared = await decodeLink(url.hash);
			return shared?.ok
				? done({
						scenario: shared.scenario,
						runId: null,
						source: 'share',
						slot: slotOf({ kind: 'share', fragment: url.hash }),
						otherDrafts: []
					})
				: null;
		}
	}

	// A share link's drafts are looked up while the link is read (a large one takes a worker the
	// better part of a second): their key is the fragment itself.
	const source: DraftSource = { kind: 'share', fragment: url.hash };
	const drafts = url.hash.length > 1 ? draftsFor(source) : null;
	drafts?.catch(() => undefined); // awaited below when the link opens; its failure is told there
	const shared = await decodeLink(url.hash);
	if (shared?.ok) {
		const { mine, others, adopted } = await (drafts ?? draftsFor(source));
		if (mine) note(restored);
		return done({
			scenario: mine?.scenario ?? shared.scenario,
			runId: null,
			source: mine ? 'draft' : 'share',
			slot: slotOf(source),
			otherDrafts: others,
			...(adopted ? { adoptedSlot: adopted } : {})
		});
	}
	if (shared) note(`This share link could not be opened: ${shared.reason}`);

	let draft: Draft | null;
	try {
		draft = await latestDraft(tabId());
	} catch {
		// Saving is off: nothing to restore. The "saving is off" status tells the user why.
		return null;
	}
	if (!draft) return null;
	// The slot's source, but kept by this tab from now on.
	const slot = `${draft.slot.slice(0, draft.slot.lastIndexOf('@'))}@${tabId()}`;
	if (draft.runId === null)
		return done({ scenario: draft.scenario, runId: null, source: 'draft', slot, otherDrafts: [] });
	// The draft is an edit of a saved run: read that run once, here.
	const fromDraft = {
		scenario: draft.scenario,
		runId: draft.runId,
		source: 'draft',
		slot,
		otherDrafts: []
	} as const;
	try {
		const run = draft.runId === runId ? null : await getRun(draft.runId);
		return done(run ? { ...fromDraft, scenario: scenarioOf(draft, run), run } : { ...fromDraft, run: null });
	} catch {
		return done(fromDraft);
	}
}
