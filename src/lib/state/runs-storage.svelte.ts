/**
 * The storage status as a rune: "ready", "opening", or "off" with the reason the UI shows
 * ("Saving is off: …"). Subscribes while something reads it, like svelte/reactivity's MediaQuery.
 */
import { createSubscriber } from 'svelte/reactivity';
import { checkStorage, onStorageStatus, storageStatus, type StorageStatus } from '$lib/storage/availability';
import { StorageError } from '$lib/storage/errors';

export class StorageStatusRune {
	#subscribe = createSubscriber((update) => {
		const stop = onStorageStatus(update);
		// Opening is what finds out whether saving works; the status update follows.
		void checkStorage();
		return stop;
	});

	get current(): StorageStatus {
		this.#subscribe();
		return storageStatus();
	}

	/** The reason saving is off, or null when it works (or is still opening). */
	get offReason(): string | null {
		const s = this.current;
		return s.state === 'off' ? s.reason : null;
	}
}

/** An error caught where the user acted, as one sentence for a message line. */
export function messageOf(err: unknown): string {
	if (err instanceof StorageError) return capitalize(err.message);
	if (err instanceof Error) return capitalize(err.message);
	return String(err);
}

const capitalize = (s: string): string => (s ? s[0]?.toUpperCase() + s.slice(1) : s);
