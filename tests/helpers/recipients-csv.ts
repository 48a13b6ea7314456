/**
 * A recipients file as a CRM exports it, generated in the test (no large fixture is committed): an
 * id, a name, the phone in the formats people type (with "+", without, with dashes and spaces), an
 * email, the customer's last message (a fifth of them in the 24 hours before the send) and, for a
 * few, when a free entry point opened; every 997th row has no number and every 1,999th an unassigned
 * calling code. Deterministic: the same arguments give the same text. Plain Node, no app imports.
 */
const MARKETS = [
	{ code: '91', national: (i: number) => `98${String(i % 100_000_000).padStart(8, '0')}` }, // India
	{ code: '55', national: (i: number) => `119${String(i % 100_000_000).padStart(8, '0')}` }, // Brazil
	{ code: '62', national: (i: number) => `812${String(i % 100_000_000).padStart(8, '0')}` } // Indonesia
];
const H = 3_600_000;

/** "+07:00" style offset text for a whole-hour offset. */
const iso = (t: number, offsetHours: number) =>
	new Date(t + offsetHours * H).toISOString().replace('.000Z', `+${String(offsetHours).padStart(2, '0')}:00`);

export interface RecipientsFile {
	text: string;
	rows: number;
	/** Rows left out (no number, unassigned code). */
	bad: number;
}

export function recipientsCsv(rows: number, sendAt: number, offsetHours = 7): RecipientsFile {
	const lines = [
		'contact_id,full_name,Mobile Number,email,last_customer_message_at,free_entry_point_opened_at'
	];
	let bad = 0;
	for (let i = 1; i <= rows; i++) {
		// India 40 %, Brazil 30 %, Indonesia 30 %.
		const k = i % 10;
		const m = MARKETS[k < 4 ? 0 : k < 7 ? 1 : 2]!;
		const national = m.national(i);
		let phone =
			i % 3 === 0
				? `+${m.code} ${national.slice(0, 5)} ${national.slice(5)}`
				: i % 3 === 1
					? `${m.code}${national}`
					: `+${m.code}-${national}`;
		if (i % 997 === 0) {
			phone = 'n/a';
			bad++;
		} else if (i % 1999 === 0) {
			phone = `+999 ${national}`;
			bad++;
		}
		const last =
			i % 5 === 0 ? iso(sendAt - 3 * H, offsetHours) : i % 5 === 1 ? iso(sendAt - 80 * H, offsetHours) : '';
		const entry = i % 47 === 5 ? iso(sendAt - 30 * H, offsetHours) : '';
		lines.push(`${i},Customer ${i},${phone},c${i}@example.com,${last},${entry}`);
	}
	return { text: lines.join('\n') + '\n', rows, bad };
}
