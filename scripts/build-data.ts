/**
 * Regenerates src/lib/domain/data/{rate-cards,markets,volume-tiers}.generated.ts from
 * ../shared/rate-cards/*.csv and tiers/*.csv.
 * Run: `npm run data` (or `npx tsx scripts/build-data.ts`). The app never reads ../shared at run time;
 * the generated modules are committed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildData, renderMarketsModule, renderRateCardsModule, renderTiersModule } from './rate-data';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.resolve(repoRoot, '../shared/rate-cards');
const outDir = path.resolve(repoRoot, 'src/lib/domain/data');

const csvIn = (dir: string) =>
	readdirSync(path.join(sourceDir, dir))
		.filter((name) => name.endsWith('.csv'))
		.map((name) => {
			const rel = dir ? `${dir}/${name}` : name;
			return { name: rel, text: readFileSync(path.join(sourceDir, rel), 'utf8') };
		});
const files = [...csvIn(''), ...csvIn('tiers')];

const { cards, markets, tiers } = buildData(files);

writeFileSync(path.join(outDir, 'rate-cards.generated.ts'), renderRateCardsModule(cards));
writeFileSync(path.join(outDir, 'markets.generated.ts'), renderMarketsModule(markets));
writeFileSync(path.join(outDir, 'volume-tiers.generated.ts'), renderTiersModule(tiers));

const rows = cards.reduce((n, c) => n + c.rows.length, 0);
const tierRows = tiers.reduce((n, t) => n + t.rows.length, 0);
console.log(
	`${cards.length} rate cards (${rows} rows), ${tiers.length} tier tables (${tierRows} rows) and ${markets.length} market rows from ${sourceDir}`
);
