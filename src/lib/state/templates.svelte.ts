/**
 * The template library's state for the broadcast page: a live list (subscribed while the page is
 * open), which categories it makes available, and the user's edits. Each action catches its own
 * failure into `message`. When storage is off the examples are shown, read-only, so the page still
 * works.
 */
import {
	availabilityOf,
	SEED_TEMPLATES,
	type MessageTemplate,
	type TemplateDraft
} from '$lib/domain/templates';
import {
	addTemplate,
	deleteTemplate,
	liveTemplates,
	restoreTemplate,
	updateTemplate
} from '$lib/storage/templates-repo';
import { messageOf, StorageStatusRune } from './runs-storage.svelte';

export interface LibraryMessage {
	tone: 'success' | 'error';
	text: string;
}

const EXAMPLES: MessageTemplate[] = SEED_TEMPLATES.map((t, i) => ({
	...t,
	id: `example-${i + 1}`,
	revision: 1,
	updatedAt: 0
}));

export class TemplateLibrary {
	templates = $state.raw<MessageTemplate[]>([]);
	loading = $state(true);
	/** Why the library cannot be read (storage off): the examples are shown instead. */
	readError = $state<string | null>(null);
	message = $state<LibraryMessage | null>(null);
	deleted = $state.raw<MessageTemplate | null>(null);
	readonly storage = new StorageStatusRune();
	readonly availability = $derived(availabilityOf(this.templates));
	readonly readOnly = $derived(this.readError !== null);

	constructor() {
		$effect(() => {
			const sub = liveTemplates().subscribe({
				next: (list) => {
					this.templates = list;
					this.loading = false;
					this.readError = null;
				},
				error: (err) => {
					this.templates = EXAMPLES;
					this.readError = messageOf(err);
					this.loading = false;
				}
			});
			return () => sub.unsubscribe();
		});
	}

	byId(id: string | null): MessageTemplate | undefined {
		return id === null ? undefined : this.templates.find((t) => t.id === id);
	}

	async add(draft: TemplateDraft): Promise<boolean> {
		try {
			const t = await addTemplate(draft);
			this.message = { tone: 'success', text: `Added “${t.name}” (${t.language}).` };
			return true;
		} catch (err) {
			this.message = { tone: 'error', text: messageOf(err) };
			return false;
		}
	}

	async update(t: MessageTemplate, draft: TemplateDraft): Promise<boolean> {
		try {
			await updateTemplate(t.id, draft, t.revision);
			this.message = { tone: 'success', text: `Saved “${draft.name.trim()}”.` };
			return true;
		} catch (err) {
			this.message = { tone: 'error', text: messageOf(err) };
			return false;
		}
	}

	async remove(t: MessageTemplate): Promise<void> {
		try {
			this.deleted = await deleteTemplate(t.id);
			this.message = null;
		} catch (err) {
			this.message = { tone: 'error', text: messageOf(err) };
		}
	}

	async undoDelete(): Promise<void> {
		const t = this.deleted;
		if (!t) return;
		this.deleted = null;
		try {
			await restoreTemplate(t);
			this.message = { tone: 'success', text: `Restored “${t.name}”.` };
		} catch (err) {
			this.message = { tone: 'error', text: messageOf(err) };
		}
	}
}
