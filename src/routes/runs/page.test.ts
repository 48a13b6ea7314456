import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureStorage } from '$lib/storage/availability';
import { RUNS_FORMAT } from '$lib/storage/exchange';
import { saveRun } from '$lib/storage/runs-repo';
import { countRuns, listRuns } from '$lib/storage/runs-query';
import { freshStorage, teardownStorage, useCase } from '../../../tests/fixtures/storage/fresh-db';
import Page from './+page.svelte';

beforeEach(async () => {
	await freshStorage();
});
afterEach(async () => {
	cleanup();
	vi.useRealTimers();
	await teardownStorage();
});

const rows = () => screen.queryAllByTestId('run-row');
const names = () => rows().map((r) => within(r).queryByTestId('open-run')?.textContent ?? '');

async function seed() {
	await saveRun({ scenario: useCase(0), name: 'Beta run' });
	await new Promise((r) => setTimeout(r, 3));
	await saveRun({ scenario: useCase(4), name: '<img src=x onerror=alert(1)> Alpha' });
	await new Promise((r) => setTimeout(r, 3));
	await saveRun({ scenario: useCase(3), name: 'gamma' });
}

describe('/runs', () => {
	it('shows the empty state', async () => {
		render(Page);
		expect(await screen.findByTestId('runs-empty')).toHaveTextContent('No saved runs yet');
	});

	it('lists runs newest first with market, regime, total; names are text', async () => {
		await seed();
		render(Page);
		await waitFor(() => expect(rows()).toHaveLength(3));
		expect(names()).toEqual(['gamma', '<img src=x onerror=alert(1)> Alpha', 'Beta run']);
		expect(document.querySelector('img')).toBeNull();
		const alpha = rows()[1]!;
		expect(alpha).toHaveTextContent('Indonesia');
		expect(alpha).toHaveTextContent('Conversation-based, 4 categories (June 2023)');
		expect(alpha).toHaveTextContent('0.0711 USD');
		expect(within(alpha).getByTestId('open-run')).toHaveAttribute(
			'href',
			expect.stringMatching(/\/sandbox\?run=[0-9a-f-]{36}$/)
		);
	});

	it('sorts and searches by name', async () => {
		await seed();
		const user = userEvent.setup();
		render(Page);
		await waitFor(() => expect(rows()).toHaveLength(3));
		await user.selectOptions(screen.getByTestId('runs-sort'), 'name');
		await waitFor(() => expect(names()).toEqual(['<img src=x onerror=alert(1)> Alpha', 'Beta run', 'gamma']));
		await user.type(screen.getByTestId('runs-search'), 'BETA');
		await waitFor(() => expect(names()).toEqual(['Beta run']));
		await user.clear(screen.getByTestId('runs-search'));
		await user.type(screen.getByTestId('runs-search'), 'nothing like it');
		expect(await screen.findByTestId('runs-no-match')).toBeInTheDocument();
	});

	it('renames inline with the keyboard: Enter saves, Escape cancels', async () => {
		await seed();
		const user = userEvent.setup();
		render(Page);
		await waitFor(() => expect(rows()).toHaveLength(3));
		await user.click(within(rows()[0]!).getByTestId('rename-run'));
		const input = screen.getByTestId<HTMLInputElement>('rename-input');
		expect(input).toHaveFocus();
		await user.clear(input);
		await user.type(input, 'Renamed{Enter}');
		await waitFor(() => expect(names()).toContain('Renamed'));
		expect(within(rows()[0]!).getByTestId('rename-run')).toHaveFocus();
		await user.keyboard('{Enter}');
		await user.keyboard('{Control>}a{/Control}Nope{Escape}');
		await waitFor(() => expect(screen.queryByTestId('rename-input')).toBeNull());
		expect(names()).toContain('Renamed');
		expect(names()).not.toContain('Nope');
	});

	it('deletes with an Undo that brings the run back', async () => {
		await seed();
		const user = userEvent.setup();
		render(Page);
		await waitFor(() => expect(rows()).toHaveLength(3));
		await user.click(within(rows()[0]!).getByTestId('delete-run'));
		await waitFor(() => expect(rows()).toHaveLength(2));
		expect(screen.getByTestId('undo-toast')).toHaveTextContent('Deleted “gamma”.');
		await user.click(screen.getByTestId('undo-delete'));
		await waitFor(() => expect(rows()).toHaveLength(3));
		expect(screen.queryByTestId('undo-toast')).toBeNull();
	});

	it('the Undo offer ends after a few seconds', async () => {
		await seed();
		const user = userEvent.setup();
		render(Page);
		await waitFor(() => expect(rows()).toHaveLength(3));
		await user.click(within(rows()[0]!).getByTestId('delete-run'));
		await screen.findByTestId('undo-toast');
		await waitFor(() => expect(screen.queryByTestId('undo-toast')).toBeNull(), { timeout: 8000 });
		expect(await countRuns()).toBe(2);
	}, 15_000);

	it('imports a file and shows the report; an invalid file writes nothing and says why', async () => {
		const user = userEvent.setup();
		render(Page);
		await screen.findByTestId('runs-empty');
		const bad = JSON.stringify({
			format: RUNS_FORMAT,
			runs: [{ scenario: useCase(0) }, { name: 'x', scenario: { ...useCase(1), market: 'Narnia' } }]
		});
		await user.upload(
			screen.getByTestId('import-file'),
			new File([bad], 'bad.json', { type: 'application/json' })
		);
		const report = await screen.findByTestId('import-report');
		expect(report).toHaveTextContent('Nothing was imported: 1 run of 2 is invalid');
		expect(report).toHaveTextContent(
			'Run 2 (“x”): scenario.market: must be an ISO 3166-1 alpha-2 country code'
		);
		expect(await countRuns()).toBe(0);

		const good = JSON.stringify({
			format: RUNS_FORMAT,
			runs: [{ scenario: useCase(0) }, { name: 'Second', scenario: useCase(1) }]
		});
		await user.upload(
			screen.getByTestId('import-file'),
			new File([good], 'good.json', { type: 'application/json' })
		);
		await waitFor(() => expect(screen.getByTestId('import-report')).toHaveTextContent('Imported 2 runs.'));
		await waitFor(() => expect(rows()).toHaveLength(2));
		expect((await listRuns()).map((r) => r.name).sort()).toEqual([useCase(0).name, 'Second'].sort());
	});

	it('says saving is off when storage is unavailable', async () => {
		await configureStorage({ indexedDB: null });
		render(Page);
		expect(await screen.findByTestId('saving-off')).toHaveTextContent(
			/Saving is off: this browser gives the page no IndexedDB/
		);
		expect(screen.getByTestId('runs-unavailable')).toBeInTheDocument();
		expect(screen.getByTestId('import-button')).toBeDisabled();
	});
});
