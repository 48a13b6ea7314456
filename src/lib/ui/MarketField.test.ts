import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COUNTRIES } from '$lib/domain/data/countries';
import MarketField from './MarketField.svelte';

afterEach(cleanup);

function setup(value: string, date = '2026-01-15') {
	const onchange = vi.fn<(market: string) => void>();
	render(MarketField, { props: { value, date, onchange } });
	return { onchange };
}
const numberField = () => screen.getByTestId<HTMLInputElement>('market-number');

describe('MarketField: the country list', () => {
	it('lists every ISO 3166-1 country with its market on the date', () => {
		setup('ID');
		const options = [...screen.getByTestId<HTMLSelectElement>('market-country').options];
		expect(options.map((o) => o.value).sort()).toEqual(COUNTRIES.map((c) => c.iso2).sort());
		const text = (iso2: string) => options.find((o) => o.value === iso2)?.textContent?.trim();
		expect(text('EE')).toBe('Estonia (EE) — Other');
		expect(text('IS')).toBe('Iceland (IS) — Other');
		expect(text('KR')).toBe('South Korea (KR) — Other');
		expect(text('CY')).toBe('Cyprus (CY) — Other');
		expect(text('MT')).toBe('Malta (MT) — Other');
		expect(text('LU')).toBe('Luxembourg (LU) — Other');
		expect(text('BS')).toBe('Bahamas (BS) — Other');
		expect(text('US')).toBe('United States (US) — North America');
	});

	it('shows the market of the chosen date (Kazakhstan moves on 2026-10-01)', () => {
		setup('KZ', '2026-09-30');
		expect(screen.getByTestId('market-resolved')).toHaveTextContent('Priced as Other for Kazakhstan');
		cleanup();
		setup('KZ', '2026-10-01');
		expect(screen.getByTestId('market-resolved')).toHaveTextContent('Priced as Kazakhstan for Kazakhstan');
	});
});

describe('MarketField: refuses what looks valid but is not', () => {
	it.each([
		['UK', /did you mean GB\?/],
		['XX', /XX is not an assigned ISO 3166-1 country code/],
		['+999 123 4567', /Calling code 999 is not assigned/]
	])('%s: a message next to the field, and the scenario keeps its market', async (text, message) => {
		const { onchange } = setup('+62 812 3456 7890');
		await fireEvent.input(numberField(), { target: { value: text } });
		const alert = screen.getByRole('alert');
		expect(alert).toHaveTextContent(message);
		expect(alert).toHaveTextContent('The scenario keeps +62 812 3456 7890.');
		expect(alert.id).toBe('market-error');
		expect(numberField()).toHaveAttribute('aria-describedby', 'market-error');
		expect(numberField()).toHaveAttribute('aria-invalid', 'true');
		expect(onchange).not.toHaveBeenCalled();
	});

	it('a Bahamas number is taken, and priced as Other', async () => {
		const { onchange } = setup('+62 812 3456 7890');
		await fireEvent.input(numberField(), { target: { value: '+1 242 555 0100' } });
		expect(screen.queryByRole('alert')).toBeNull();
		expect(onchange).toHaveBeenCalledWith('+1 242 555 0100');
		cleanup();
		setup('+1 242 555 0100');
		expect(screen.getByTestId('market-resolved')).toHaveTextContent('Priced as Other for Bahamas');
	});

	it('a code typed in lower case is written in capitals', async () => {
		const { onchange } = setup('+62 812 3456 7890');
		await fireEvent.input(numberField(), { target: { value: 'gb' } });
		expect(onchange).toHaveBeenCalledWith('GB');
	});
});
