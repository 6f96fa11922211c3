import type { ProductRow } from './types.ts';

const MEAT = 'Entre 0 et 4 °C ; à consommer dans les 3 jours.';
const CHARCUTERIE = 'Entre 0 et 4 °C ; à consommer dans la semaine.';
const BEEF_ORIGIN = 'Né, élevé et abattu en France — GAEC des Trois Chênes (Indre-et-Loire)';
const PORK_ORIGIN = 'Porc né, élevé et abattu en France — GAEC des Trois Chênes';

/** Boucherie-Charcuterie Marchand: beef and pork from the GAEC des Trois Chênes. */
export const butcherProducts: ProductRow[] = [
	{
		name: 'Entrecôte de bœuf maturée',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Viande bovine (Rouge des Prés), maturée 21 jours sur l’os.',
		description: 'Entrecôte de Rouge des Prés maturée trois semaines, persillée et fondante.',
		producer: 'gaec-des-trois-chenes',
		origin: BEEF_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo (pièce d’environ 350 g)', 3890, 1, 'kg']]
	},
	{
		name: 'Faux-filet de bœuf',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: '100 % viande bovine.',
		description: 'Un morceau tendre à griller ou à rôtir, taillé à l’épaisseur souhaitée.',
		producer: 'gaec-des-trois-chenes',
		origin: BEEF_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo', 3490, 1, 'kg']]
	},
	{
		name: 'Bavette d’aloyau',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Viande bovine (bavette d’aloyau).',
		description: 'Le morceau du boucher, goûteux, à saisir vivement et servir avec des échalotes.',
		producer: 'gaec-des-trois-chenes',
		origin: BEEF_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo', 2690, 1, 'kg']]
	},
	{
		name: 'Rôti de bœuf dans le filet',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Filet de bœuf, barde de lard de porc.',
		description: 'Rôti ficelé et bardé, pour un repas du dimanche ; comptez 150 g par personne.',
		producer: 'gaec-des-trois-chenes',
		origin: BEEF_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo', 4290, 1, 'kg']]
	},
	{
		name: 'Steaks hachés pur bœuf',
		kind: 'meat',
		unit: 'box',
		vat: 550,
		ingredients: 'Viande bovine hachée (15 % de matières grasses).',
		description: 'Hachés à la commande dans le paleron, 15 % de matières grasses.',
		producer: 'gaec-des-trois-chenes',
		origin: BEEF_ORIGIN,
		storage: 'Entre 0 et 4 °C ; à consommer dans les 24 heures.',
		variants: [
			['2 × 125 g', 590, 0.25, 'kg'],
			['4 × 125 g', 1150, 0.5, 'kg']
		]
	},
	{
		name: 'Bœuf bourguignon',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Viande bovine (paleron, macreuse et joue) en morceaux.',
		description: 'Paleron et joue coupés en cubes, prêts à mijoter trois heures dans un vin de Chinon.',
		producer: 'gaec-des-trois-chenes',
		origin: BEEF_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo', 1890, 1, 'kg']]
	},
	{
		name: 'Pot-au-feu (plat de côtes, jarret, os à moelle)',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Viande bovine (plat de côtes, jarret), os à moelle.',
		description: 'L’assortiment complet pour un pot-au-feu d’hiver, avec les os à moelle.',
		producer: 'gaec-des-trois-chenes',
		origin: BEEF_ORIGIN,
		months: [10, 11, 12, 1, 2, 3],
		storage: MEAT,
		variants: [['Au kilo', 1490, 1, 'kg']]
	},
	{
		name: 'Côte de veau',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Viande de veau élevé sous la mère.',
		description: 'Veau de lait élevé sous la mère, chair rosée et délicate.',
		labels: ['label_rouge'],
		origin: 'Veau né, élevé et abattu en France (Limousin)',
		storage: MEAT,
		variants: [['Au kilo', 3690, 1, 'kg']]
	},
	{
		name: 'Blanquette de veau',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Viande de veau (épaule, tendron et collier) en morceaux.',
		description: 'Tendron, flanchet et épaule, pour une blanquette à l’ancienne.',
		labels: ['label_rouge'],
		origin: 'Veau né, élevé et abattu en France (Limousin)',
		storage: MEAT,
		variants: [['Au kilo', 2290, 1, 'kg']]
	},
	{
		name: 'Gigot d’agneau',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Gigot d’agneau avec os (100 % viande ovine).',
		description: 'Agneau du Poitou, gigot entier raccourci ou tranché en gigot-steaks.',
		labels: ['igp'],
		origin: 'Agneau du Poitou-Charentes IGP',
		months: [3, 4, 5, 6],
		storage: MEAT,
		variants: [['Au kilo', 2990, 1, 'kg']]
	},
	{
		name: 'Côtelettes d’agneau',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Viande ovine (carré découvert et côtes filet).',
		description: 'Côtes premières et filet, à griller au barbecue avec du thym.',
		labels: ['igp'],
		origin: 'Agneau du Poitou-Charentes IGP',
		storage: MEAT,
		variants: [['Au kilo', 3290, 1, 'kg']]
	},
	{
		name: 'Rôti de porc dans l’échine',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Viande de porc (échine désossée), ficelée.',
		description: 'Porc plein air, rôti moelleux grâce au persillé de l’échine.',
		producer: 'gaec-des-trois-chenes',
		origin: PORK_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo', 1490, 1, 'kg']]
	},
	{
		name: 'Côtes de porc',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		ingredients: 'Viande de porc (côtes premières et côtes filet).',
		description: 'Côtes premières de porc plein air, épaisses et juteuses.',
		producer: 'gaec-des-trois-chenes',
		origin: PORK_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo', 1390, 1, 'kg']]
	},
	{
		name: 'Saucisses de Toulouse',
		kind: 'sausage',
		unit: 'kg',
		vat: 550,
		description: 'Pur porc, hachage gros, assaisonnées au sel et au poivre seulement.',
		ingredients: 'Viande de porc, boyau naturel de porc, sel, poivre.',
		producer: 'gaec-des-trois-chenes',
		origin: PORK_ORIGIN,
		storage: MEAT,
		variants: [['Au kilo', 1590, 1, 'kg']]
	},
	{
		name: 'Chipolatas aux herbes',
		kind: 'sausage',
		unit: 'box',
		vat: 550,
		description: 'Fines saucisses au persil et à la ciboulette, pour les grillades d’été.',
		ingredients: 'Viande de porc, herbes fraîches, boyau naturel de mouton, sel, poivre.',
		producer: 'gaec-des-trois-chenes',
		origin: PORK_ORIGIN,
		months: [5, 6, 7, 8, 9],
		storage: MEAT,
		variants: [
			['Les 6 (environ 360 g)', 650, 0.36, 'kg'],
			['Les 12 (environ 720 g)', 1250, 0.72, 'kg']
		]
	},
	{
		name: 'Merguez maison',
		kind: 'sausage',
		unit: 'box',
		vat: 550,
		origin: 'Bœuf et agneau nés, élevés et abattus en France',
		description: 'Bœuf et agneau, harissa douce et cumin, préparées chaque vendredi.',
		ingredients: 'Viande de bœuf, viande d’agneau, épices, ail, boyau naturel de mouton, sel.',
		storage: MEAT,
		months: [5, 6, 7, 8, 9],
		variants: [['Les 6 (environ 400 g)', 720, 0.4, 'kg']]
	},
	{
		name: 'Rillettes de Tours',
		kind: 'jar',
		unit: 'piece',
		vat: 550,
		description: 'Cuites huit heures en chaudron, effilochées à la main : la fierté de la maison, médaillée au concours de Tours.',
		ingredients: 'Viande de porc, gras de porc, sel, poivre, vin de Vouvray.',
		allergens: ['sulphites'],
		labels: ['igp'],
		producer: 'gaec-des-trois-chenes',
		origin: PORK_ORIGIN,
		storage: CHARCUTERIE,
		variants: [
			['Pot de 200 g', 490, 0.2, 'kg'],
			['Pot de 500 g', 1150, 0.5, 'kg']
		]
	},
	{
		name: 'Rillons',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		description: 'Gros morceaux de poitrine confits et caramélisés, à déguster chauds ou froids.',
		ingredients: 'Poitrine de porc, saindoux, sel, poivre.',
		producer: 'gaec-des-trois-chenes',
		origin: PORK_ORIGIN,
		storage: CHARCUTERIE,
		variants: [['Au kilo', 2490, 1, 'kg']]
	},
	{
		name: 'Pâté de campagne',
		kind: 'terrine',
		unit: 'kg',
		vat: 550,
		origin: PORK_ORIGIN,
		description: 'Terrine rustique au foie de porc, au cognac et au poivre vert.',
		ingredients: 'Gorge et foie de porc, œufs, oignons, cognac, sel, poivre, épices.',
		allergens: ['eggs'],
		storage: CHARCUTERIE,
		variants: [['Au kilo', 1890, 1, 'kg']]
	},
	{
		name: 'Terrine de canard aux pistaches',
		kind: 'terrine',
		unit: 'kg',
		vat: 550,
		origin: 'Canard élevé et abattu en France (Vendée) ; porc du GAEC des Trois Chênes',
		description: 'Chair de canard, foie de volaille et pistaches, en tranches ou en terrine entière.',
		ingredients: 'Viande de canard, gorge de porc, foie de volaille, pistaches (5 %), œufs, porto, sel, poivre.',
		allergens: ['eggs', 'nuts', 'sulphites'],
		storage: CHARCUTERIE,
		variants: [['Au kilo', 2790, 1, 'kg']]
	},
	{
		name: 'Jambon blanc à l’os',
		kind: 'meat',
		unit: 'kg',
		vat: 550,
		description: 'Cuit au torchon dans notre atelier, sans polyphosphates ; tranché à la demande.',
		ingredients: 'Jambon de porc, sel, bouillon de légumes, sucre, antioxydant : ascorbate de sodium, conservateur : nitrite de sodium.',
		allergens: ['celery'],
		producer: 'gaec-des-trois-chenes',
		origin: PORK_ORIGIN,
		storage: CHARCUTERIE,
		variants: [
			['2 tranches (environ 200 g)', 580, 0.2, 'kg'],
			['4 tranches (environ 400 g)', 1140, 0.4, 'kg']
		]
	},
	{
		name: 'Saucisson sec pur porc',
		kind: 'sausage',
		unit: 'piece',
		vat: 550,
		description: 'Séché quatre semaines dans notre séchoir, à la coupe comme à l’apéritif.',
		ingredients: 'Viande de porc, sel, dextrose, poivre, ail, ferments, boyau naturel.',
		producer: 'gaec-des-trois-chenes',
		origin: PORK_ORIGIN,
		storage: 'Dans un endroit frais et sec, 2 mois.',
		variants: [['La pièce (environ 250 g)', 790, 0.25, 'kg']]
	},
	{
		name: 'Boudin noir aux pommes',
		kind: 'sausage',
		unit: 'kg',
		vat: 550,
		origin: PORK_ORIGIN,
		description: 'Boudin à l’ancienne aux oignons confits et aux pommes des Vergers des Coteaux.',
		ingredients: 'Sang de porc, gras de porc, oignons, pommes (10 %), crème, sel, épices.',
		allergens: ['milk'],
		months: [10, 11, 12, 1, 2],
		storage: MEAT,
		variants: [['Au kilo', 1690, 1, 'kg']]
	},
	{
		name: 'Andouillette de Jargeau',
		kind: 'sausage',
		unit: 'piece',
		vat: 550,
		origin: PORK_ORIGIN,
		description: 'Andouillette tirée à la ficelle, selon la recette des bords de Loire.',
		ingredients: 'Chaudins et estomac de porc, oignons, échalotes, vin blanc, sel, poivre.',
		allergens: ['sulphites'],
		storage: MEAT,
		variants: [['La pièce (environ 180 g)', 490, 0.18, 'kg']]
	},
	{
		name: 'Colis barbecue',
		kind: 'meat',
		unit: 'box',
		vat: 550,
		ingredients:
			'Brochettes de bœuf marinées (viande bovine, huile de tournesol, thym, ail, poivre), chipolatas aux herbes (viande de porc, sel, persil, ciboulette, poivre, boyau naturel de mouton), merguez (viande de bœuf et d’agneau, piment, paprika, cumin, ail, sel, boyau naturel de mouton), côtes de porc.',
		description: 'Pour 6 : brochettes de bœuf marinées, chipolatas, merguez et côtes de porc.',
		producer: 'gaec-des-trois-chenes',
		origin: 'Bœuf et porc nés, élevés et abattus en France — GAEC des Trois Chênes ; agneau né, élevé et abattu en France',
		months: [5, 6, 7, 8, 9],
		stock: { onOrderDays: 2 },
		storage: MEAT,
		variants: [['Colis de 2,5 kg', 4900, 2.5, 'kg']]
	},
	{
		name: 'Colis de bœuf « famille »',
		kind: 'meat',
		unit: 'box',
		vat: 550,
		ingredients: 'Viande bovine : steaks, rôti, bourguignon, pot-au-feu (avec os) et haché à 15 % de matières grasses.',
		description: 'Steaks, rôti, bourguignon, pot-au-feu et haché, sous vide, à congeler en partie.',
		producer: 'gaec-des-trois-chenes',
		origin: BEEF_ORIGIN,
		stock: { onOrderDays: 5 },
		storage: 'Sous vide, entre 0 et 4 °C : 10 jours ; se congèle.',
		variants: [
			['Colis de 5 kg', 9900, 5, 'kg'],
			['Colis de 10 kg', 18900, 10, 'kg']
		]
	}
];
