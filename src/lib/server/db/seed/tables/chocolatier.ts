import type { ProductRow } from './types.ts';

const CHOCOLATE = 'Entre 15 et 18 °C, au sec et à l’abri des odeurs.';

/** Chocolaterie La Fève d'Or: a new shop, waiting for the operator's approval. */
export const chocolatierProducts: ProductRow[] = [
	{
		name: 'Ballotin de chocolats assortis',
		kind: 'chocolate',
		unit: 'box',
		vat: 2000,
		description: 'Ganaches, pralinés et caramels, noirs et lait, faits main à l’atelier.',
		ingredients: 'Chocolat noir et au lait, crème, beurre, sucre, noisettes, amandes, miel.',
		allergens: ['milk', 'nuts', 'soybeans'],
		storage: CHOCOLATE,
		variants: [
			['250 g', 1990, 0.25, 'kg'],
			['500 g', 3790, 0.5, 'kg']
		]
	},
	{
		name: 'Tablette noire 70 % Pérou',
		kind: 'chocolate',
		unit: 'piece',
		vat: 550,
		description: 'Un grand cru aux notes de fruits rouges, travaillé de la fève à la tablette.',
		ingredients: 'Fèves de cacao, sucre de canne, beurre de cacao.',
		labels: ['ab'],
		origin: 'Cacao du Pérou',
		storage: CHOCOLATE,
		variants: [['Tablette de 80 g', 650, 0.08, 'kg']]
	},
	{
		name: 'Tablette lait caramel',
		kind: 'chocolate',
		unit: 'piece',
		vat: 2000,
		description: 'Chocolat au lait 40 % et éclats de caramel au beurre salé.',
		ingredients: 'Sucre, beurre de cacao, lait entier en poudre, pâte de cacao, caramel (sucre, beurre, sel).',
		allergens: ['milk'],
		storage: CHOCOLATE,
		variants: [['Tablette de 80 g', 650, 0.08, 'kg']]
	},
	{
		name: 'Pavés de Loire',
		kind: 'chocolate',
		unit: 'box',
		vat: 2000,
		description: 'La spécialité de la maison : praliné noisette et nougatine enrobés de chocolat noir, comme des galets du fleuve.',
		ingredients: 'Chocolat noir, noisettes, sucre, amandes, beurre.',
		allergens: ['nuts', 'milk', 'soybeans'],
		storage: CHOCOLATE,
		variants: [['Boîte de 200 g', 1650, 0.2, 'kg']]
	},
	{
		name: 'Orangettes',
		kind: 'chocolate',
		unit: 'box',
		vat: 2000,
		description: 'Écorces d’orange confites maison enrobées de chocolat noir 66 %.',
		ingredients: 'Écorces d’orange, sucre, chocolat noir.',
		allergens: ['soybeans'],
		storage: CHOCOLATE,
		variants: [['Sachet de 150 g', 1200, 0.15, 'kg']]
	},
	{
		name: 'Mendiants',
		kind: 'chocolate',
		unit: 'box',
		vat: 2000,
		description: 'Palets de chocolat noir et lait garnis d’amandes, noisettes, pistaches et raisins.',
		ingredients: 'Chocolat noir et au lait, amandes, noisettes, pistaches, raisins secs.',
		allergens: ['milk', 'nuts', 'soybeans'],
		storage: CHOCOLATE,
		variants: [['Sachet de 150 g', 1100, 0.15, 'kg']]
	},
	{
		name: 'Pâte à tartiner noisette',
		kind: 'jar',
		unit: 'piece',
		vat: 2000,
		description: '50 % de noisettes du Piémont, chocolat au lait, sans huile de palme.',
		ingredients: 'Noisettes (50 %), sucre, chocolat au lait, beurre de cacao.',
		allergens: ['nuts', 'milk'],
		storage: CHOCOLATE,
		variants: [['Pot de 220 g', 990, 0.22, 'kg']]
	},
	{
		name: 'Chocolat chaud à l’ancienne',
		kind: 'coffee',
		unit: 'piece',
		vat: 550,
		description: 'Copeaux de chocolat noir à fondre dans du lait chaud, épais comme à Bayonne.',
		ingredients: 'Chocolat noir 64 % (pâte de cacao, sucre, beurre de cacao), cannelle.',
		storage: CHOCOLATE,
		variants: [['Sachet de 250 g', 890, 0.25, 'kg']]
	},
	{
		name: 'Œufs de Pâques garnis',
		kind: 'eggs',
		unit: 'piece',
		vat: 2000,
		description: 'Œuf en chocolat noir ou lait, décoré à la main et garni de petites fritures.',
		ingredients: 'Chocolat noir ou au lait, sucre, décors en sucre.',
		allergens: ['milk', 'soybeans'],
		months: [3, 4],
		stock: { onOrderDays: 3 },
		storage: CHOCOLATE,
		variants: [
			['Petit (150 g)', 1500, 0.15, 'kg'],
			['Grand (350 g)', 3200, 0.35, 'kg']
		]
	},
	{
		name: 'Truffes au chocolat',
		kind: 'chocolate',
		unit: 'box',
		vat: 2000,
		description: 'Ganache fondante roulée dans le cacao, pour les fêtes de fin d’année.',
		ingredients: 'Chocolat noir, crème, beurre, cacao en poudre.',
		allergens: ['milk', 'soybeans'],
		months: [11, 12, 1],
		storage: 'Au frais, 3 semaines.',
		variants: [['Boîte de 200 g', 1590, 0.2, 'kg']]
	}
];
