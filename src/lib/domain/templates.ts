/**
 * Message templates as the broadcast page's library keeps them (issue "Outbound broadcast and campaign
 * forecast"), and which template categories a broadcast can use. Shaped like a provider's "Outbound
 * Message" menu (shared/seed help page, "Sending Broadcast"): the template category is chosen first,
 * and "if you don't have an approved template for a specific category, … the category is currently
 * unavailable". Marketing to US numbers is unavailable too: Meta paused it (pricing-rules.md §2.7).
 */
import { US_MARKETING_PAUSE_FROM } from './regimes';
import { TEMPLATE_CATEGORIES, type TemplateCategory } from './scenario';

/** Meta's review states of a template (WhatsApp Business Management API, message_template status). */
export const TEMPLATE_STATUSES = ['approved', 'pending', 'rejected'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const STATUS_LABEL: Record<TemplateStatus, string> = {
	approved: 'Approved',
	pending: 'Pending review',
	rejected: 'Rejected'
};

export const CATEGORY_TITLE: Record<TemplateCategory, string> = {
	marketing: 'Marketing',
	utility: 'Utility',
	authentication: 'Authentication'
};

export interface MessageTemplate {
	id: string;
	name: string;
	category: TemplateCategory;
	/** Meta's language code, e.g. en_US, pt_BR, id. */
	language: string;
	status: TemplateStatus;
	/** Bumped by every save: an edit made in another tab is never overwritten silently. */
	revision: number;
	updatedAt: number;
}

export type TemplateDraft = Pick<MessageTemplate, 'name' | 'category' | 'language' | 'status'>;

/** A few of the languages Meta supports for templates (Supported languages, WhatsApp Cloud API docs). */
export const TEMPLATE_LANGUAGES: readonly { code: string; label: string }[] = [
	{ code: 'en', label: 'English' },
	{ code: 'en_US', label: 'English (US)' },
	{ code: 'en_GB', label: 'English (UK)' },
	{ code: 'id', label: 'Indonesian' },
	{ code: 'hi', label: 'Hindi' },
	{ code: 'pt_BR', label: 'Portuguese (BR)' },
	{ code: 'es', label: 'Spanish' },
	{ code: 'es_MX', label: 'Spanish (MEX)' },
	{ code: 'ar', label: 'Arabic' },
	{ code: 'ms', label: 'Malay' },
	{ code: 'fr', label: 'French' },
	{ code: 'de', label: 'German' }
];

/**
 * The examples the library starts with: two categories usable, authentication not (one template
 * pending review, one rejected), so the "unavailable" state is visible from the first visit.
 */
export const SEED_TEMPLATES: readonly TemplateDraft[] = [
	{ name: 'year_end_sale', category: 'marketing', language: 'en', status: 'approved' },
	{ name: 'promo_natal', category: 'marketing', language: 'pt_BR', status: 'approved' },
	{ name: 'diwali_offer', category: 'marketing', language: 'hi', status: 'pending' },
	{ name: 'order_shipped', category: 'utility', language: 'en', status: 'approved' },
	{ name: 'pembayaran_diterima', category: 'utility', language: 'id', status: 'approved' },
	{ name: 'login_code', category: 'authentication', language: 'en', status: 'pending' },
	{ name: 'kode_verifikasi', category: 'authentication', language: 'id', status: 'rejected' }
];

/** Meta: template names hold lowercase letters, digits and underscores, at most 512 characters. */
export const MAX_TEMPLATE_NAME = 512;

/** Why a template cannot be saved, naming the field; null when it can. */
export function templateError(t: TemplateDraft): string | null {
	const name = t.name.trim();
	if (name === '') return 'Name: enter the template’s name as it is registered with Meta.';
	if (name.length > MAX_TEMPLATE_NAME) return `Name: at most ${MAX_TEMPLATE_NAME} characters.`;
	if (!/^[a-z0-9_]+$/.test(name))
		return 'Name: lowercase letters, digits and underscores only (Meta’s rule), e.g. order_shipped.';
	if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(t.category))
		return `Category: one of ${TEMPLATE_CATEGORIES.join(', ')}.`;
	if (!/^[a-z]{2,3}(_[A-Z]{2,3})?$/.test(t.language)) return 'Language: a code such as en, en_US or pt_BR.';
	if (!(TEMPLATE_STATUSES as readonly string[]).includes(t.status))
		return `Status: one of ${TEMPLATE_STATUSES.join(', ')}.`;
	return null;
}

export interface CategoryAvailability {
	category: TemplateCategory;
	available: boolean;
	approved: number;
	pending: number;
	rejected: number;
	/** Why the category cannot be chosen; null when it can. */
	reason: string | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A category is available when the library holds at least one approved template of it. */
export function categoryAvailability(
	templates: readonly Pick<MessageTemplate, 'category' | 'status'>[],
	category: TemplateCategory
): CategoryAvailability {
	let approved = 0;
	let pending = 0;
	let rejected = 0;
	for (const t of templates) {
		if (t.category !== category) continue;
		if (t.status === 'approved') approved++;
		else if (t.status === 'pending') pending++;
		else rejected++;
	}
	let reason: string | null = null;
	if (approved === 0) {
		const others = [
			pending ? `${plural(pending, 'template')} pending review` : '',
			rejected ? `${plural(rejected, 'template')} rejected` : ''
		].filter(Boolean);
		reason =
			`Unavailable: no approved ${category} template` +
			(others.length ? ` (${others.join(', ')})` : '') +
			'. Add one to the library or wait for Meta’s review.';
	}
	return { category, available: approved > 0, approved, pending, rejected, reason };
}

export const availabilityOf = (templates: readonly Pick<MessageTemplate, 'category' | 'status'>[]) =>
	TEMPLATE_CATEGORIES.map((c) => categoryAvailability(templates, c));

/**
 * Marketing templates to US numbers on a local date: unavailable from 2025-04-01 (Meta's pause,
 * pricing-rules.md §2.7). The forecast still counts those recipients: they fail and are not charged.
 * null when nothing is paused (another category, or an earlier date).
 */
export function usMarketingPause(category: TemplateCategory, date: string): string | null {
	if (category !== 'marketing' || date < US_MARKETING_PAUSE_FROM) return null;
	return 'Unavailable for US numbers: Meta has paused marketing templates to +1 US numbers since 1 Apr 2025. Those recipients fail and are not charged; the forecast says how many.';
}
