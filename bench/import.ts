// `npm run bench:import`: the time to dry-run and apply a 5,000-row catalogue CSV on PGlite (the
// engine of a single-machine install; target < 10 s for both), a re-import of the same file (all
// updates by SKU), and the upload-to-ready time of a 4000×3000 phone photo (validation, EXIF
// stripping, three WebP widths on the local disk). In-process, no HTTP: the domain functions the
// pages call. Run with: node --experimental-strip-types bench/import.ts [--rows 5000] [--postgres URL]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { migrate } from '../src/lib/server/db/migrate.ts';
import * as schema from '../src/lib/server/db/schema/index.ts';
import { applyImport, checkImport } from '../src/lib/server/imports/import.ts';
import { storeImage } from '../src/lib/server/media/images.ts';
import { localStorage } from '../src/lib/server/media/storage.ts';
import type { ShopScope } from '../src/lib/server/tenancy/guard.ts';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '5000' }, postgres: { type: 'string' } } });
const ROWS = Number(args.rows);
const ms = (n: number) => `${Math.round(n)} ms`;
const load = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' / ');

/** A French Excel-style CSV: `;`, decimal commas, Windows-1252 would decode the same; 1–3 variants per product. */
function catalogueCsv(rows: number): Uint8Array {
	const lines = ['SKU;Produit;Variante;Unité;Prix TTC;TVA;Stock;Gestion du stock;Allergènes;Labels;Ingrédients;Conservation;Origine'];
	const names = [
		'Pain de campagne',
		'Tomme de brebis',
		'Confiture de fraises',
		'Miel de châtaignier',
		'Saucisson sec',
		'Terrine de campagne'
	];
	let product = 0;
	while (lines.length <= rows) {
		const name = `${names[product % names.length]} n°${product}`;
		const sizes = ['250 g', '500 g', '1 kg'].slice(0, 1 + (product % 3));
		for (const [i, size] of sizes.entries()) {
			if (lines.length > rows) break;
			const price = (2 + ((product * 7 + i * 3) % 40) + 0.5).toFixed(2).replace('.', ',');
			lines.push(
				`P${product}-${i};${name};${size};pièce;${price};5,5;${(product + i) % 50};suivi;Gluten, Lait;Bio;Farine, eau, sel;Au frais;Touraine`
			);
		}
		product++;
	}
	return new TextEncoder().encode('\ufeff' + lines.join('\r\n'));
}

async function main() {
	const dir = await mkdtemp(join(tmpdir(), 'echoppe-bench-import-'));
	const engine = args.postgres ? 'PostgreSQL' : 'PGlite';
	console.log(`Machine: ${cpus().length} CPU(s), load average ${load()} (1 / 5 / 15 min) at start`);
	const database = await openDatabase(args.postgres ? { databaseUrl: args.postgres, poolSize: 5 } : { dataDir: join(dir, 'pglite') });
	try {
		await migrate(database);
		const db = database.db;
		const [territory] = await db
			.insert(schema.territories)
			.values({ name: 'Bench', slug: `bench-${Date.now()}`, latitude: 47.39, longitude: 0.98 })
			.returning();
		const [shop] = await db
			.insert(schema.shops)
			.values({
				territoryId: territory.id,
				slug: 'bench-shop',
				name: 'Bench',
				trade: 'grocery',
				status: 'active',
				address: '1 rue',
				postcode: '37000',
				city: 'Tours',
				latitude: 47.39,
				longitude: 0.98
			})
			.returning();
		const scope: ShopScope = { userId: null as unknown as string, territoryId: territory.id, shopId: shop.id, role: 'shop_owner' };
		const csv = catalogueCsv(ROWS);
		console.log(`${engine}: ${ROWS} rows, ${(csv.byteLength / 1024).toFixed(0)} KB CSV`);

		let t = performance.now();
		const checked = await checkImport(db, scope, { filename: 'bench.csv', bytes: csv, locale: 'fr' }, Math.max(ROWS, 10_000));
		const dry = performance.now() - t;
		if (checked.problems.length) throw new Error(`unexpected problems: ${JSON.stringify(checked.problems.slice(0, 3))}`);
		t = performance.now();
		const applied = await applyImport(db, scope, checked.id);
		const apply = performance.now() - t;
		console.log(
			`first import: dry run ${ms(dry)}, apply ${ms(apply)}, total ${ms(dry + apply)} ` +
				`(${applied.creates} variants created in ${applied.newProducts} products) — load ${load()}`
		);

		t = performance.now();
		const again = await checkImport(db, scope, { filename: 'bench.csv', bytes: csv, locale: 'fr' }, Math.max(ROWS, 10_000));
		const dry2 = performance.now() - t;
		t = performance.now();
		const applied2 = await applyImport(db, scope, again.id);
		const apply2 = performance.now() - t;
		console.log(
			`re-import (updates by SKU): dry run ${ms(dry2)}, apply ${ms(apply2)}, total ${ms(dry2 + apply2)} (${applied2.updates} updated) — load ${load()}`
		);

		const photo = new Uint8Array(
			await sharp({
				create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } }
			})
				.jpeg({ quality: 90 })
				.withExif({ IFD0: { Make: 'Bench', Model: 'Phone' } })
				.toBuffer()
		);
		const storage = localStorage(join(dir, 'media'));
		const times: number[] = [];
		for (let i = 0; i < 3; i++) {
			t = performance.now();
			await storeImage(db, shop.id, { bytes: photo, alt: 'Photo de banc d’essai' }, storage);
			times.push(performance.now() - t);
		}
		console.log(
			`photo 4000×3000 JPEG (${(photo.byteLength / 1024 / 1024).toFixed(1)} MB, noisy = worst case): upload to ready ` +
				`${times.map(ms).join(', ')} (3 runs) — load ${load()}`
		);
	} finally {
		await database.close();
		await rm(dir, { recursive: true, force: true });
	}
}

await main();
