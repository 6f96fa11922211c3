import type { ProductRow } from './types.ts';

/** Librairie Le Chat qui Lit: an independent bookshop; books at the fixed price set by the publisher. */
export const bookshopProducts: ProductRow[] = [
	{
		name: 'Le Lys dans la vallée',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description: 'Honoré de Balzac. Le grand roman tourangeau de Balzac, entre Saché et les bords de l’Indre. Poche, 420 pages.',
		variants: [['Poche', 590]]
	},
	{
		name: 'Gargantua',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description:
			'François Rabelais. Les guerres picrocholines se déroulent autour de Chinon : une édition bilingue en français moderne. Poche, 512 pages.',
		variants: [['Poche', 790]]
	},
	{
		name: 'Les Amours',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description: 'Pierre de Ronsard. « Mignonne, allons voir si la rose… » : les sonnets du prieur de Saint-Cosme. Poche, 380 pages.',
		variants: [['Poche', 650]]
	},
	{
		name: 'Le Tour du monde en quatre-vingts jours',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description: 'Jules Verne, l’enfant de Nantes, avec les illustrations de l’édition Hetzel. Dès 10 ans. Relié, 320 pages.',
		variants: [
			['Poche', 490],
			['Édition illustrée reliée', 2490]
		]
	},
	{
		name: 'Contes du jour et de la nuit',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description: 'Guy de Maupassant. Vingt et un contes, cruels ou tendres, d’un maître de la nouvelle. Poche, 224 pages.',
		variants: [['Poche', 450]]
	},
	{
		name: 'Les Bateliers de la Loire',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description:
			'Jeanne Berthelot. L’histoire des mariniers, des toues et des gabares qui faisaient vivre le fleuve jusqu’au XIXe siècle. Éditions de la Toue, 256 pages illustrées.',
		variants: [['Broché', 2900]]
	},
	{
		name: 'Balades à vélo en Touraine',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description:
			'Collectif. Trente itinéraires le long de la Loire à vélo, du Cher et de l’Indre, avec cartes et bonnes adresses. Guide, 192 pages.',
		variants: [['Broché', 1590]]
	},
	{
		name: 'La Cuisine des bords de Loire',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description:
			'Marie-Paule Lenoir. Rillettes, fouées, sandre au beurre blanc et tarte Tatin : 80 recettes de grands-mères tourangelles. Relié, 224 pages.',
		variants: [['Relié', 2500]]
	},
	{
		name: 'Le Silence des coteaux',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description: 'Thomas Aubrac. Un polar vigneron : un corps retrouvé dans une cave de tuffeau la veille des vendanges. Roman, 368 pages.',
		variants: [['Grand format', 2100]]
	},
	{
		name: 'Ce que disent les rivières',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description:
			'Lina Moreau-Diallo. Trois générations de femmes et une maison au bord de l’eau : le coup de cœur de la librairie. Roman, 304 pages.',
		variants: [
			['Grand format', 2200],
			['Poche', 890]
		]
	},
	{
		name: 'L’Herbier des chemins',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description:
			'Claire Vannier. Reconnaître 150 plantes sauvages au fil des promenades, avec des aquarelles de l’autrice. Relié, 240 pages.',
		variants: [['Relié', 2900]]
	},
	{
		name: 'Potager sur sol vivant',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description:
			'Lucas Fontaine. Le maraîcher des Jardins de la Varenne raconte sa méthode : planches permanentes, paillage, semences. Broché, 208 pages.',
		variants: [['Broché', 2400]]
	},
	{
		name: 'Petit Ours va au marché',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description: 'Anna Lebrun. Un album tout carton pour découvrir les fruits, les légumes et les commerçants. Dès 2 ans, 24 pages.',
		variants: [['Album cartonné', 1150]]
	},
	{
		name: 'Le Mystère du château de la Loire',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description: 'Hugo Pasquier. Une enquête dans un château de la Renaissance pour les lecteurs de 8 à 12 ans. Roman jeunesse, 160 pages.',
		variants: [['Broché', 1290]]
	},
	{
		name: 'Les Abeilles et nous',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description:
			'Élodie Marchais. L’apicultrice du Rucher des Coteaux explique la vie d’une ruche, saison par saison. Documentaire jeunesse dès 7 ans, 64 pages.',
		variants: [['Relié', 1490]]
	},
	{
		name: 'Bande dessinée « Les Gabariers », tome 1',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description: 'Scénario de Paul Rivière, dessin de Mila Santos. L’aventure d’un jeune marinier sur la Loire de 1830. 64 pages couleur.',
		variants: [['Album', 1595]]
	},
	{
		name: 'Carte de la Loire à vélo',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description: 'Carte au 1/100 000 de l’itinéraire de Blois à Angers, indéchirable.',
		variants: [['Carte', 990]]
	},
	{
		name: 'Carnet de notes en papier recyclé',
		kind: 'book',
		unit: 'piece',
		vat: 2000,
		description: 'Carnet A5 ligné, couverture illustrée aux couleurs de la Loire, fabriqué en France.',
		variants: [
			['A6', 690],
			['A5', 990]
		]
	},
	{
		name: 'Cartes postales de Saint-Aubin',
		kind: 'book',
		unit: 'piece',
		vat: 2000,
		description: 'Six illustrations du bourg, du marché et des bords de Loire par un artiste local.',
		variants: [
			['À l’unité', 150],
			['Lot de 6', 750]
		]
	},
	{
		name: 'Le Grand Atlas des oiseaux de Loire',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description:
			'Ligue pour la protection des oiseaux. 220 espèces observées le long du fleuve, avec leurs chants en QR code. Relié, 320 pages.',
		stock: { onOrderDays: 3 },
		variants: [['Relié', 3900]]
	},
	{
		name: 'Dictionnaire amoureux de la Loire',
		kind: 'book',
		unit: 'piece',
		vat: 550,
		description:
			'Collectif. Du mont Gerbier-de-Jonc à Saint-Nazaire, les mots, les lieux et les gens du dernier fleuve sauvage. 680 pages.',
		stock: { onOrderDays: 3 },
		variants: [['Broché', 2700]]
	},
	{
		name: 'Marque-page brodé',
		kind: 'book',
		unit: 'piece',
		vat: 2000,
		description: 'Brodé à la main par l’atelier de couture de Saint-Aubin, motifs de fleurs de Loire.',
		variants: [['À l’unité', 590]]
	}
];
