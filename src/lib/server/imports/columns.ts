import { slugify } from '../../slug.ts';

/**
 * The columns of a catalogue file: one row per variant, identified by its SKU. Headers are
 * recognised in French or English, with or without accents, case or punctuation
 * ("Prix TTC (€)" = "prix ttc" = "price"). The export and the template write the French header.
 */
export const COLUMNS = [
	{ key: 'sku', header: 'SKU', aliases: ['reference', 'ref', 'ref article', 'code article', 'sku'], required: true },
	{ key: 'product', header: 'Produit', aliases: ['nom du produit', 'nom', 'product', 'product name', 'name'], required: true },
	{ key: 'variant', header: 'Variante', aliases: ['nom de la variante', 'declinaison', 'variant', 'variant name'], required: false },
	{ key: 'category', header: 'Catégorie', aliases: ['rayon', 'category'], required: false },
	{ key: 'unit', header: 'Unité', aliases: ['unite de vente', 'unit', 'selling unit'], required: false },
	{ key: 'price', header: 'Prix TTC', aliases: ['prix', 'prix ttc eur', 'prix eur', 'price', 'price incl vat'], required: true },
	{ key: 'vat', header: 'TVA', aliases: ['taux de tva', 'tva %', 'vat', 'vat rate'], required: true },
	{ key: 'stock', header: 'Stock', aliases: ['quantite en stock', 'stock'], required: false },
	{ key: 'stockMode', header: 'Gestion du stock', aliases: ['mode de stock', 'stock mode'], required: false },
	{
		key: 'leadDays',
		header: 'Délai sur commande (jours)',
		aliases: ['delai', 'delai jours', 'lead days', 'lead time days'],
		required: false
	},
	{ key: 'netQuantity', header: 'Quantité nette', aliases: ['contenance', 'poids net', 'net quantity'], required: false },
	{ key: 'netUnit', header: 'Unité nette', aliases: ['net unit'], required: false },
	{ key: 'allergens', header: 'Allergènes', aliases: ['allergens'], required: false },
	{ key: 'labels', header: 'Labels', aliases: ['label', 'labels'], required: false },
	{ key: 'ingredients', header: 'Ingrédients', aliases: ['ingredients'], required: false },
	{ key: 'storage', header: 'Conservation', aliases: ['storage', 'storage notes'], required: false },
	{ key: 'origin', header: 'Origine', aliases: ['provenance', 'origin'], required: false },
	{ key: 'ean', header: 'EAN', aliases: ['code barre', 'code barres', 'gencod', 'ean13', 'barcode'], required: false },
	{ key: 'description', header: 'Description', aliases: ['description'], required: false }
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];

const norm = (header: string) => slugify(header.replace(/\(.*?\)/g, ' ').replace(/[€%]/g, ' ')).replace(/-/g, ' ');

const BY_NAME = new Map<string, ColumnKey>();
for (const c of COLUMNS) {
	BY_NAME.set(norm(c.header), c.key);
	BY_NAME.set(c.key.toLowerCase(), c.key);
	for (const a of c.aliases) BY_NAME.set(norm(a), c.key);
}

/** The column a header names, or null when it is not one of ours. */
export function columnOf(header: string): ColumnKey | null {
	return BY_NAME.get(norm(header)) ?? BY_NAME.get(header.trim().toLowerCase()) ?? null;
}

export function headerOf(key: ColumnKey): string {
	return COLUMNS.find((c) => c.key === key)!.header;
}
