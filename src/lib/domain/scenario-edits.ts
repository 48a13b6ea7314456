/**
 * Event and settings edits as pure, immutable functions: each returns a new scenario and never
 * touches the one it was given, so the session can keep the old one for undo.
 */
import { isoInZone } from './local-time';
import type { RegimeId } from './regimes';
import { SCENARIO_FORMAT, type Scenario, type ScenarioEvent, type TemplateCategory } from './scenario';
import type { EpochMs } from './units';

/** What a person picks in the editor: the customer's entry point folded into one choice. */
export type EventKind =
	'customer_message' | 'customer_ctwa_ad' | 'customer_page_cta' | 'business_message' | 'template';

export const EVENT_KINDS: readonly { kind: EventKind; label: string }[] = [
	{ kind: 'customer_message', label: 'Customer message' },
	{ kind: 'customer_ctwa_ad', label: 'Customer message from a click-to-WhatsApp ad' },
	{ kind: 'customer_page_cta', label: 'Customer message from a Facebook Page button' },
	{ kind: 'business_message', label: 'Agent free-form reply' },
	{ kind: 'template', label: 'Template' }
];

export interface EventDraft {
	kind: EventKind;
	/** Used when kind is 'template'. */
	category: TemplateCategory;
	text: string;
	/** A caption shown when the replay reaches the event (a demo's narration); empty for none. */
	caption: string;
	/** False marks a business message or template that failed to deliver. */
	delivered: boolean;
}

export const DEFAULT_DRAFT: EventDraft = {
	kind: 'customer_message',
	category: 'marketing',
	text: '',
	caption: '',
	delivered: true
};

/** The scenario event a draft describes, at an instant written with the scenario zone's offset. */
export function buildEvent(draft: EventDraft, at: EpochMs, timeZone: string): ScenarioEvent {
	const when = isoInZone(at, timeZone);
	const text = {
		...(draft.text.trim() ? { text: draft.text.trim().slice(0, 500) } : {}),
		...(draft.caption.trim() ? { caption: draft.caption.trim().slice(0, 500) } : {})
	};
	const failed = draft.delivered ? {} : { delivered: false };
	switch (draft.kind) {
		case 'customer_message':
			return { at: when, type: 'customer_message', ...text };
		case 'customer_ctwa_ad':
			return { at: when, type: 'customer_message', entry_point: 'ctwa_ad', ...text };
		case 'customer_page_cta':
			return { at: when, type: 'customer_message', entry_point: 'page_cta', ...text };
		case 'business_message':
			return { at: when, type: 'business_message', ...failed, ...text };
		case 'template':
			return { at: when, type: 'template', category: draft.category, ...failed, ...text };
	}
}

/** The editor's view of an existing event. */
export function draftOf(event: ScenarioEvent): EventDraft {
	const text = event.text ?? '';
	const caption = event.caption ?? '';
	if (event.type === 'customer_message') {
		const kind: EventKind =
			event.entry_point === 'ctwa_ad'
				? 'customer_ctwa_ad'
				: event.entry_point === 'page_cta'
					? 'customer_page_cta'
					: 'customer_message';
		return { kind, category: 'marketing', text, caption, delivered: true };
	}
	const delivered = event.delivered !== false;
	if (event.type === 'business_message')
		return { kind: 'business_message', category: 'marketing', text, caption, delivered };
	return { kind: 'template', category: event.category, text, caption, delivered };
}

const withEvents = (s: Scenario, events: ScenarioEvent[]): Scenario => ({ ...s, events });

/** Appends the event (input order; the engine sorts by time). Its index is the old events.length. */
export function addEvent(s: Scenario, event: ScenarioEvent): Scenario {
	return withEvents(s, [...s.events, event]);
}

/** Replaces event `index` whole (a changed type drops the fields the old type had). */
export function updateEvent(s: Scenario, index: number, event: ScenarioEvent): Scenario {
	if (index < 0 || index >= s.events.length) return s;
	return withEvents(
		s,
		s.events.map((e, i) => (i === index ? event : e))
	);
}

/** Moves event `index` to another instant, keeping everything else about it. */
export function moveEvent(s: Scenario, index: number, at: EpochMs): Scenario {
	const e = s.events[index];
	if (!e) return s;
	return updateEvent(s, index, { ...e, at: isoInZone(at, s.timezone) });
}

export function deleteEvent(s: Scenario, index: number): Scenario {
	if (index < 0 || index >= s.events.length) return s;
	return withEvents(
		s,
		s.events.filter((_, i) => i !== index)
	);
}

/** Pins the scenario to a regime ("what if"), or null to price each message by the regime in force. */
export function setRegime(s: Scenario, regime: RegimeId | null): Scenario {
	const { regime: _old, ...rest } = s;
	return regime ? { ...rest, regime } : rest;
}

type Account = NonNullable<Scenario['account']>;
type Settings = NonNullable<Scenario['settings']>;

/** Merges account assumptions; a field set to undefined is removed. */
export function setAccount(s: Scenario, patch: Partial<Account>): Scenario {
	return { ...s, account: prune({ ...s.account, ...patch }) };
}

export function setSettings(s: Scenario, patch: Partial<Settings>): Scenario {
	return { ...s, settings: prune({ ...s.settings, ...patch }) };
}

/** The provider's price list or an imported rate card; undefined removes it. */
export function setPricingExtra<K extends 'adjustments' | 'custom_rates'>(
	s: Scenario,
	key: K,
	value: Scenario[K] | undefined
): Scenario {
	const next = { ...s };
	if (value === undefined) delete next[key];
	else next[key] = value;
	return next;
}

/** Name, market or time zone; the caller validates the value first. */
export function setField(s: Scenario, field: 'name' | 'market' | 'timezone', value: string): Scenario {
	return s[field] === value ? s : { ...s, [field]: value };
}

function prune<T extends object>(o: T): T {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A new, empty scenario: the sandbox's "Start a blank scenario". */
export function blankScenario(timezone = 'UTC', market = 'ID'): Scenario {
	return { format: SCENARIO_FORMAT, name: 'Untitled scenario', market, timezone, events: [] };
}
