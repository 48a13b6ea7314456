/**
 * Webhook logs imported on the analytics page (log-records.ts): saved whole in one write when an
 * import has finished (so a cancelled or failed import leaves nothing), listed oldest first, switched
 * on or off, deleted. Every call goes through repo-io, so a failure reads as a sentence.
 */
import type { LogReport } from '$lib/engine/webhooks/import-job';
import type { ImportedLogRecord } from './log-records';
import { read, write } from './repo-io';

export function saveImportedLog(report: LogReport, now = Date.now()): Promise<ImportedLogRecord> {
	return write('keep the imported log', async (db) => {
		const record: ImportedLogRecord = {
			id: crypto.randomUUID(),
			name: report.name,
			nameLower: report.name.toLowerCase(),
			importedAt: now,
			on: true,
			report
		};
		await db.importedLogs.add(record);
		return record;
	});
}

export function listImportedLogs(): Promise<ImportedLogRecord[]> {
	return read('read the imported logs', (db) => db.importedLogs.orderBy('importedAt').toArray());
}

export function setImportedLogOn(id: string, on: boolean): Promise<void> {
	return write('keep the log’s switch', async (db) => {
		await db.importedLogs.update(id, { on });
	});
}

export function deleteImportedLog(id: string): Promise<void> {
	return write('delete the imported log', (db) => db.importedLogs.delete(id));
}
