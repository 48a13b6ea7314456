import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Adjustments } from '$lib/domain/scenario';
import ProviderPriceList from './ProviderPriceList.svelte';

afterEach(cleanup);

function setup(value: Adjustments | undefined = undefined) {
	const onchange = vi.fn<(next: Adjustments | undefined) => void>();
	render(ProviderPriceList, { value, onchange });
	return { onchange, user: userEvent.setup() };
}

describe('ProviderPriceList', () => {
	it('a bad fee shows an inline error, keeps the text and applies nothing', async () => {
		const { onchange, user } = setup({ markup_percent: 10 });
		const fee = screen.getByTestId('price-perMessage');
		await user.type(fee, '0.0000001');
		await user.tab();
		expect(screen.getByTestId('price-error-perMessage')).toHaveTextContent(
			'Fee per message must be a decimal amount such as 0.0050 (at most 6 decimals); not applied.'
		);
		expect(fee).toHaveAttribute('aria-invalid', 'true');
		expect(fee).toHaveValue('0.0000001');
		// Another, valid field is not applied either while one is wrong.
		await user.clear(screen.getByTestId('price-markup'));
		await user.type(screen.getByTestId('price-markup'), '12');
		await user.tab();
		expect(onchange).not.toHaveBeenCalled();
	});

	it('valid fields are applied when a field is left', async () => {
		const { onchange, user } = setup();
		await user.type(screen.getByTestId('price-label'), 'Acme BSP');
		await user.type(screen.getByTestId('price-markup'), '7.5');
		await user.type(screen.getByTestId('price-perConversation'), '0.0100');
		await user.tab();
		expect(onchange).toHaveBeenLastCalledWith({
			label: 'Acme BSP',
			markup_percent: 7.5,
			fee_per_conversation: '0.0100'
		});
		expect(screen.getByText(/applies to conversation-based pricing only/)).toBeInTheDocument();
		expect(screen.getByText(/shown separately from Meta’s charges/)).toBeInTheDocument();
	});

	it('"Remove the price list" hands back undefined', async () => {
		const { onchange, user } = setup({ fee_per_message: '0.005' });
		expect(screen.getByTestId('price-perMessage')).toHaveValue('0.005');
		await user.click(screen.getByTestId('price-clear'));
		expect(onchange).toHaveBeenCalledExactlyOnceWith(undefined);
	});
});
