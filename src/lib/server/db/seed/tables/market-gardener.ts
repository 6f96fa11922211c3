import type { ProductRow } from './types.ts';

const FARM = 'Les Jardins de la Varenne, Saint-Aubin-sur-Loire — récolté le matin';
const VEG = 'Dans le bac à légumes du réfrigérateur, 5 jours.';
const LABELS: ProductRow['labels'] = ['ab', 'nature_progres'];

/** Les Jardins de la Varenne: the market gardener's own harvest, sold at the farm. */
const harvest: ProductRow[] = [
	{
		name: 'Botte de carottes nouvelles',
		kind: 'carrot',
		unit: 'bunch',
		vat: 550,
		description: 'Carottes primeur avec leurs fanes, à croquer crues ou à glacer au beurre.',
		labels: LABELS,
		months: [5, 6, 7, 8, 9, 10],
		variants: [['La botte (environ 800 g)', 290, 0.8, 'kg']]
	},
	{
		name: 'Radis roses',
		kind: 'vegetable',
		unit: 'bunch',
		vat: 550,
		description: 'Radis de 18 jours croquants et piquants, avec beurre et fleur de sel.',
		labels: LABELS,
		months: [3, 4, 5, 6, 9, 10],
		variants: [['La botte', 180]]
	},
	{
		name: 'Mesclun de jeunes pousses',
		kind: 'salad',
		unit: 'box',
		vat: 550,
		description: 'Roquette, mizuna, feuilles de chêne, moutarde rouge et fleurs comestibles.',
		labels: LABELS,
		months: [4, 5, 6, 7, 8, 9, 10],
		storage: 'Au réfrigérateur, 3 jours.',
		variants: [['Sachet de 150 g', 330, 0.15, 'kg']]
	},
	{
		name: 'Laitue feuille de chêne',
		kind: 'salad',
		unit: 'piece',
		vat: 550,
		description: 'Rouge ou blonde, tendre et douce.',
		labels: LABELS,
		months: [4, 5, 6, 7, 8, 9, 10],
		variants: [['La pièce', 140]]
	},
	{
		name: 'Tomates cœur de bœuf',
		kind: 'tomato',
		unit: 'kg',
		vat: 550,
		description: 'Grosses tomates charnues, peu de pépins, cultivées sous abri froid sans chauffage.',
		labels: LABELS,
		months: [7, 8, 9, 10],
		storage: 'À température ambiante.',
		variants: [['Au kilo', 550, 1, 'kg']]
	},
	{
		name: 'Concombres',
		kind: 'vegetable',
		unit: 'piece',
		vat: 550,
		description: 'Concombres lisses et croquants, sans amertume.',
		labels: LABELS,
		months: [6, 7, 8, 9],
		variants: [['La pièce', 150]]
	},
	{
		name: 'Haricots verts extra-fins',
		kind: 'vegetable',
		unit: 'kg',
		vat: 550,
		description: 'Cueillis à la main tous les deux jours, sans fil.',
		labels: LABELS,
		months: [7, 8, 9],
		variants: [
			['Barquette de 500 g', 450, 0.5, 'kg'],
			['Au kilo', 850, 1, 'kg']
		]
	},
	{
		name: 'Courgettes rondes de Nice',
		kind: 'squash',
		unit: 'kg',
		vat: 550,
		description: 'Parfaites à farcir, chair fine et fondante.',
		labels: LABELS,
		months: [6, 7, 8, 9],
		variants: [['Au kilo', 320, 1, 'kg']]
	},
	{
		name: 'Aubergines',
		kind: 'vegetable',
		unit: 'kg',
		vat: 550,
		description: 'Aubergines violettes et zébrées, pour la ratatouille et le caviar d’aubergine.',
		labels: LABELS,
		months: [7, 8, 9],
		variants: [['Au kilo', 420, 1, 'kg']]
	},
	{
		name: 'Poivrons',
		kind: 'vegetable',
		unit: 'kg',
		vat: 550,
		description: 'Rouges, jaunes ou verts, récoltés à pleine maturité.',
		labels: LABELS,
		months: [7, 8, 9, 10],
		variants: [['Au kilo', 590, 1, 'kg']]
	},
	{
		name: 'Fraises mara des bois',
		kind: 'strawberry',
		unit: 'box',
		vat: 550,
		description: 'Le parfum de la fraise des bois et la générosité d’une fraise de jardin.',
		labels: LABELS,
		months: [5, 6, 7, 8, 9],
		storage: 'Au frais, 2 jours.',
		variants: [['Barquette de 250 g', 490, 0.25, 'kg']]
	},
	{
		name: 'Framboises',
		kind: 'strawberry',
		unit: 'box',
		vat: 550,
		description: 'Framboises remontantes cueillies le matin, fragiles : à manger le jour même.',
		labels: LABELS,
		months: [6, 7, 8, 9],
		storage: 'Au frais, 1 jour.',
		variants: [['Barquette de 125 g', 390, 0.125, 'kg']]
	},
	{
		name: 'Pommes de terre nouvelles',
		kind: 'potato',
		unit: 'kg',
		vat: 550,
		description: 'Peau fine qui part sous le doigt, à cuire à la vapeur avec leur peau.',
		labels: LABELS,
		months: [5, 6, 7],
		storage: 'Au frais et dans le noir, 1 semaine.',
		variants: [['Au kilo', 290, 1, 'kg']]
	},
	{
		name: 'Betteraves crues',
		kind: 'vegetable',
		unit: 'bunch',
		vat: 550,
		description: 'Rouges, jaunes et chioggia, à râper crues ou à rôtir au four.',
		labels: LABELS,
		months: [6, 7, 8, 9, 10, 11],
		variants: [['La botte (environ 1 kg)', 320, 1, 'kg']]
	},
	{
		name: 'Chou kale',
		kind: 'salad',
		unit: 'piece',
		vat: 550,
		description: 'Chou frisé d’hiver, en chips au four ou en salade massée.',
		labels: LABELS,
		months: [10, 11, 12, 1, 2, 3],
		variants: [['Le bouquet (300 g)', 290, 0.3, 'kg']]
	},
	{
		name: 'Panais',
		kind: 'carrot',
		unit: 'kg',
		vat: 550,
		description: 'Un légume oublié au goût sucré et anisé, en purée ou en frites.',
		labels: LABELS,
		months: [10, 11, 12, 1, 2, 3],
		variants: [['Au kilo', 390, 1, 'kg']]
	},
	{
		name: 'Poireaux de la Varenne',
		kind: 'leek',
		unit: 'bunch',
		vat: 550,
		description: 'Poireaux d’hiver rustiques, butés pour un long fût blanc.',
		labels: LABELS,
		months: [10, 11, 12, 1, 2, 3],
		variants: [['La botte (environ 1 kg)', 350, 1, 'kg']]
	},
	{
		name: 'Potimarrons de la Varenne',
		kind: 'squash',
		unit: 'piece',
		vat: 550,
		description: 'Courge à la peau fine et au goût de châtaigne, se garde tout l’hiver.',
		labels: LABELS,
		months: [9, 10, 11, 12, 1, 2],
		storage: 'Dans un endroit sec et tempéré, plusieurs mois.',
		variants: [['La pièce (environ 1,2 kg)', 350, 1.2, 'kg']]
	},
	{
		name: 'Oignons jaunes',
		kind: 'vegetable',
		unit: 'kg',
		vat: 550,
		description: 'Séchés au soleil sur la ferme, ils se gardent jusqu’au printemps.',
		labels: LABELS,
		storage: 'Au sec, dans un endroit aéré.',
		variants: [['Au kilo', 280, 1, 'kg']]
	},
	{
		name: 'Ail rose',
		kind: 'vegetable',
		unit: 'piece',
		vat: 550,
		description: 'Têtes d’ail tressées à la ferme, doux et parfumé.',
		labels: LABELS,
		months: [7, 8, 9, 10, 11, 12, 1, 2],
		storage: 'Au sec, suspendu.',
		variants: [['Tresse de 10 têtes', 990]]
	},
	{
		name: 'Bouquet d’herbes aromatiques',
		kind: 'salad',
		unit: 'bunch',
		vat: 550,
		description: 'Persil plat, coriandre, ciboulette ou aneth, selon la récolte du jour.',
		labels: LABELS,
		months: [4, 5, 6, 7, 8, 9, 10],
		storage: 'Dans un verre d’eau au réfrigérateur.',
		variants: [['La botte', 150]]
	},
	{
		name: 'Épinards',
		kind: 'salad',
		unit: 'kg',
		vat: 550,
		description: 'Jeunes feuilles tendres, en salade ou tombées au beurre.',
		labels: LABELS,
		months: [3, 4, 5, 9, 10, 11],
		variants: [['Sachet de 500 g', 390, 0.5, 'kg']]
	},
	{
		name: 'Panier de la semaine',
		kind: 'vegetable',
		unit: 'box',
		vat: 550,
		description: 'L’abonnement de la ferme : 6 à 8 légumes de saison, récoltés le jour de la distribution.',
		labels: LABELS,
		stock: { onOrderDays: 2 },
		variants: [
			['Petit panier (2 personnes)', 1400],
			['Grand panier (4 personnes)', 2200]
		]
	},
	{
		name: 'Plants de tomates',
		kind: 'plant',
		unit: 'piece',
		vat: 1000,
		category: 'fleurs-plantes',
		description: 'Quinze variétés anciennes élevées en godets, à planter après les saints de glace.',
		labels: LABELS,
		months: [4, 5],
		storage: 'Au soleil, arroser régulièrement.',
		variants: [
			['Le godet', 290],
			['Les 6 godets', 1500]
		]
	}
];

/** The farm is the producer of all of it (set by the shop); each row may say more. */
export const marketGardenerProducts: ProductRow[] = harvest.map((product) => ({ origin: FARM, storage: VEG, ...product }));
