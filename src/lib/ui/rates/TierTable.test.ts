import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import TierTable from './TierTable.svelte';

afterEach(cleanup);

const argentina = { market: 'Argentina', date: '2026-11-10', currency: 'USD', model: 'PMP' as const };

describe('TierTable', () => {
	it('Argentina utility on 2026-11-10: Meta’s 2026-10-01 table, each tier with range, rate, confidence and source', async () => {
		render(TierTable, argentina);
		expect(screen.getByTestId('tier-table-id')).toHaveTextContent(
			"tiers-2026-10-01, Meta's own table · in force from 1 Oct 2026"
		);
		expect(screen.getAllByRole('row')).toHaveLength(7); // header + 6 tiers
		// tiers-2026-10-01.csv: Argentina,utility,100001,1000000,0.0247,confirmed,META-OCT26-TIERS: …
		const tier2 = within(screen.getByTestId('tier-row-2'));
		expect(tier2.getByTestId('tier-range')).toHaveTextContent('the 100,001st–1,000,000th');
		expect(tier2.getByTestId('tier-rate')).toHaveTextContent('0.0247');
		expect(tier2.getByTestId('confidence')).toHaveTextContent('Confirmed');
		const source = tier2.getByText('META-OCT26-TIERS');
		expect(source).toHaveAttribute(
			'title',
			expect.stringMatching(/^META-OCT26-TIERS: Meta USD volume-tier XLSX/)
		);
		await userEvent.setup().click(source);
		expect(source.closest('details')).toHaveAttribute('open');
		expect(within(screen.getByTestId('tier-row-6')).getByTestId('tier-range')).toHaveTextContent(
			'the 30,000,001st and later'
		);
		expect(screen.getByRole('columnheader', { name: /USD per delivered message/ })).toBeInTheDocument();
		expect(screen.getByTestId('tier-foot')).toHaveTextContent('Tier 1 is the list rate of 2026-10-01-USD.');
	});

	it('switches category with a labelled select; a market without that category says so', async () => {
		const user = userEvent.setup();
		render(TierTable, argentina);
		const select = screen.getByRole('combobox', { name: 'Category' });
		await user.selectOptions(select, 'authentication');
		// tiers-2026-10-01.csv: Argentina,authentication,120001,400000,0.0247
		expect(within(screen.getByTestId('tier-row-2')).getByTestId('tier-range')).toHaveTextContent(
			'the 120,001st–400,000th'
		);
		await user.selectOptions(select, 'authentication_international');
		expect(screen.queryByTestId('tier-table')).toBeNull();
		expect(screen.getByTestId('tiers-none')).toHaveTextContent(
			'tiers-2026-10-01 has no authentication-international tiers for Argentina: its messages are priced at the list rate, an upper bound.'
		);
	});

	it('before 2026-04-01 no table is known: the list rate, an upper bound', () => {
		render(TierTable, { ...argentina, date: '2026-03-31' });
		expect(screen.queryByTestId('tier-table')).toBeNull();
		expect(screen.getByTestId('tiers-none')).toHaveTextContent(
			'No volume-tier table is known for this date: utility and authentication are priced at the list rate, an upper bound.'
		);
	});

	it('a currency without tier tables, a partial BRL table, and conversation-based pricing', async () => {
		const { rerender } = render(TierTable, { ...argentina, currency: 'GBP' });
		expect(screen.getByTestId('tiers-none')).toHaveTextContent('No volume-tier table in GBP is known');
		await rerender({ ...argentina, market: 'Brazil', currency: 'BRL' });
		expect(screen.getByTestId('tier-table-id')).toHaveTextContent(
			'tiers-2026-10-01-BRL, one source only · in force from 1 Oct 2026 · lists Brazil only'
		);
		// tiers-2026-10-01-BRL.csv: Brazil,utility,250001,2000000,0.0333,single-source
		expect(within(screen.getByTestId('tier-row-2')).getByTestId('tier-rate')).toHaveTextContent('0.0333');
		expect(within(screen.getByTestId('tier-row-2')).getByTestId('confidence')).toHaveTextContent(
			'Single source'
		);
		await rerender({ ...argentina, model: 'CBP' });
		expect(screen.getByTestId('tiers-none')).toHaveTextContent(
			'Volume tiers apply only to per-message pricing'
		);
	});
});
