import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import RateHistoryChart from './RateHistoryChart.svelte';

// jsdom has no layout: bind:clientWidth needs a ResizeObserver, which never fires here.
beforeEach(() => {
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

describe('RateHistoryChart', () => {
	it('draws steps, a gap marker per card without a value, focusable labelled points and the selected date', async () => {
		const { container } = render(RateHistoryChart, {
			market: 'Indonesia',
			category: 'marketing',
			date: '2026-11-24'
		});
		expect(screen.getByText(/Marketing in Indonesia, USD: 5 of 7 cards give a value/)).toBeInTheDocument();
		// CBP run, PMP run, then the carried-forward run after the July 2026 card.
		expect(container.querySelectorAll('path.run.card')).toHaveLength(2);
		expect(container.querySelectorAll('path.run.carried')).toHaveLength(1);
		const points = screen.getAllByTestId('chart-point');
		expect(points).toHaveLength(7);
		expect(points[0]).toHaveAttribute(
			'aria-label',
			'1 Jun 2023 · card 2023-06-01-USD · 0.0411 USD per conversation · Confirmed'
		);
		expect(points[5]).toHaveAccessibleName(
			'1 Jul 2026 · card 2026-07-01-USD · no value on this card (not zero)'
		);
		expect(points[0]).toHaveAttribute('tabindex', '0');
		await fireEvent.focus(points[3]!);
		expect(container.querySelector('.tip')).toHaveTextContent(
			'1 Oct 2025 · card 2025-10-01-USD · 0.0411 USD per delivered message'
		);
		expect(screen.getByTestId('selected-date')).toHaveTextContent('24 Nov 2026');
	});

	it('does not carry an old service value forward (service has its own rules)', () => {
		const { container } = render(RateHistoryChart, {
			market: 'Indonesia',
			category: 'service',
			date: '2026-11-24'
		});
		expect(container.querySelectorAll('path.run.carried')).toHaveLength(0);
		expect(container.querySelectorAll('path.run.card')).toHaveLength(1);
	});
});
