/**
 * The inbox simulator's built-in message templates, a few per category, so the template picker works
 * before (or without) the broadcast page's template library. The help page asks for the category
 * first, then a template of it; a category with no approved template says so.
 */
import type { TemplateCategory } from '$lib/domain/scenario';

export interface BuiltInTemplate {
	id: string;
	category: TemplateCategory;
	name: string;
	text: string;
}

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
	{
		id: 'order_update',
		category: 'utility',
		name: 'Order update',
		text: 'Your order {{1}} has shipped and arrives on {{2}}.'
	},
	{
		id: 'delivery_reminder',
		category: 'utility',
		name: 'Delivery reminder',
		text: 'Reminder: your parcel is delivered today between {{1}} and {{2}}.'
	},
	{
		id: 'payment_received',
		category: 'utility',
		name: 'Payment received',
		text: 'We received your payment of {{1}}. Thank you!'
	},
	{
		id: 'seasonal_sale',
		category: 'marketing',
		name: 'Seasonal sale',
		text: 'Our sale starts today: up to 30% off. Reply STOP to opt out.'
	},
	{
		id: 'new_arrivals',
		category: 'marketing',
		name: 'New arrivals',
		text: 'New arrivals are in. Take a look at this week’s picks!'
	},
	{
		id: 'one_time_code',
		category: 'authentication',
		name: 'One-time code',
		text: '{{1}} is your verification code. Do not share it.'
	}
];

export const templatesOf = (category: TemplateCategory): BuiltInTemplate[] =>
	BUILT_IN_TEMPLATES.filter((t) => t.category === category);

export const templateById = (id: string): BuiltInTemplate | undefined =>
	BUILT_IN_TEMPLATES.find((t) => t.id === id);
