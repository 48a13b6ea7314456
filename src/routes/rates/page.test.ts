import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Page from './+page.svelte';

beforeEach(() => {
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
});

const setDate = (date: string) =>
	fireEvent.input(screen.getByTestId('rates-date'), { target: { value: date } });

describe('/rates', () => {
	it('opens on Indonesia, 24 Nov 2026, with the per-message cards in force', () => {
		render(Page);
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
