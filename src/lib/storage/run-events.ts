/**
 * Tabs tell each other when a run changes (BroadcastChannel), so an open sandbox shows "changed in
 * another tab" before its user even saves. Where BroadcastChannel is missing (tests, old browsers)
 * nothing is sent; the revision check on save still refuses a silent overwrite.
 */
const CHANNEL = 'wa-pricing-runs';

/** This page's id: a tab hears other tabs' changes, never its own. */
const TAB =
	typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

export interface RunChange {
	id: string;
	/** The tab that made the change. */
	tab?: string;
	/** The run's revision after the change; null when it was deleted. */
	revision: number | null;
}

let channel: BroadcastChannel | null = null;
const open = (): BroadcastChannel | null => {
	if (channel || typeof BroadcastChannel === 'undefined') return channel;
	channel = new BroadcastChannel(CHANNEL);
	return channel;
};

export function announceRunChange(id: string, revision: number | null): void {
	try {
		open()?.postMessage({ id, revision, tab: TAB } satisfies RunChange);
	} catch {
		// A closed channel (the page is going away): the revision check still protects the save.
	}
}

/** Listens for other tabs' changes; returns the function that stops listening. */
export function onRunChange(listener: (change: RunChange) => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => undefined;
	// A channel of its own: a BroadcastChannel does not hear its own messages, only other tabs'.
	const ch = new BroadcastChannel(CHANNEL);
	ch.onmessage = (e: MessageEvent<RunChange>) => {
		const c = e.data;
		if (c && typeof c.id === 'string' && c.tab !== TAB) listener(c);
	};
	return () => ch.close();
}
