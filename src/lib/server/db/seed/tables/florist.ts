import type { ProductRow } from './types.ts';

const CUT = 'Recouper les tiges en biais et changer l’eau tous les deux jours, loin des fruits.';
const POT = 'Arroser quand la terre est sèche en surface ; lumière sans soleil direct.';

/** L'Atelier des Pivoines: seasonal French flowers, plants and custom work. */
export const floristProducts: ProductRow[] = [
	{
		name: 'Bouquet de saison',
		kind: 'flowers',
		unit: 'piece',
		vat: 1000,
		description: 'Composé le jour même avec les fleurs françaises de la semaine, dans un papier kraft.',
		origin: 'Fleurs cultivées en France (Val de Loire et Var)',
		storage: CUT,
		variants: [
			['Petit', 2500],
			['Moyen', 3500],
			['Généreux', 5000]
		]
	},
	{
		name: 'Bouquet champêtre',
		kind: 'flowers',
		unit: 'piece',
		vat: 1000,
		description: 'Des fleurs comme cueillies dans un jardin : cosmos, scabieuses, graminées et feuillages.',
		origin: 'Fleurs de Touraine',
		months: [5, 6, 7, 8, 9],
		storage: CUT,
		variants: [
			['Moyen', 3200],
			['Grand', 4500]
		]
	},
	{
		name: 'Pivoines',
		kind: 'flowers',
		unit: 'bunch',
		vat: 1000,
		description: 'Pivoines Sarah Bernhardt rose poudré, en boutons qui s’ouvrent en trois jours.',
		origin: 'Horticulteur du Var (France)',
		months: [5, 6],
		storage: CUT,
		variants: [
			['Botte de 5 tiges', 1800],
			['Botte de 10 tiges', 3200]
		]
	},
	{
		name: 'Tulipes',
		kind: 'flowers',
		unit: 'bunch',
		vat: 1000,
		description: 'Tulipes françaises de couleurs variées, à tiges longues.',
		origin: 'Horticulteur du Val de Loire',
		months: [1, 2, 3, 4],
		storage: CUT,
		variants: [['Botte de 10 tiges', 1200]]
	},
	{
		name: 'Renoncules',
		kind: 'flowers',
		unit: 'bunch',
		vat: 1000,
		description: 'Des fleurs aux mille pétales, blanches, corail ou bordeaux.',
		origin: 'Horticulteur du Var (France)',
		months: [2, 3, 4, 5],
		storage: CUT,
		variants: [['Botte de 10 tiges', 1600]]
	},
	{
		name: 'Brins de muguet',
		kind: 'flowers',
		unit: 'piece',
		vat: 1000,
		description: 'Le muguet porte-bonheur du 1er mai, cultivé dans la région nantaise.',
		origin: 'Pays nantais (France)',
		months: [4, 5],
		storage: 'Au frais, dans un petit vase.',
		variants: [
			['Brin', 250],
			['Bouquet de 5 brins', 1100]
		]
	},
	{
		name: 'Dahlias',
		kind: 'flowers',
		unit: 'bunch',
		vat: 1000,
		description: 'Dahlias pompons et cactus du jardin de l’atelier, aux couleurs d’automne.',
		origin: 'Cultivés à Saint-Aubin-sur-Loire',
		months: [8, 9, 10],
		storage: CUT,
		variants: [['Botte de 7 tiges', 1500]]
	},
	{
		name: 'Roses de France',
		kind: 'flowers',
		unit: 'bunch',
		vat: 1000,
		description: 'Roses parfumées cultivées en pleine terre en Anjou, loin des roses d’avion.',
		origin: 'Roseraie de Doué-la-Fontaine (Maine-et-Loire)',
		months: [5, 6, 7, 8, 9, 10],
		storage: CUT,
		variants: [
			['Botte de 7 roses', 2100],
			['Botte de 12 roses', 3400]
		]
	},
	{
		name: 'Orchidée phalaenopsis',
		kind: 'plant',
		unit: 'piece',
		vat: 1000,
		description: 'Deux hampes fleuries qui durent deux mois ; livrée dans un cache-pot en céramique.',
		origin: 'Horticulteur du Val de Loire',
		storage: 'Arroser une fois par semaine par trempage ; lumière sans soleil direct.',
		variants: [['La plante', 2900]]
	},
	{
		name: 'Olivier en pot',
		kind: 'plant',
		unit: 'piece',
		vat: 1000,
		description: 'Jeune olivier d’un mètre, rustique jusqu’à −10 °C, pour le balcon ou la terrasse.',
		origin: 'Pépinière du Var (France)',
		storage: 'Soleil, arrosage modéré, rentrer par grand froid.',
		variants: [['Pot de 10 l', 3900]]
	},
	{
		name: 'Plantes aromatiques',
		kind: 'plant',
		unit: 'piece',
		vat: 1000,
		description: 'Basilic, thym, romarin, menthe, ciboulette ou persil, en godets de producteur.',
		labels: ['ab'],
		origin: 'Horticulteur bio de Touraine',
		months: [4, 5, 6, 7, 8, 9],
		storage: POT,
		variants: [
			['Un godet', 350],
			['Les 4 godets', 1200]
		]
	},
	{
		name: 'Cyclamen',
		kind: 'plant',
		unit: 'piece',
		vat: 1000,
		description: 'Les fleurs de l’hiver, pour le rebord de fenêtre ou la jardinière.',
		origin: 'Horticulteur du Val de Loire',
		months: [10, 11, 12, 1, 2],
		storage: POT,
		variants: [['Pot de 12 cm', 690]]
	},
	{
		name: 'Sapin de Noël Nordmann',
		kind: 'plant',
		unit: 'piece',
		vat: 1000,
		description: 'Sapin français qui ne perd pas ses aiguilles, livré avec sa bûche.',
		origin: 'Morvan (France)',
		months: [12],
		stock: { onOrderDays: 2 },
		storage: 'Dehors jusqu’au dernier moment, loin des radiateurs.',
		variants: [
			['125–150 cm', 3900],
			['150–175 cm', 4900],
			['175–200 cm', 5900]
		]
	},
	{
		name: 'Couronne de l’Avent',
		kind: 'flowers',
		unit: 'piece',
		vat: 1000,
		description: 'Sapin, houx, pommes de pin et quatre bougies, faite à la main à l’atelier.',
		months: [11, 12],
		stock: { onOrderDays: 3 },
		storage: 'Au frais, vaporiser un peu d’eau chaque semaine.',
		variants: [['Diamètre 30 cm', 4500]]
	},
	{
		name: 'Bouquet de mariée',
		kind: 'flowers',
		unit: 'piece',
		vat: 1000,
		description: 'Composé sur mesure après un rendez-vous à l’atelier, avec boutonnière assortie.',
		stock: { onOrderDays: 14 },
		storage: CUT,
		variants: [['Sur devis, à partir de', 12000]]
	},
	{
		name: 'Composition de deuil',
		kind: 'flowers',
		unit: 'piece',
		vat: 1000,
		description: 'Gerbe ou coussin de fleurs blanches et vertes, livré au funérarium ou à l’église.',
		stock: { onOrderDays: 1 },
		storage: CUT,
		variants: [
			['Gerbe', 8000],
			['Coussin', 11000]
		]
	},
	{
		name: 'Vase en grès de Touraine',
		kind: 'plant',
		unit: 'piece',
		vat: 2000,
		description: 'Vase tourné à la main par une potière de Vallères, émail vert céladon.',
		origin: 'Atelier de poterie de Vallères-le-Haut',
		variants: [
			['Petit (15 cm)', 2800],
			['Grand (25 cm)', 4500]
		]
	},
	{
		name: 'Abonnement floral',
		kind: 'flowers',
		unit: 'piece',
		vat: 1000,
		description: 'Un bouquet de saison chaque semaine pendant un mois, à retirer le samedi.',
		stock: 'unlimited',
		storage: CUT,
		variants: [['4 bouquets', 9000]]
	}
];
