/** The `--table` rendering of a ledger: what a person reads in a terminal. */
import { formatLocal } from '$lib/domain/format';
import { regimeById } from '$lib/domain/regimes';
import { CONVERSATION_CATEGORIES } from '$lib/domain/scenario';
import { formatMicros } from '$lib/domain/units';
import type { Ledger } from '$lib/engine/ledger';
import type { RegimeComparison } from '$lib/engine/compare';

function table(rows: string[][]): string {
	// A loop, not Math.max(...rows): spreading 120,000 rows overflows the stack.
	const widths = rows[0]?.map((_, c) => rows.reduce((w, r) => Math.max(w, (r[c] ?? '').length), 0)) ?? [];
	return rows
		.map((r) =>
			r
				.map((cell, c) => cell.padEnd(widths[c] ?? 0))
				.join('  ')
				.trimEnd()
		)
		.join('\n');
}

export function ledgerTable(ledger: Ledger): string {
	const when = (t: number) => formatLocal(t as never, ledger.timezone);
	const regime =
		ledger.regime === 'mixed'
			? `mixed: ${ledger.regimes.join(', ')}`
			: `${ledger.regime} — ${regimeById(ledger.regime).label}${ledger.pinned ? ' (pinned)' : ''}`;
	const lines = [
		`Regime: ${regime}`,
		`Market: ${ledger.market}   Time zone: ${ledger.timezone}   Currency: ${ledger.currency}`,
		'',
		table([
			['#', 'time', 'message', 'outcome', 'charge', 'reason'],
			...ledger.messages.map((m) => [
				String(m.event),
				when(m.at),
				m.type === 'template' ? `template:${m.category}` : m.type.replace('_', ' '),
				m.outcome,
				m.unpriced ? 'no rate' : formatMicros(m.charge),
				m.reason
			])
		]),
		''
	];
	if (ledger.conversations.length) {
		lines.push(
			table([
				['conversation', 'opened', 'ends', 'charge'],
				...ledger.conversations.map((c) => [
					`${c.id} ${c.category}`,
					when(c.openedAt),
					c.closedAt !== null ? `${when(c.closedAt)} (closed by free entry point)` : when(c.expiresAt),
					formatMicros(c.charge)
				])
			]),
			''
		);
	}
	if (ledger.windows.length) {
		lines.push(
			table([
				['window', 'opened', 'expires'],
				...ledger.windows.map((w) => [w.kind.replaceAll('_', ' '), when(w.openedAt), when(w.expiresAt)])
			]),
			''
		);
	}
	const cats = Object.entries(ledger.totalsByCategory)
		.map(([k, v]) => `${k} ${formatMicros(v)}`)
		.join(', ');
	lines.push(`Total: ${formatMicros(ledger.total)} ${ledger.currency}   (${cats})`);
	for (const n of ledger.notes) lines.push(`Note: ${n}`);
	return lines.join('\n');
}

export function comparisonTable(cmp: RegimeComparison): string {
	const rows = [
		['regime', ...CONVERSATION_CATEGORIES, 'total'],
		...cmp.results.map(({ regime, ledger }) => [
			regime.id,
			...CONVERSATION_CATEGORIES.map((c) => formatMicros(ledger.totalsByCategory[c])),
			`${formatMicros(ledger.total)} ${ledger.currency}`
		])
	];
	const lines = [table(rows), ''];
	if (cmp.differing.length) {
		lines.push(`Messages priced differently (${cmp.differing.length}):`);
		for (const i of cmp.differing) {
			lines.push(`  event ${i}:`);
			for (const { regime, ledger } of cmp.results) {
				const m = ledger.messages[i];
				if (m)
					lines.push(
						`    ${regime.id.padEnd(12)} ${m.outcome.padEnd(8)} ${formatMicros(m.charge).padStart(8)}  ${m.reason}`
					);
			}
		}
	} else lines.push('Every message is priced the same under all four regimes.');
	return lines.join('\n');
}
