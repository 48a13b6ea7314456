/**
 * The broadcast page in jsdom: no Worker there, so the forecast runs on the main thread through the
 * same job as the worker's; storage is a fresh fake IndexedDB per test.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listForecasts } from '$lib/storage/forecasts-repo';
import { freshStorage, teardownStorage } from '../../../tests/fixtures/storage/fresh-db';
import Page from './+page.svelte';

vi.mock('$app/state', () => ({ page: { url: new URL('http://localhost/broadcast') } }));

beforeEach(async () => {
	await freshStorage();
	vi.stubGlobal(
		'ResizeObserver',
		class {
			observe() {}
			unobserve() {}
			disconnect() {}
		}
	);
});
afterEach(async () => {
	cleanup();
	vi.unstubAllGlobals();
	await teardownStorage();
});

const radio = (category: string) => within(screen.getByTestId(`category-${category}`)).getByRole('radio');

async function ready() {
	render(Page);
	await waitFor(() => expect(radio('marketing')).toBeEnabled());
	return userEvent.setup();
}

async function smallPlan(user: ReturnType<typeof userEvent.setup>) {
	await user.click(screen.getByTestId('audience-plan'));
	const counts = screen.getAllByTestId('plan-recipients');
	for (const [i, n] of ['400', '300', '300'].entries()) {
		await user.clear(counts[i]!);
		await user.type(counts[i]!, n);
	}
	await user.clear(screen.getByTestId('plan-trials'));
	await user.type(screen.getByTestId('plan-trials'), '200');
	await user.clear(screen.getByTestId('send-time'));
	await user.type(screen.getByTestId('send-time'), '2026-12-03T09:00');
}

describe('/broadcast', () => {
	it('category first: authentication unavailable with the reason, marketing paused for US numbers', async () => {
		await ready();
		expect(radio('authentication')).toBeDisabled();
		expect(screen.getByTestId('category-authentication')).toHaveTextContent(
			'Unavailable: no approved authentication template (1 template pending review, 1 template rejected).'
		);
		expect(screen.getByTestId('us-pause')).toHaveTextContent(
			'Unavailable for US numbers: Meta has paused marketing templates to +1 US numbers since 1 Apr 2025.'
		);
		expect(radio('utility')).toBeEnabled();
	});

	it('approving a template in the library makes its category available', async () => {
		const user = await ready();
		await user.click(screen.getByTestId('manage-templates'));
		await user.type(screen.getByTestId('new-template-name'), 'otp_login');
		await user.selectOptions(screen.getByTestId('new-template-category'), 'authentication');
		await user.click(screen.getByTestId('add-template'));
		await waitFor(() => expect(radio('authentication')).toBeEnabled());
		await user.click(radio('authentication'));
		expect(screen.getByTestId('template-select')).toHaveDisplayValue('otp_login · en');
		// A bad name is refused with the reason, the typing kept.
		await user.type(screen.getByTestId('new-template-name'), 'Bad Name');
		await user.click(screen.getByTestId('add-template'));
		expect(await screen.findByText(/lowercase letters, digits and underscores only/)).toBeInTheDocument();
		expect(screen.getByTestId('new-template-name')).toHaveValue('Bad Name');
	});

	it('Run with inputs missing says what is missing', async () => {
		const user = await ready();
		await user.click(screen.getByTestId('run-forecast'));
		const problems = await screen.findByTestId('run-problems');
		expect(problems).toHaveTextContent('Choose a template category (step 1).');
		expect(problems).toHaveTextContent('Choose a recipients file (step 2).');
		expect(problems).toHaveFocus();
	});

	it('a plan: result per market and outcome, every regime with ranges, saved and listed', async () => {
		const user = await ready();
		await user.click(radio('marketing'));
		await smallPlan(user);
		await user.click(screen.getByTestId('run-forecast'));
		const result = await screen.findByTestId('forecast-result', {}, { timeout: 10_000 });
		expect(within(result).getByTestId('count-charged')).toHaveTextContent(/^\d{3}$/);
		const markets = within(result)
			.getAllByTestId('market-row')
			.map((r) => r.querySelector('.market')?.textContent);
		expect(markets.sort()).toEqual(['Brazil', 'India', 'Indonesia']);
		const regimes = within(result).getAllByTestId('regime-row');
		expect(regimes.map((r) => r.dataset.regime)).toEqual([
			'by-date',
			'cbp-2023-06',
			'cbp-2024-11',
			'pmp-2025-07',
			'pmp-2026-10'
		]);
		expect(within(regimes[0]!).getByTestId('range-p50')).toHaveTextContent(/^\d+\.\d{4}$/);
		// Open a market's recipients: each links to the sandbox with its scenario in the fragment.
		await user.click(within(result).getAllByTestId('show-recipients')[0]!);
		const link = within(result).getAllByTestId('open-in-sandbox')[0]!;
		expect(link.getAttribute('href')).toMatch(/\/sandbox#s2=/);
		await user.clear(screen.getByTestId('forecast-name'));
		await user.type(screen.getByTestId('forecast-name'), 'Year-end plan');
		await user.click(screen.getByTestId('save-forecast'));
		expect(await screen.findByText(/Saved “Year-end plan”/, {}, { timeout: 5000 })).toBeInTheDocument();
		await waitFor(() => expect(screen.getAllByTestId('forecast-row')).toHaveLength(1), { timeout: 5000 });
		const [saved] = await listForecasts();
		expect(saved).toMatchObject({
			name: 'Year-end plan',
			regimes: ['pmp-2026-10'],
			cardIds: ['2026-10-01-USD']
		});
		expect(saved!.inputs.audience.kind).toBe('plan');
	}, 20_000);

	it('a recipients file: columns guessed, bad rows listed, a file without numbers refused', async () => {
		const user = await ready();
		await user.click(radio('utility'));
		// A spreadsheet's empty row above the header is skipped; lines count from the file's first.
		const csv =
			',,,\n' +
			'id,name,Mobile,last_customer_message_at\n' +
			'1,Ana,+62 812 3456 7890,2026-12-03T08:00:00+07:00\n' +
			'2,Raj,919876543210,\n' +
			'3,Nope,n/a,\n' +
			'4,Who,+999 1234 5678,\n';
		await user.upload(screen.getByTestId('csv-file'), new File([csv], 'crm.csv', { type: 'text/csv' }));
		expect(await screen.findByTestId('file-summary')).toHaveTextContent('crm.csv');
		expect(screen.getByTestId('column-phone')).toHaveDisplayValue('Mobile (2 numbers)');
		expect(screen.getByTestId('column-lastMessage')).toHaveDisplayValue('last_customer_message_at');
		await user.clear(screen.getByTestId('send-time'));
		await user.type(screen.getByTestId('send-time'), '2026-12-03T09:00');
		await user.click(screen.getByTestId('run-forecast'));
		const result = await screen.findByTestId('forecast-result', {}, { timeout: 10_000 });
		expect(within(result).getByTestId('invalid-count')).toHaveTextContent('2');
		const invalid = within(result).getByTestId('invalid-rows');
		expect(invalid).toHaveTextContent('line 5 phone: "n/a" is not a number');
		expect(invalid).toHaveTextContent('line 6 phone: calling code 999 is not assigned');

		await user.upload(
			screen.getByTestId('csv-file'),
			new File(['email,name\na@b.c,Ana\n'], 'emails.csv', { type: 'text/csv' })
		);
		expect(await screen.findByTestId('file-refused')).toHaveTextContent(
			'“emails.csv” was not used: No column holds phone numbers'
		);
		// The file before stays chosen.
		expect(screen.getByTestId('file-summary')).toHaveTextContent('crm.csv');
	}, 20_000);

	it('a bad send time is shown with its reason and the forecast does not run', async () => {
		const user = await ready();
		await user.click(radio('marketing'));
		await user.click(screen.getByTestId('send-window'));
		await user.clear(screen.getByTestId('window-to'));
		await user.type(screen.getByTestId('window-to'), '2020-01-01T09:00');
		expect(await screen.findByText('Send window: the end must come after the start.')).toBeInTheDocument();
		await user.click(screen.getByTestId('run-forecast'));
		expect(await screen.findByTestId('run-problems')).toHaveTextContent('the end must come after the start');
	});
});
