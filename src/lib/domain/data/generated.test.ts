/**
 * The committed *.generated.ts modules must equal what scripts/build-data.ts makes from
 * ../shared/rate-cards today. Skipped where ../shared is not checked out (the app never needs it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import {
	buildData,
	marketRowsFromCsv,
	parseCsv,
	rateCardFromCsv,
	tierTableFromCsv
} from '../../../../scripts/rate-data';
import { MARKET_ROWS } from './markets.generated';
import { RATE_CARDS } from './rate-cards.generated';
import { TIER_TABLES } from './volume-tiers.generated';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const sourceDir = path.resolve(repoRoot, '../shared/rate-cards');

describe.skipIf(!existsSync(sourceDir))('generated data matches ../shared/rate-cards', () => {
	const csvIn = (dir: string) =>
		readdirSync(path.join(sourceDir, dir))
			.filter((name) => name.endsWith('.csv'))
			.map((name) => {
				const rel = dir ? `${dir}/${name}` : name;
				return { name: rel, text: readFileSync(path.join(sourceDir, rel), 'utf8') };
			});
	const files = () => [...csvIn(''), ...csvIn('tiers')];

	it('reads every file: every card, every tier table, markets.csv', () => {
		const all = files();
		const built = buildData(all);
		expect(built.cards).toHaveLength(all.filter((f) => /^\d{4}-.*\.csv$/.test(f.name)).length);
		expect(built.tiers).toHaveLength(all.filter((f) => f.name.startsWith('tiers/')).length);
	});

	it('rate cards (run `npm run data` if this fails)', () => {
		expect(RATE_CARDS).toEqual(buildData(files()).cards);
	});

	it('market rows (run `npm run data` if this fails)', () => {
		expect(MARKET_ROWS).toEqual(buildData(files()).markets);
	});

	it('volume-tier tables (run `npm run data` if this fails)', () => {
		expect(TIER_TABLES).toEqual(buildData(files()).tiers);
	});
});

describe('CSV conversion (scripts/rate-data.ts)', () => {
	it('parses quoted fields with commas, doubled quotes and CRLF', () => {
		expect(parseCsv('a,b,c\r\n1,"x, ""y"" z",\r\n\r\n"",2,"3"\n')).toEqual([
			['a', 'b', 'c'],
			['1', 'x, "y" z', ''],
			['', '2', '3']
		]);
	});

	it('rejects broken quoting', () => {
		expect(() => parseCsv('a,"b\n')).toThrow(/unterminated/);
		expect(() => parseCsv('a,b"c"\n')).toThrow(/stray quote/);
	});

	const header = 'market,category,rate,confidence,source\n';

	it('reads a card: id, date, currency and model from the file name, rates kept as written', () => {
		const card = rateCardFromCsv('2025-07-01-EUR.csv', `${header}Germany,utility,0.0450,derived,"a, b"\n`);
		expect(card).toEqual({
			id: '2025-07-01-EUR',
			effectiveFrom: '2025-07-01',
			currency: 'EUR',
			model: 'PMP',
			file: '2025-07-01-EUR.csv',
			rows: [
				{ market: 'Germany', category: 'utility', rate: '0.0450', confidence: 'derived', source: 'a, b' }
			]
		});
		expect(rateCardFromCsv('2024-11-01-USD.csv', header).model).toBe('CBP');
	});

	it.each([
		['2025-13-01-USD.csv', header, /named YYYY-MM-DD-CUR/],
		['2025-07-01-USD.csv', 'market,rate\n', /expected header/],
		['2025-07-01-USD.csv', `${header}X,promo,0.1,derived,s\n`, /unknown category/],
		['2025-07-01-USD.csv', `${header}X,utility,0.1,sure,s\n`, /unknown confidence/],
		['2025-07-01-USD.csv', `${header}X,utility,0.1e1,derived,s\n`, /not a decimal/],
		['2025-07-01-USD.csv', `${header}X,utility,0.1,derived,\n`, /names its source/],
		['2025-07-01-USD.csv', `${header}X,utility,0.1,derived,s\nX,utility,0.2,derived,s\n`, /second row/]
	])('rejects %s with bad content (%s)', (file, text, error) => {
		expect(() => rateCardFromCsv(file, text)).toThrow(error);
	});

	it('checks markets.csv rows and overlapping periods', () => {
		const h = 'market,country_iso2,calling_code_prefix,from,until\n';
		expect(marketRowsFromCsv(`${h}Other,KZ,,,2026-10-01\nKazakhstan,KZ,,2026-10-01,\n`)).toEqual([
			{ market: 'Other', iso2: 'KZ', prefix: '', from: null, until: '2026-10-01' },
			{ market: 'Kazakhstan', iso2: 'KZ', prefix: '', from: '2026-10-01', until: null }
		]);
		expect(() => marketRowsFromCsv(`${h}A,ZW,263,,2025-10-02\nB,ZW,263,2025-10-01,\n`)).toThrow(/overlap/);
		expect(() => marketRowsFromCsv(`${h}A,zw,263,,\n`)).toThrow(/ISO 3166-1/);
		expect(() => marketRowsFromCsv(`${h}A,ZW,+263,,\n`)).toThrow(/digits only/);
	});

	it('rejects a card market that markets.csv does not know', () => {
		const markets = {
			name: 'markets.csv',
			text: 'market,country_iso2,calling_code_prefix,from,until\nA,AA,1,,\n'
		};
		const card = { name: '2025-07-01-USD.csv', text: `${header}B,utility,0.1,derived,s\n` };
		expect(() => buildData([markets, card])).toThrow(/not in markets.csv/);
	});

	const tierHeader = 'market,category,from,to,rate,confidence,source\n';

	it('reads a tier table: currency from the name (USD when none), counts as numbers, open top tier', () => {
		const t = tierTableFromCsv(
			'tiers/tiers-2026-10-01-BRL.csv',
			`${tierHeader}Brazil,utility,0,250000,0.0350,single-source,"a, b"\nBrazil,utility,250001,,0.0333,derived,c\n`
		);
		expect(t).toMatchObject({ id: 'tiers-2026-10-01-BRL', effectiveFrom: '2026-10-01', currency: 'BRL' });
		expect(t.rows[0]).toEqual({
			market: 'Brazil',
			category: 'utility',
			from: 0,
			to: 250000,
			rate: '0.0350',
			confidence: 'single-source',
			source: 'a, b'
		});
		expect(t.rows[1]?.to).toBeNull();
		expect(tierTableFromCsv('tiers/tiers-2026-04-01.csv', tierHeader).currency).toBe('USD');
	});

	it.each([
		['tiers/tiers-2026-4-01.csv', tierHeader, /named tiers/],
		['tiers/tiers-2026-04-01.csv', `${tierHeader}X,marketing,0,10,0.1,derived,s\n`, /no volume tiers/],
		['tiers/tiers-2026-04-01.csv', `${tierHeader}X,utility,0,1e3,0.1,derived,s\n`, /not a whole number/],
		['tiers/tiers-2026-04-01.csv', `${tierHeader}X,utility,10,5,0.1,derived,s\n`, /below from/],
		[
			'tiers/tiers-2026-04-01.csv',
			`${tierHeader}X,utility,0,10,0.1,derived,s\nX,utility,10,,0.09,derived,s\n`,
			/overlap/
		],
		[
			'tiers/tiers-2026-04-01.csv',
			`${tierHeader}X,utility,0,,0.1,derived,s\nX,utility,5,,0.09,derived,s\n`,
			/overlap/
		]
	])('rejects tier file %s with bad content', (file, text, error) => {
		expect(() => tierTableFromCsv(file, text)).toThrow(error);
	});
});
