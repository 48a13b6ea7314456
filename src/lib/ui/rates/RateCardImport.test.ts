import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_RATE_CSV_BYTES } from '$lib/domain/custom-rates';
import type { CustomRates } from '$lib/domain/scenario';
import RateCardImport from './RateCardImport.svelte';

afterEach(cleanup);

function setup(value: CustomRates | undefined = undefined) {
	const onchange = vi.fn<(next: CustomRates | undefined) => void>();
	render(RateCardImport, { value, onchange });
	return { onchange, user: userEvent.setup() };
}

const paste = (text: string) => fireEvent.input(screen.getByTestId('csv-text'), { target: { value: text } });

describe('RateCardImport', () => {
	it('a valid CSV is applied: onchange gets the rows, name, model and date, and a summary shows', async () => {
		const { onchange, user } = setup();
		await paste('market,category,rate\nIndonesia,marketing,0.0450\nIndia,utility,0.0020\n');
		await user.clear(screen.getByTestId('card-name'));
		await user.type(screen.getByTestId('card-name'), 'Acme list');
		await user.selectOptions(screen.getByTestId('card-model'), 'CBP');
		await fireEvent.input(screen.getByTestId('card-from'), { target: { value: '2024-01-01' } });
		await user.click(screen.getByTestId('apply-card'));
		expect(onchange).toHaveBeenCalledExactlyOnceWith({
			name: 'Acme list',
			model: 'CBP',
			effective_from: '2024-01-01',
			rows: [
				{ market: 'Indonesia', category: 'marketing', rate: '0.0450' },
				{ market: 'India', category: 'utility', rate: '0.0020' }
			]
		});
		expect(screen.getByTestId('import-summary')).toHaveTextContent(
			'2 rates for 2 markets (India, Indonesia)'
		);
	});

	it('an invalid CSV shows every error with its line number, applies nothing and keeps the text', async () => {
		const { onchange, user } = setup();
		const text =
			'market,category,rate\nIndonesia,marketing,0.0450\nAtlantis,marketing,0.01\nIndia,utility,abc';
		await paste(text);
		await user.click(screen.getByTestId('apply-card'));
		const errors = screen.getByTestId('import-errors');
		expect(errors).toHaveTextContent('Nothing was imported');
		expect(errors).toHaveTextContent('Line 3: unknown market "Atlantis"');
		expect(errors).toHaveTextContent('Line 4: rate "abc" is not a decimal amount');
		expect(onchange).not.toHaveBeenCalled();
		expect(screen.getByTestId('csv-text')).toHaveValue(text);
		expect(screen.queryByTestId('import-summary')).toBeNull();
	});

	it('refuses a file larger than the limit before reading it', async () => {
		const { onchange } = setup();
		const file = new File(['market,category,rate\n'], 'huge.csv', { type: 'text/csv' });
		Object.defineProperty(file, 'size', { value: MAX_RATE_CSV_BYTES + 1 });
		const read = vi.spyOn(file, 'text');
		await fireEvent.change(screen.getByTestId('csv-file'), { target: { files: [file] } });
		expect(screen.getByTestId('import-problem')).toHaveTextContent('“huge.csv” is 513 KB');
		expect(read).not.toHaveBeenCalled();
		expect(onchange).not.toHaveBeenCalled();
	});

	it('reads a chosen file, names the card after it and applies it', async () => {
		const { onchange } = setup();
		const file = new File(['market,category,rate\nBrazil,marketing,0.0700\n'], 'acme-2026.csv', {
			type: 'text/csv'
		});
		await fireEvent.change(screen.getByTestId('csv-file'), { target: { files: [file] } });
		await vi.waitFor(() => expect(onchange).toHaveBeenCalled());
		expect(onchange.mock.calls[0]?.[0]).toMatchObject({
			name: 'acme-2026',
			model: 'PMP',
			rows: [{ market: 'Brazil' }]
		});
	});

	it('shows the applied card and removes it', async () => {
		const { onchange, user } = setup({
			name: 'Mine',
			model: 'PMP',
			rows: [{ market: 'Indonesia', category: 'marketing', rate: '0.04' }]
		});
		expect(screen.getByTestId('csv-text')).toHaveValue('market,category,rate\nIndonesia,marketing,0.04');
		expect(screen.getByTestId('import-summary')).toHaveTextContent('Using “Mine”: 1 rate for 1 market');
		await user.click(screen.getByTestId('remove-card'));
		expect(onchange).toHaveBeenCalledExactlyOnceWith(undefined);
	});
});
