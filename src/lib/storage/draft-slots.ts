/**
 * Where a draft is kept (issue "Nothing a person makes is lost" point 2): one slot per source — a
 * saved run, a use case, a share link, a blank scenario — and per tab, so two tabs never overwrite
 * each other's unsaved work and editing a use case never replaces a blank scenario's draft. The tab's
 * id lives in sessionStorage: it survives a reload of that tab and differs between tabs.
 */
export type DraftSource =
	| { kind: 'run'; id: string }
	| { kind: 'usecase'; id: string }
	| { kind: 'share'; fragment: string }
	| { kind: 'blank' };

/** A short stable hash of a share link's fragment (djb2): the link itself can be megabytes. */
function hash(text: string): string {
	if (text === lastHashed.text) return lastHashed.hash;
	let h = 5381;
	for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
	lastHashed = { text, hash: (h >>> 0).toString(36) };
	return lastHashed.hash;
}
/** Opening a page asks for the same link's key several times: a 650 KB link is hashed once. */
let lastHashed = { text: '', hash: '' };

export function sourceKey(source: DraftSource): string {
	switch (source.kind) {
		case 'run':
			return `run:${source.id}`;
		case 'usecase':
			return `usecase:${source.id}`;
		case 'share':
			return `share:${hash(source.fragment)}`;
		case 'blank':
			return 'blank';
	}
}

const TAB_KEY = 'wa-pricing-tab';
let memoryTab: string | null = null;

/** This tab's id (kept across reloads of the tab in sessionStorage; in memory where that fails). */
export function tabId(): string {
	try {
		let id = sessionStorage.getItem(TAB_KEY);
		if (!id) {
			id = crypto.randomUUID().slice(0, 8);
			sessionStorage.setItem(TAB_KEY, id);
		}
		return id;
	} catch {
		memoryTab ??= Math.random().toString(36).slice(2, 10);
		return memoryTab;
	}
}

export const slotOf = (source: DraftSource, tab = tabId()): string => `${sourceKey(source)}@${tab}`;
export const sourceOfSlot = (slot: string): string => slot.slice(0, slot.lastIndexOf('@'));
export const tabOfSlot = (slot: string): string => slot.slice(slot.lastIndexOf('@') + 1);

const BACKUP = 'wa-pricing-draft:';

/**
 * At page hide there is no time for IndexedDB: the pending draft is written to sessionStorage at
 * once (synchronously), and moved into IndexedDB when the tab opens again. Too large for
 * sessionStorage: false (the IndexedDB write started alongside is all there is).
 */
export function backupDraft(slot: string, json: string, runId: string | null): boolean {
	try {
		sessionStorage.setItem(`${BACKUP}${slot}`, JSON.stringify({ json, runId, savedAt: Date.now() }));
		return true;
	} catch {
		return false;
	}
}

export function takeBackup(slot: string): { json: string; runId: string | null; savedAt: number } | null {
	try {
		const text = sessionStorage.getItem(`${BACKUP}${slot}`);
		if (!text) return null;
		sessionStorage.removeItem(`${BACKUP}${slot}`);
		const v = JSON.parse(text) as { json: string; runId: string | null; savedAt: number };
		return typeof v.json === 'string' && typeof v.savedAt === 'number' ? v : null;
	} catch {
		return null;
	}
}

/** Whether a page-hide copy of this slot's draft is waiting in sessionStorage. */
export function hasBackup(slot: string): boolean {
	try {
		return sessionStorage.getItem(`${BACKUP}${slot}`) !== null;
	} catch {
		return false;
	}
}

export function dropBackup(slot: string): void {
	try {
		sessionStorage.removeItem(`${BACKUP}${slot}`);
	} catch {
		// nothing to drop
	}
}
