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
		expect(badge).toHaveAccessibleDescription(
			/Meta's own file is the source, or two independent sources agree/
		);
		await userEvent.setup().tab();
		expect(screen.getAllByTestId('confidence')[0]).toHaveFocus();
		expect(screen.getByRole('columnheader', { name: /USD per conversation/ })).toBeInTheDocument();
	});

	it('a category the newest card does not price is carried forward from an older card, and flagged', () => {
		// A pinned regime that charges service on a card without service rows (the built-in cards only
		// reach this under what-if regimes): the older card's value, marked as carried forward.
		const cards = [
			{
				id: 'old',
				effectiveFrom: '2026-10-01',
				currency: 'USD',
				model: 'PMP' as const,
				file: 'old.csv',
				rows: [
					{
						market: 'Indonesia',
						category: 'service' as const,
						rate: '0.0300',
						confidence: 'derived' as const,
						source: 'S'
					},
					{
						market: 'Indonesia',
						category: 'utility' as const,
						rate: '0.0300',
						confidence: 'derived' as const,
						source: 'S'
					}
				]
			},
			{
				id: 'new',
				effectiveFrom: '2026-11-01',
				currency: 'USD',
				model: 'PMP' as const,
				file: 'new.csv',
				rows: [
					{
						market: 'Indonesia',
						category: 'utility' as const,
						rate: '0.0250',
						confidence: 'single-source' as const,
						source: 'T'
					}
				]
			}
		];
		render(RateTable, { market: 'Indonesia', date: '2026-11-24', model: 'PMP', iso2: 'ID', cards });
		const service = row('service');
		expect(service.getByTestId('rate-value')).toHaveTextContent('0.0300');
		expect(service.getByTestId('carried-forward')).toHaveTextContent('carried forward from old');
		expect(row('utility').getByTestId('confidence')).toHaveTextContent('Single source');
	});

	it('Argentina in BRL on 2026-11-10: "no rate known in BRL" with the reason, never a zero or a USD figure', () => {
		render(RateTable, { market: 'Argentina', date: '2026-11-10', model: 'PMP', iso2: 'AR', currency: 'BRL' });
		const marketing = row('marketing');
		expect(marketing.getByTestId('rate-value')).toHaveTextContent('No rate known');
		expect(marketing.getByTestId('no-rate-reason')).toHaveTextContent(
			'no rate known in BRL for Argentina marketing on 2026-11-10 (PMP cards)'
		);
		expect(screen.getByRole('columnheader', { name: /BRL per delivered message/ })).toBeInTheDocument();
		// 2026-10-01-USD.csv has Argentina marketing 0.0618: it must not leak in.
		expect(screen.getByTestId('rate-table')).not.toHaveTextContent(/0\.0618|0\.0000|\b0\.00\b/);
	});

	it('per-message cards before July 2025 are applied before their effective date; service = utility where a card has no service row', () => {
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
		render(RateTable, { market: 'Argentina', date: '2026-11-24', model: 'PMP', iso2: 'AR', currency: 'EUR' });
		// 2026-07-01-EUR.csv has no service rows: Argentina,utility,0.0216.
		expect(row('service').getByTestId('rate-value')).toHaveTextContent('0.0216 = the utility rate');
		expect(row('service').getByText(/No service row/)).toBeInTheDocument();
	});
});
