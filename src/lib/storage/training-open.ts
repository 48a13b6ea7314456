/**
 * The training store this browser can give: IndexedDB when it opens (see availability.ts), else the
 * in-memory store with the reason saving is off, so training keeps working in the tab.
 */
import { checkStorage } from './availability';
import { dexieTrainingStore } from './training-repo';
import { memoryTrainingStore, type TrainingStore } from './training-store';

export interface OpenedTrainingStore {
	store: TrainingStore;
	/** Why progress is kept in this tab only; null when it is saved. */
	offReason: string | null;
}

export async function openTrainingStore(): Promise<OpenedTrainingStore> {
	const status = await checkStorage();
	if (status.state === 'ready') return { store: dexieTrainingStore(), offReason: null };
	const reason = status.state === 'off' ? status.reason : 'storage did not open.';
	return { store: memoryTrainingStore(), offReason: reason };
}
