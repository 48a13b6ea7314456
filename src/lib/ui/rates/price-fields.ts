/**
 * The provider price list's text fields, checked with the scenario schema itself so the form can
 * never accept what a saved scenario would refuse (and the messages read the same).
 */
import * as v from 'valibot';
import { scenarioSchema, type Adjustments } from '$lib/domain/scenario';

export interface PriceFields {
	label: string;
	markup: string;
	perMessage: string;
	perConversation: string;
}

export type PriceField = keyof PriceFields;

const schema = scenarioSchema.entries.adjustments;

/** Percent as typed: digits with an optional fraction. The engine rounds to basis points, so 2 decimals. */
const PERCENT = /^\d+(\.\d{1,2})?$/;

function schemaError(adj: Adjustments): string | null {
	const r = v.safeParse(schema, adj);
	return r.success ? null : (r.issues[0]?.message ?? 'not a valid value');
}

/** null when the text is usable (empty = not set), else the message to show next to the field. */
export function fieldError(field: PriceField, text: string): string | null {
	const t = text.trim();
	if (t === '') return null;
	switch (field) {
		case 'label':
			return schemaError({ label: t });
		case 'markup':
			if (!PERCENT.test(t)) return 'must be a percentage such as 12 or 7.5 (at most 2 decimals)';
			return schemaError({ markup_percent: Number(t) });
		case 'perMessage':
			return schemaError({ fee_per_message: t });
		case 'perConversation':
			return schemaError({ fee_per_conversation: t });
	}
}

export const toFields = (adj: Adjustments | undefined): PriceFields => ({
	label: adj?.label ?? '',
	markup: adj?.markup_percent === undefined ? '' : String(adj.markup_percent),
	perMessage: adj?.fee_per_message ?? '',
	perConversation: adj?.fee_per_conversation ?? ''
});

/** The adjustments the fields describe; undefined when every field is empty. Call only when all fields are valid. */
export function toAdjustments(f: PriceFields): Adjustments | undefined {
	const adj: Adjustments = {};
	if (f.label.trim()) adj.label = f.label.trim();
	if (f.markup.trim()) adj.markup_percent = Number(f.markup.trim());
	if (f.perMessage.trim()) adj.fee_per_message = f.perMessage.trim();
	if (f.perConversation.trim()) adj.fee_per_conversation = f.perConversation.trim();
	return Object.keys(adj).length ? adj : undefined;
}
