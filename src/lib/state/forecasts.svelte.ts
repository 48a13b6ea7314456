/**
 * Saved forecasts as a live list (subscribed while a page shows it), with delete and Undo; for the
 * broadcast page and the runs page, where forecasts are listed beside saved runs.
 */
import type { ForecastSummary, StoredForecast } from '$lib/storage/forecast-records';
import { deleteForecast, liveForecasts, restoreForecast } from '$lib/storage/forecasts-repo';
import { messageOf } from './runs-storage.svelte';

export class ForecastsList {
	forecasts = $state.raw<ForecastSummary[]>([]);
	loading = $state(true);
	error = $state<string | null>(null);
	message = $state<string | null>(null);
	deleted = $state.raw<StoredForecast | null>(null);

	constructor(limit?: number) {
		$effect(() => {
			const sub = liveForecasts(limit).subscribe({
				next: (list) => {
					this.forecasts = list;
					this.loading = false;
					this.error = null;
				},
				error: (err) => {
					this.error = messageOf(err);
					this.loading = false;
				}
			});
			return () => sub.unsubscribe();
		});
	}

	async remove(id: string): Promise<void> {
		try {
			this.deleted = await deleteForecast(id);
			this.message = null;
		} catch (err) {
			this.message = messageOf(err);
		}
	}

	async undoDelete(): Promise<void> {
		const f = this.deleted;
		if (!f) return;
		this.deleted = null;
		try {
			await restoreForecast(f);
		} catch (err) {
			this.message = messageOf(err);
		}
	}
}
