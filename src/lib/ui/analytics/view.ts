/** Words, colours and tables of the analytics page (pure, shared by its charts and tables). */
import { formatMicros, type Micros } from '$lib/domain/units';
import type { Bucket } from '$lib/engine/webhooks/aggregate';
import { CREDIT_CATEGORIES, type CreditCategory } from '$lib/engine/webhooks/usage';
import type { MismatchKind } from '$lib/engine/webhooks/reconcile';

export const CREDIT_LABEL: Record<CreditCategory, string> = {
	marketing: 'Marketing',
	utility: 'Utility',
	authentication: 'Authentication',
	authentication_international: 'Authentication-international',
	service: 'Service'
};

export const CREDIT_COLOUR: Record<CreditCategory, string> = {
	marketing: 'var(--cat-marketing)',
	utility: 'var(--cat-utility)',
	authentication: 'var(--cat-authentication)',
	authentication_international: 'var(--cat-authentication-international, #c2410c)',
	service: 'var(--cat-service)'
};

export const MISMATCH_LABEL: Record<MismatchKind, string> = {
	billed_but_free: 'Billed, rules say free',
	free_but_charged: 'Free, rules say charged',
	category: 'Different category',
	unpriced: 'No rate known',
	not_compared: 'Not compared (no pricing)'
};

export const money = (m: Micros | number | null): string => (m === null ? '' : formatMicros(m as Micros, 2));

/** "Credits" as a table: month, category, charged, free (and billed where a log exists). */
export function creditsTable(buckets: readonly Bucket[]): (string | number)[][] {
	const billed = buckets.some((b) => CREDIT_CATEGORIES.some((c) => b.byCategory[c].billed !== null));
	const rows: (string | number)[][] = [
		['Month', 'Category', 'Charged messages', 'Free messages', ...(billed ? ['Billed by Meta'] : [])]
	];
	for (const b of buckets)
		for (const c of CREDIT_CATEGORIES) {
			const t = b.byCategory[c];
			if (t.charged + t.free === 0 && !t.billed) continue;
			rows.push([b.key, CREDIT_LABEL[c], t.charged, t.free, ...(billed ? [t.billed ?? ''] : [])]);
		}
	return rows;
}

/** "History cost" as a table: period, each category's predicted cost, total, billed where known. */
export function historyTable(buckets: readonly Bucket[], currency: string): (string | number)[][] {
	const billed = buckets.some((b) => b.billedCost !== null);
	const rows: (string | number)[][] = [
		[
			'Period',
			...CREDIT_CATEGORIES.map((c) => `${CREDIT_LABEL[c]} (${currency})`),
			`Predicted total (${currency})`,
			...(billed ? [`Billed per log (${currency})`] : [])
		]
	];
	for (const b of buckets)
		rows.push([
			b.key,
			...CREDIT_CATEGORIES.map((c) => money(b.byCategory[c].cost)),
			money(b.cost),
			...(billed ? [b.billedCost === null ? '' : money(b.billedCost)] : [])
		]);
	return rows;
}
