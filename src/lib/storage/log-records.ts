/**
 * Imported webhook logs as stored (issue 12 point 3): the import's report — counts, the
 * reconciliation with its first mismatches, the usage rows per day and category, and the scenarios
 * of the first mismatches' recipients for "open in sandbox" — never the raw file or its statuses.
 * A record is written once, whole, when its import has finished: a cancelled or failed import
 * leaves nothing behind.
 */
import type { LogReport } from '$lib/engine/webhooks/import-job';

export interface ImportedLogRecord {
	id: string;
	name: string;
	nameLower: string;
	importedAt: number;
	/** Shown on the analytics page (the user's switch, kept across reloads). */
	on: boolean;
	report: LogReport;
}
