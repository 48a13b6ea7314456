/**
 * The five use cases of the user's source document (a provider's help page, June 2023; see
 * ../shared/use-cases.md), shipped as replayable scenarios with narration. Each is also a golden test.
 */
import { validateScenario, type Scenario } from '../scenario';
import uc1 from './uc1-service-conversation.json';
import uc2 from './uc2-click-to-whatsapp.json';
import uc3 from './uc3-business-initiated.json';
import uc4 from './uc4-same-category.json';
import uc5 from './uc5-multiple-conversations.json';

export interface UseCase {
	id: string;
	number: number;
	title: string;
	/** The one-line lesson shown on the start page. */
	lesson: string;
	scenario: Scenario;
}

const build = (id: string, number: number, title: string, lesson: string, data: unknown): UseCase => {
	const r = validateScenario(data);
	if (!r.ok) throw new Error(`use case ${id} is invalid: ${r.errors.map((e) => e.message).join('; ')}`);
	return { id, number, title, lesson, scenario: r.scenario };
};

export const USE_CASES: readonly UseCase[] = [
	build(
		'service-conversation',
		1,
		'Service conversation started',
		'Replies inside the 24 h window open a service conversation; outside it, free-form is blocked.',
		uc1
	),
	build(
		'click-to-whatsapp',
		2,
		'Click-to-WhatsApp session started',
		'A reply to an ad opens 72 h in which everything is free — but free-form still needs the 24 h window.',
		uc2
	),
	build(
		'business-initiated',
		3,
		'One business-initiated conversation',
		'A template opens a 24 h conversation of its category, charged once.',
		uc3
	),
	build(
		'same-category',
		4,
		'Templates in the same category',
		'More templates of one category within 24 h cost nothing extra.',
		uc4
	),
	build(
		'multiple-conversations',
		5,
		'Multiple conversation windows',
		'A template of another category opens a second, separately charged conversation.',
		uc5
	)
];

export const useCaseById = (id: string): UseCase | undefined => USE_CASES.find((u) => u.id === id);
