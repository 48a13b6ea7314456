/**
 * /runs never stays on "Loading…" (issue 13 point 4): a list that storage never answers turns into
 * an error state with "Try again" after LIST_TIMEOUT_MS.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIST_TIMEOUT_MS } from '$lib/state/runs.svelte';
import { freshStorage, teardownStorage } from '../../../tests/fixtures/storage/fresh-db';
import Page from './+page.svelte';

// A storage that opens but never answers the list (as a full or damaged profile did in Chromium).
vi.mock('$lib/storage/runs-query', async (importOriginal) => ({
	...(await importOriginal<typeof import('$lib/storage/runs-query')>()),
	liveRuns: () => ({ subscribe: () => ({ unsubscribe: () => undefined }) })
}));

beforeEach(async () => {
	await freshStorage();
});
afterEach(async () => {
	cleanup();
	vi.useRealTimers();
	await teardownStorage();
});

describe('/runs when the list never comes', () => {
	it('says so after the time limit and offers to try again, instead of loading forever', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		render(Page);
		expect(await screen.findByLabelText('Loading saved runs')).toBeInTheDocument();
		await vi.advanceTimersByTimeAsync(LIST_TIMEOUT_MS + 100);
		const error = await screen.findByTestId('runs-list-error');
		expect(error).toHaveTextContent(`did not load within ${LIST_TIMEOUT_MS / 1000} s`);
		expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
		expect(screen.queryByText('Loading…')).toBeNull();
	});
});
