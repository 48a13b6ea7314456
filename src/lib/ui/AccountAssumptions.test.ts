import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCaseById } from '$lib/domain/use-cases';
import type { Scenario } from '$lib/domain/scenario';
import AccountAssumptions from './AccountAssumptions.svelte';

afterEach(cleanup);

const scenario = useCaseById('multiple-conversations')!.scenario;

describe('AccountAssumptions', () => {
	it('records messages already charged this month', async () => {
		const onedit = vi.fn<(s: Scenario) => void>();
		render(AccountAssumptions, { props: { scenario, onedit } });
		await fireEvent.change(screen.getByTestId('charged-utility'), { target: { value: '24999999' } });
		expect(onedit).toHaveBeenCalledOnce();
		expect(onedit.mock.calls[0]?.[0].account?.charged_this_month).toEqual({ utility: 24_999_999 });
		expect(onedit.mock.calls[0]?.[0].account?.free_service_used).toBe(1000);
	});
	it('refuses a count that is not a whole number, and says why', async () => {
		const onedit = vi.fn();
		render(AccountAssumptions, { props: { scenario, onedit } });
		await fireEvent.change(screen.getByTestId('charged-authentication'), { target: { value: '1.5' } });
		expect(onedit).not.toHaveBeenCalled();
		expect(screen.getByRole('alert')).toHaveTextContent('A whole number');
	});
	it('turns authentication-international eligibility on with a primary country', async () => {
		const onedit = vi.fn<(s: Scenario) => void>();
		render(AccountAssumptions, { props: { scenario, onedit } });
		await fireEvent.click(screen.getByTestId('auth-intl-eligible'));
		expect(onedit.mock.calls[0]?.[0].account?.auth_international).toEqual({
			eligible: true,
			primary_country: 'SG'
		});
	});
});

describe('AccountAssumptions: currency and tier counts', () => {
	it('sets the billing currency from the currencies that have cards (USD removes the field)', async () => {
		const onedit = vi.fn<(s: Scenario) => void>();
		render(AccountAssumptions, { props: { scenario, onedit } });
		const select = screen.getByTestId('billing-currency') as HTMLSelectElement;
		expect([...select.options].map((o) => o.value)).toEqual([
			'USD',
			'AED',
			'BRL',
			'CLP',
			'COP',
			'EUR',
			'GBP',
			'INR'
		]);
		await fireEvent.change(select, { target: { value: 'BRL' } });
		expect(onedit.mock.calls[0]?.[0].currency).toBe('BRL');
	});
	it('records authentication-international messages already charged', async () => {
		const onedit = vi.fn<(s: Scenario) => void>();
		render(AccountAssumptions, { props: { scenario, onedit } });
		await fireEvent.change(screen.getByTestId('charged-authentication_international'), {
			target: { value: '750000' }
		});
		expect(onedit.mock.calls[0]?.[0].account?.charged_this_month).toEqual({
			authentication_international: 750_000
		});
	});
});

describe('AccountAssumptions: primary country', () => {
	it('refuses a code that is not an assigned country, with the hint', async () => {
		const onedit = vi.fn<(s: Scenario) => void>();
		const withIntl = {
			...scenario,
			account: { ...scenario.account, auth_international: { eligible: true, primary_country: 'SG' } }
		};
		render(AccountAssumptions, { props: { scenario: withIntl, onedit } });
		await fireEvent.change(screen.getByTestId('auth-intl-country'), { target: { value: 'UK' } });
		expect(onedit).not.toHaveBeenCalled();
		expect(screen.getByRole('alert')).toHaveTextContent('did you mean GB?');
	});
});
