import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Page from './+page.svelte';

beforeEach(() => {
	// The page opens on today's local date: pin "today" (only Date is faked; timers run as usual).
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date(2026, 10, 24, 9, 30));
	// jsdom has no layout, so no ResizeObserver for the chart's bind:clientWidth.
	vi.stubGlobal(
		'ResizeObserver',
		class {
			observe() {}
			unobserve() {}
			disconnect() {}
		}
	);
});
afterEach(() => {
	cleanup();
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

const setDate = (date: string) =>
	fireEvent.input(screen.getByTestId('rates-date'), { target: { value: date } });

describe('/rates', () => {
	it('opens on Indonesia and today’s local date (24 Nov 2026 here), with the per-message cards in force', () => {
		render(Page);
		expect(screen.getByTestId('rates-date')).toHaveValue('2026-11-24');
		expect(screen.getByTestId('rates-currency')).toHaveValue('USD');
		expect(screen.getByTestId('resolved-market')).toHaveTextContent('Indonesia');
		expect(screen.getByTestId('regime-label')).toHaveTextContent(
			'Per-message, service charged (October 2026)'
		);
		expect(screen.getByTestId('regime-model')).toHaveTextContent('Priced per delivered message');
		expect(screen.getByTestId('model-PMP')).toBeChecked();
		expect(within(screen.getByTestId('rate-row-marketing')).getByTestId('rate-value')).toHaveTextContent(
			'0.0411'
		);
		expect(screen.getByTestId('rate-chart')).toBeInTheDocument();
		// 2026-10-01-USD.csv lists a service row for Indonesia (0.025), equal to its utility rate.
		expect(within(screen.getByTestId('rate-row-service')).getByTestId('rate-value')).toHaveTextContent(
			/^0\.0250$/
		);
	});

	it('the default date follows the clock: a visit on 5 Jan 2027 opens on 5 Jan 2027', () => {
		vi.setSystemTime(new Date(2027, 0, 5, 23, 45));
		render(Page);
		expect(screen.getByTestId('rates-date')).toHaveValue('2027-01-05');
	});

	it('a labelled currency picker lists every currency with a card; the table, tiers and chart follow it', async () => {
		const user = userEvent.setup();
		render(Page);
		const picker = screen.getByRole('combobox', { name: 'Currency' });
		expect(picker).toHaveAccessibleDescription(/never converted/);
		expect([...(picker as HTMLSelectElement).options].map((o) => o.value)).toEqual([
			'USD',
			'AED',
			'BRL',
			'CLP',
			'COP',
			'EUR',
			'GBP',
			'INR'
		]);
		await setDate('2026-11-10');
		await user.selectOptions(screen.getByTestId('rates-country'), 'BR');
		await user.selectOptions(picker, 'BRL');
		// 2026-10-01-BRL.csv: Brazil,marketing,0.3217,derived.
		const marketing = within(screen.getByTestId('rate-row-marketing'));
		expect(marketing.getByTestId('rate-value')).toHaveTextContent('0.3217');
		expect(marketing.getByTestId('rate-card')).toHaveTextContent('2026-10-01-BRL');
		expect(marketing.getByTestId('confidence')).toHaveTextContent('Derived');
		expect(screen.getByTestId('currency-coverage')).toHaveTextContent(
			'In force: 2026-10-01-BRL, listing 1 market'
		);
		expect(screen.getByTestId('rate-chart')).toHaveTextContent('Marketing in Brazil, BRL: 2 of 2 cards');
		// tiers-2026-10-01-BRL.csv: Brazil,utility,0,250000,0.0350
		expect(within(screen.getByTestId('tier-row-1')).getByTestId('tier-rate')).toHaveTextContent('0.0350');

		await user.selectOptions(screen.getByTestId('rates-country'), 'AR');
		for (const c of ['marketing', 'utility', 'authentication', 'service'])
			expect(within(screen.getByTestId(`rate-row-${c}`)).getByTestId('no-rate-reason')).toHaveTextContent(
				/^no rate known in BRL for Argentina/
			);
		expect(screen.getByTestId('rate-table')).not.toHaveTextContent(/0\.0618|0\.0000/);
		expect(screen.getByTestId('tiers-none')).toHaveTextContent(
			'tiers-2026-10-01-BRL has no utility tiers for Argentina'
		);
	});

	it('shows the tier table of the chosen market and category for the date', async () => {
		const user = userEvent.setup();
		render(Page);
		await user.selectOptions(screen.getByTestId('rates-country'), 'AR');
		await setDate('2026-11-10');
		expect(screen.getByTestId('tier-table-id')).toHaveTextContent("tiers-2026-10-01, Meta's own table");
		const tier2 = within(screen.getByTestId('tier-row-2'));
		expect(tier2.getByTestId('tier-range')).toHaveTextContent('the 100,001st–1,000,000th');
		expect(tier2.getByTestId('tier-rate')).toHaveTextContent('0.0247');
		expect(tier2.getByTestId('confidence')).toHaveTextContent('Confirmed');
		await setDate('2026-03-31');
		expect(screen.getByTestId('tiers-none')).toHaveTextContent(
			'No volume-tier table is known for this date: utility and authentication are priced at the list rate, an upper bound.'
		);
		await user.click(screen.getByTestId('model-CBP'));
		expect(screen.getByTestId('tiers-none')).toHaveTextContent(
			'Volume tiers apply only to per-message pricing'
		);
	});

	it('lists every card, collapsed; a card opens its date and currency', async () => {
		const user = userEvent.setup();
		render(Page);
		const list = screen.getByTestId('card-list');
		expect(list).not.toHaveAttribute('open');
		expect(list).toHaveTextContent('29 cards on 14 dates, in 8 currencies');
		expect(within(screen.getByTestId('card-date-2026-10-01')).getAllByRole('button')).toHaveLength(6);
		expect(screen.getByTestId('card-2026-10-01-USD')).toHaveAttribute('aria-current', 'true');
		expect(screen.getByTestId('card-2026-07-01-EUR')).toHaveAccessibleName(
			'Show 2026-07-01-EUR: EUR, 16 markets, marketing, utility, authentication'
		);
		await user.click(screen.getByTestId('card-2023-06-01-USD'));
		expect(screen.getByTestId('rates-date')).toHaveValue('2023-06-01');
		expect(screen.getByTestId('model-CBP')).toBeChecked();
		await user.click(screen.getByTestId('card-2026-07-01-EUR'));
		expect(screen.getByTestId('rates-date')).toHaveValue('2026-07-01');
		expect(screen.getByTestId('rates-currency')).toHaveValue('EUR');
		expect(screen.getByTestId('model-PMP')).toBeChecked();
		expect(screen.getByTestId('card-2026-07-01-EUR')).toHaveAttribute('aria-current', 'true');
	});

	it('follows a country’s dated move and the model in force; the other model is there for comparison', async () => {
		const user = userEvent.setup();
		render(Page);
		await user.selectOptions(screen.getByTestId('rates-country'), 'ZW');
		await setDate('2025-09-30');
		expect(screen.getByTestId('resolved-market')).toHaveTextContent('Other');
		await setDate('2025-10-01');
		expect(screen.getByTestId('resolved-market')).toHaveTextContent('Rest of Africa');
		expect(screen.getByTestId('market-moves')).toHaveTextContent('Rest of Africa from 1 Oct 2025');
		await user.click(screen.getByTestId('model-CBP'));
		expect(screen.getByTestId('model-not-in-force')).toHaveTextContent('rules of cbp-2024-11');
		expect(within(screen.getByTestId('rate-row-service')).getByTestId('rate-value')).toHaveTextContent(
			'Free by rule under cbp-2024-11'
		);
	});

	it('resolves a phone number, and says what is wrong with an unusable one', async () => {
		const user = userEvent.setup();
		render(Page);
		await user.click(screen.getByRole('radio', { name: 'Phone number' }));
		expect(screen.getByTestId('market-error')).toHaveTextContent(
			'Enter a phone number in international format'
		);
		await user.type(screen.getByTestId('rates-number'), '+91 98765 43210');
		expect(screen.getByTestId('resolved-market')).toHaveTextContent('India');
		await user.clear(screen.getByTestId('rates-number'));
		await user.type(screen.getByTestId('rates-number'), '+0123');
		expect(screen.getByRole('alert')).toHaveTextContent(/never starts with 0/);
		expect(screen.getByTestId('rates-number')).toHaveAccessibleDescription(/never starts with 0/);
		expect(screen.getByTestId('market-error')).toHaveTextContent('Fix the number above');
	});

	it('previews an imported card against Meta’s for the selected market and date', async () => {
		const user = userEvent.setup();
		render(Page);
		await fireEvent.input(screen.getByTestId('csv-text'), {
			target: { value: 'market,category,rate\nIndonesia,marketing,0.0500' }
		});
		await user.click(screen.getByTestId('apply-card'));
		const row = within(screen.getByTestId('custom-row-marketing'));
		expect(row.getByTestId('custom-yours')).toHaveTextContent('0.0500');
		expect(row.getByTestId('custom-meta')).toHaveTextContent('0.0411');
		expect(screen.getByTestId('custom-row-marketing')).toHaveTextContent('+0.0089');
		await user.click(screen.getByTestId('remove-card'));
		expect(screen.queryByTestId('custom-preview')).toBeNull();
	});
});
