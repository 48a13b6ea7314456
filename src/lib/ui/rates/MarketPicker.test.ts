import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COUNTRIES } from '$lib/domain/data/countries';
import MarketPicker from './MarketPicker.svelte';
import type { MarketChoice } from './market-choice';

afterEach(cleanup);

const choice: MarketChoice = { mode: 'country', country: 'ID', number: '', market: 'Indonesia' };
const optionText = (iso2: string) =>
	[...screen.getByTestId<HTMLSelectElement>('rates-country').options]
		.find((o) => o.value === iso2)
		?.textContent?.trim();

describe('MarketPicker', () => {
	it('lists every ISO 3166-1 country by name, with its market on the chosen date', () => {
		render(MarketPicker, { props: { choice, date: '2026-09-30', onchange: vi.fn() } });
		const options = [...screen.getByTestId<HTMLSelectElement>('rates-country').options];
		expect(options.map((o) => o.value).sort()).toEqual(COUNTRIES.map((c) => c.iso2).sort());
		expect(options[0]?.textContent?.trim()).toBe('Afghanistan (AF) — Rest of Asia Pacific');
		for (const [iso2, name] of [
			['EE', 'Estonia'],
			['IS', 'Iceland'],
			['KR', 'South Korea'],
			['CY', 'Cyprus'],
			['MT', 'Malta'],
			['LU', 'Luxembourg']
		])
			expect(optionText(iso2 as string)).toBe(`${name} (${iso2}) — Other`);
		expect(optionText('KZ')).toBe('Kazakhstan (KZ) — Other');
	});

	it('follows the date: Kazakhstan is its own market from 2026-10-01', () => {
		render(MarketPicker, { props: { choice, date: '2026-10-01', onchange: vi.fn() } });
		expect(optionText('KZ')).toBe('Kazakhstan (KZ) — Kazakhstan');
	});

	it('a number whose calling code is not assigned is refused next to the field', () => {
		render(MarketPicker, {
			props: {
				choice: { ...choice, mode: 'number', number: '+999 123 4567' },
				date: '2026-01-15',
				onchange: vi.fn()
			}
		});
		expect(screen.getByRole('alert')).toHaveTextContent(/calling code 999 is not assigned/);
		expect(screen.getByTestId('rates-number')).toHaveAttribute('aria-invalid', 'true');
	});
});
