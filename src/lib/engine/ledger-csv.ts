/**
 * The ledger as a spreadsheet: one row per message in input order — when (in the scenario's zone
 * and in UTC), who sent what, the outcome, the charge as an exact decimal, the reason and the card.
 * People open it in Excel or Sheets, so cells go through csv-export (formula-safe, RFC 4180).
 */
import { toCsv, type CsvValue } from '$lib/domain/csv-export';
import { formatLocal } from '$lib/domain/format';
import { formatInstantUtc } from '$lib/domain/time';
import { formatMicros } from '$lib/domain/units';
import type { Ledger } from './ledger';

export const LEDGER_CSV_HEADER = [
	'event',
	'local_time',
	'utc_time',
	'type',
	'category',
	'outcome',
	'charge',
	'currency',
	'regime',
	'market',
	'conversation',
	'rate_card',
	'reason'
] as const;

/** Charges with all six decimals: the exact micro-unit amount, the same width in every row. */
const exact = (m: number): string => formatMicros(m as Parameters<typeof formatMicros>[0], 6);

export function ledgerToCsv(ledger: Ledger): string {
	const rows: CsvValue[][] = [[...LEDGER_CSV_HEADER]];
	for (const m of ledger.messages)
		rows.push([
			m.event,
			formatLocal(m.at, ledger.timezone, false),
			formatInstantUtc(m.at),
			m.type,
			m.category ?? '',
			m.outcome,
			m.unpriced ? 'no rate known' : exact(m.charge),
			ledger.currency,
			m.regime,
			m.market,
			m.conversation,
			m.rate?.cardId ?? '',
			m.reason
		]);
	return toCsv(rows);
}

/** "Use case 1: service conversation" → "use-case-1-service-conversation.ledger.csv". */
export function ledgerCsvFileName(scenarioName: string): string {
	const stem =
		scenarioName
			.normalize('NFKD')
			.replace(/[^\w\s-]/g, '')
			.trim()
			.replace(/[\s_]+/g, '-')
			.toLowerCase()
			.slice(0, 60) || 'scenario';
	return `${stem}.ledger.csv`;
}
