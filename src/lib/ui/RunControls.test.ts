import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SandboxSession } from '$lib/state/sandbox-session.svelte';
import { configureStorage } from '$lib/storage/availability';
import { loadDraft } from '$lib/storage/drafts-repo';
import { slotOf } from '$lib/storage/draft-slots';
import { getRun, insertRuns, saveRun } from '$lib/storage/runs-repo';
import { listRuns } from '$lib/storage/runs-query';
import type { StoredRun } from '$lib/storage/records';
import { decodeShareFragment } from '$lib/storage/share-link';
import { freshStorage, teardownStorage, useCase } from '../../../tests/fixtures/storage/fresh-db';
import RunControls from './RunControls.svelte';

beforeEach(async () => {
	await freshStorage();
});
afterEach(async () => {
	cleanup();
	vi.restoreAllMocks();
	await teardownStorage();
});

function setup(session = new SandboxSession(useCase(4)), opened?: StoredRun | null) {
	const onsaved = vi.fn<(id: string) => void>();
	render(RunControls, { session, opened, onsaved });
	return { session, onsaved, user: userEvent.setup() };
}

const state = () => screen.getByTestId('save-state');

describe('RunControls: save', () => {
	it('saves a new run, says "Saved", and hands the new id to the page', async () => {
		const { session, onsaved, user } = setup();
		await waitFor(() => expect(state()).toHaveTextContent('Not saved yet'));
		await user.click(screen.getByTestId('save-run'));
		await waitFor(() => expect(state()).toHaveTextContent('Saved'));
		const [run] = await listRuns();
		expect(run?.name).toBe(useCase(4).name);
		expect(session.runId).toBe(run?.id);
		expect(onsaved).toHaveBeenCalledWith(run?.id);
		expect(run?.total).toBe(session.ledger.total);
	});

	it('an edit shows "Unsaved changes", is autosaved as a draft, and Save updates the same run', async () => {
		const { session, user } = setup();
		await user.click(screen.getByTestId('save-run'));
		await waitFor(() => expect(state()).toHaveTextContent('Saved'));
		const id = session.runId!;
		session.edit({ ...session.scenario, events: session.scenario.events.slice(0, 1) });
		await waitFor(() => expect(state()).toHaveTextContent('Unsaved changes'));
		// The draft is kept in the saved run's slot for this tab.
		expect(session.draftSlot).toBe(slotOf({ kind: 'run', id }));
		await waitFor(async () => expect((await loadDraft(session.draftSlot))?.scenario.events).toHaveLength(1), {
			timeout: 3000
		});
		expect((await loadDraft(session.draftSlot))?.runId).toBe(id);
		await user.click(screen.getByTestId('save-run'));
		await waitFor(() => expect(state()).toHaveTextContent('Saved'));
		expect((await getRun(id))?.scenario.events).toHaveLength(1);
		expect(await listRuns()).toHaveLength(1);
		expect(await loadDraft(session.draftSlot)).toBeNull();
	});

	it('a fresh load (a run, a use case, a share link) writes no draft', async () => {
		const { session } = setup();
		await new Promise((r) => setTimeout(r, 1200));
		expect(await loadDraft(session.draftSlot)).toBeNull();
		expect(await listRuns()).toEqual([]);
	});

	it('Save as copy makes a "(copy)" run and continues in it', async () => {
		const { session, user } = setup();
		await user.click(screen.getByTestId('save-run'));
		await waitFor(() => expect(state()).toHaveTextContent('Saved'));
		const first = session.runId;
		await user.click(screen.getByTestId('save-copy'));
		await waitFor(() => expect(session.runId).not.toBe(first));
		expect(session.scenario.name).toBe(`${useCase(4).name} (copy)`);
		await waitFor(() => expect(state()).toHaveTextContent('Saved'));
		expect((await listRuns({ sort: 'name' })).map((r) => r.name)).toEqual([
			useCase(4).name,
			`${useCase(4).name} (copy)`
		]);
	});
});

describe('RunControls: when storage fails', () => {
	it('no IndexedDB: "Saving is off: <reason>", Save disabled, export still offered', async () => {
		await configureStorage({ indexedDB: null });
		setup();
		await waitFor(() =>
			expect(state()).toHaveTextContent(/^Saving is off: this browser gives the page no IndexedDB/)
		);
		expect(screen.getByTestId('save-run')).toBeDisabled();
		expect(screen.getByTestId('export-run')).toBeEnabled();
		expect(screen.getByTestId('saving-off')).toHaveTextContent('You can keep working');
	});

	it('a quota error on save is reported and the session is kept as it was', async () => {
		const { session, user } = setup();
		await waitFor(() => expect(state()).toHaveTextContent('Not saved yet'));
		const before = session.scenario;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		await user.click(screen.getByTestId('save-run'));
		await waitFor(() =>
			expect(screen.getByTestId('run-error')).toHaveTextContent(
				/storage for this site is full.*Your changes are still here/
			)
		);
		expect(session.scenario).toBe(before);
		expect(session.runId).toBeNull();
		expect(state()).toHaveTextContent(/^Saving is off: the browser's storage for this site is full/);
	});
});

describe('RunControls: share and reopen', () => {
	it('Share link copies the link and shows it in a field; it decodes to the scenario', async () => {
		const { session, user } = setup();
		const writeText = vi.fn<(text: string) => Promise<void>>(() => Promise.resolve());
		Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
		await user.click(screen.getByTestId('share-link'));
		const field = await screen.findByTestId<HTMLInputElement>('share-url');
		expect(field.value).toMatch(/#s2=/);
		expect(writeText).toHaveBeenCalledWith(field.value);
		expect(screen.getByText(/Link copied/)).toBeInTheDocument();
		const decoded = decodeShareFragment(new URL(field.value).hash);
		expect(decoded?.ok && decoded.scenario).toEqual(session.scenario);
		expect(await listRuns()).toEqual([]);
	});

	it('a clipboard refusal still shows the link to copy by hand', async () => {
		const { user } = setup();
		Object.defineProperty(navigator, 'clipboard', {
			value: { writeText: () => Promise.reject(new Error('denied')) },
			configurable: true
		});
		await user.click(screen.getByTestId('share-link'));
		expect(await screen.findByText(/Copy the link below/)).toBeInTheDocument();
		expect(screen.getByTestId<HTMLInputElement>('share-url').value).toMatch(/#s2=/);
	});

	it('a reopened run priced differently today shows a notice naming the difference', async () => {
		const saved = await saveRun({ scenario: useCase(4) });
		const stored = (await getRun(saved.id))!;
		// As if saved when the rate was different.
		await insertRuns([
			{
				...stored,
				id: 'old-run',
				total: 500 as never,
				summary: { ...stored.summary, total: 500 as never },
				rateDataVersion: 'rates-older'
			}
		]);
		const old = (await getRun('old-run'))!;
		setup(new SandboxSession(old.scenario, 'old-run'), old);
		const notice = await screen.findByTestId('run-notice');
		expect(notice).toHaveTextContent(
			/prices it differently.*total was 0\.0005 USD, now 0\.0711 USD.*rate data changed/
		);
		await waitFor(() => expect(state()).toHaveTextContent('Saved'));
	});

	it('a reopened run that replays the same shows no notice', async () => {
		const saved = await saveRun({ scenario: useCase(1) });
		const run = (await getRun(saved.id))!;
		setup(new SandboxSession(run.scenario, run.id), run);
		await waitFor(() => expect(state()).toHaveTextContent('Saved'));
		expect(screen.queryByTestId('run-notice')).toBeNull();
	});

	it('a reopened run with unsaved changes restored says "Unsaved changes" and reads nothing again', async () => {
		const saved = await saveRun({ scenario: useCase(1) });
		const run = (await getRun(saved.id))!;
		const edited = { ...run.scenario, events: run.scenario.events.slice(1) };
		const get = vi.spyOn(IDBObjectStore.prototype, 'get');
		setup(new SandboxSession(edited, run.id), run);
		await waitFor(() => expect(state()).toHaveTextContent('Unsaved changes'));
		expect(screen.queryByTestId('run-notice')).toBeNull();
		expect(get).not.toHaveBeenCalled();
	});

	it('a session whose run was deleted says so', async () => {
		setup(new SandboxSession(useCase(1), 'gone'), null);
		expect(await screen.findByTestId('run-notice')).toHaveTextContent(/no longer saved/);
	});
});
