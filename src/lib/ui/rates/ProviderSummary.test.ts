import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { useCaseById } from '$lib/domain/use-cases';
import { replay } from '$lib/engine/replay';
import ProviderSummary from './ProviderSummary.svelte';

afterEach(cleanup);

const scenario = () => {
	const uc = useCaseById('multiple-conversations');
	if (!uc) throw new Error('use case 5 is missing');
	return uc.scenario;
};

describe('ProviderSummary', () => {
	it('shows Meta’s total, the provider’s mark-up and fees, its total and the grand total', () => {
		const ledger = replay({
			...scenario(),
			adjustments: {
				label: 'Acme BSP',
				markup_percent: 10,
				fee_per_message: '0.0050',
				fee_per_conversation: '0.0100'
			}
		});
		render(ProviderSummary, { ledger });
		const text = (id: string) => screen.getByTestId(id).textContent?.replace(/\s+/g, ' ').trim();
		expect(screen.getByRole('heading', { name: 'Acme BSP' })).toBeInTheDocument();
		expect(text('provider-meta')).toBe('Meta’s charges 0.0711 USD');
		expect(text('provider-markup')).toBe('Mark-up (10%) 0.0071 USD');
		expect(text('provider-message-fees')).toBe('Fees per message 0.0100 USD');
		expect(text('provider-conversation-fees')).toBe('Fees per conversation 0.0200 USD');
		expect(text('provider-provider-total')).toBe('Acme BSP total 0.0371 USD');
		expect(text('provider-grand-total')).toBe('Grand total 0.1082 USD');
		expect(screen.queryByTestId('provider-note')).toBeNull();
	});

	it('shows the engine’s note when per-conversation fees meet per-message pricing', () => {
		const ledger = replay({
			...scenario(),
			regime: 'pmp-2025-07',
			adjustments: { fee_per_conversation: '0.0100' }
		});
		render(ProviderSummary, { ledger });
		expect(screen.getByTestId('provider-note')).toHaveTextContent(/apply only to conversation-based pricing/);
	});

	it('renders nothing without a price list', () => {
		const { container } = render(ProviderSummary, { ledger: replay(scenario()) });
		expect(screen.queryByTestId('provider-summary')).toBeNull();
		expect(container).toHaveTextContent(/^$/);
	});
});
