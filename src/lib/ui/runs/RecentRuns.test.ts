import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureStorage } from '$lib/storage/availability';
import { saveRun } from '$lib/storage/runs-repo';
import { freshStorage, teardownStorage, useCase } from '../../../../tests/fixtures/storage/fresh-db';
import RecentRuns from './RecentRuns.svelte';

beforeEach(async () => {
	await freshStorage();
});
afterEach(async () => {
	cleanup();
	await teardownStorage();
});

describe('RecentRuns', () => {
	it('empty: says how runs get here, links to /runs', async () => {
		render(RecentRuns);
		expect(await screen.findByTestId('recent-runs-empty')).toBeInTheDocument();
		expect(screen.getByRole('link', { name: /All saved runs/ })).toHaveAttribute(
			'href',
			expect.stringMatching(/\/runs$/)
		);
	});

	it('lists the five most recent runs, newest first, each linking to the sandbox', async () => {
		for (let i = 0; i < 7; i++) {
			await saveRun({ scenario: useCase(i % 5), name: `Run ${i}` });
			await new Promise((r) => setTimeout(r, 3));
		}
		render(RecentRuns);
		await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(5));
		const links = screen.getAllByRole('link').filter((a) => a.getAttribute('href')?.includes('sandbox?run='));
		expect(links.map((a) => a.textContent)).toEqual(['Run 6', 'Run 5', 'Run 4', 'Run 3', 'Run 2']);
	});

	it('storage unavailable: says saving is off', async () => {
		await configureStorage({ indexedDB: null });
		render(RecentRuns);
		expect(await screen.findByTestId('recent-runs-off')).toHaveTextContent(
			/Saving is off: this browser gives the page no IndexedDB/
		);
	});
});
