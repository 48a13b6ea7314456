import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import RateTable from './RateTable.svelte';

afterEach(cleanup);

const row = (category: string) => within(screen.getByTestId(`rate-row-${category}`));

describe('RateTable', () => {
	it('Indonesia on 2023-09-12 per conversation: marketing 0.0411, confirmed, from 2023-06-01-USD', async () => {
		render(RateTable, { market: 'Indonesia', date: '2023-09-12', model: 'CBP', iso2: 'ID' });
		const marketing = row('marketing');
		expect(marketing.getByTestId('rate-value')).toHaveTextContent('0.0411');
		expect(marketing.getByTestId('rate-card')).toHaveTextContent('2023-06-01-USD');
		expect(marketing.getByTestId('rate-card')).toHaveTextContent('in force from 1 Jun 2023');
		expect(marketing.queryByTestId('carried-forward')).toBeNull();
		const badge = marketing.getByTestId('confidence');
		expect(badge).toHaveTextContent('Confirmed');
		// The explanation is the badge's description, shown on focus too.
		expect(badge).toHaveAccessibleDescription(/Two independent sources agree/);
		await userEvent.setup().tab();
		expect(screen.getAllByTestId('confidence')[0]).toHaveFocus();
		expect(screen.getByRole('columnheader', { name: /USD per conversation/ })).toBeInTheDocument();
	});

	it('Indonesia utility on 2026-08-01 per message: from the 2026-01-01 card, carried forward', () => {
		render(RateTable, { market: 'Indonesia', date: '2026-08-01', model: 'PMP', iso2: 'ID' });
		const utility = row('utility');
		expect(utility.getByTestId('rate-value')).toHaveTextContent('0.0250');
		expect(utility.getByTestId('carried-forward')).toHaveTextContent('carried forward from 2026-01-01-USD');
		expect(utility.getByTestId('confidence')).toHaveTextContent('Single source');
		// pmp-2025-07 is in force: service is free by rule, not a rate.
		expect(row('service').getByTestId('rate-value')).toHaveTextContent(/Free.*by rule under pmp-2025-07/);
	});

	it('Hong Kong marketing on 2026-08-01: "no rate known" with the reason, never a zero', () => {
		render(RateTable, { market: 'Hong Kong', date: '2026-08-01', model: 'PMP', iso2: 'HK' });
		const marketing = row('marketing');
		expect(marketing.getByTestId('rate-value')).toHaveTextContent('No rate known');
		expect(marketing.getByTestId('no-rate-reason')).toHaveTextContent(
			'no rate known for Hong Kong marketing on 2026-08-01 (PMP cards, USD)'
		);
		expect(screen.getByTestId('rate-table')).not.toHaveTextContent(/0\.0000|\b0\.00\b/);
	});

	it('per-message cards before July 2025 are applied before their effective date; service = utility in Oct 2026', () => {
		const { unmount } = render(RateTable, {
			market: 'Indonesia',
			date: '2024-03-01',
			model: 'PMP',
			iso2: 'ID'
		});
		expect(row('marketing').getByTestId('before-effective')).toHaveTextContent(
			'applied before its effective date'
		);
		unmount();
		render(RateTable, { market: 'Indonesia', date: '2026-11-24', model: 'PMP', iso2: 'ID' });
		expect(row('service').getByTestId('rate-value')).toHaveTextContent('0.0250 = the utility rate');
		expect(row('service').getByText(/No service row/)).toBeInTheDocument();
	});
});
