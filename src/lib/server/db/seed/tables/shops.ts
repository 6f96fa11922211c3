import type { ShopRow } from './types.ts';
import { NEIGHBOURS, POSTCODE, TOWN } from './territory.ts';
import { bakeryProducts } from './bakery.ts';
import { pastryProducts } from './pastry.ts';
import { butcherProducts } from './butcher.ts';
import { greengrocerProducts } from './greengrocer.ts';
import { cheesemongerProducts } from './cheesemonger.ts';
import { fishmongerProducts } from './fishmonger.ts';
import { groceryProducts } from './grocery.ts';
import { wineShopProducts } from './wine-shop.ts';
import { floristProducts } from './florist.ts';
import { bookshopProducts } from './bookshop.ts';
import { marketGardenerProducts } from './market-gardener.ts';
import { livestockFarmerProducts } from './livestock-farmer.ts';
import { dairyProducts } from './dairy.ts';
import { beekeeperProducts } from './beekeeper.ts';
import { catererProducts } from './caterer.ts';
import { chocolatierProducts } from './chocolatier.ts';
import { FRI, MON, SAT, SUN, THU, TUE, TUE_TO_SAT, WED, hours } from './hours.ts';

/** The shops of Saint-Aubin-sur-Loire; the bakery comes first (its owner is the demo merchant). */
export const shops: ShopRow[] = [
	{
		name: "Boulangerie Au Pain d'Antan",
		trade: 'bakery',
		legalName: "SARL Au Pain d'Antan",
		owner: 'Claire Moreau',
		ownerEmail: 'boulangerie',
		description:
			"Claire et Julien Moreau pétrissent depuis 2012 des pains au levain naturel avec la farine du Moulin de la Roche. Viennoiseries pur beurre, pains spéciaux et, le dimanche, la fameuse miche d'Antan. Commandez la veille, votre pain vous attend à la sortie du four.",
		address: '14 Grande Rue',
		latitude: 47.3903,
		longitude: 0.9812,
		phone: '02 47 52 18 40',
		openingHours: hours([SUN, ...TUE_TO_SAT], ['07:00', '13:00'], ['15:30', '19:30']),
		slotCapacity: 8,
		minOrderCents: 0,
		pickupPoints: ['mairie', 'tabac-de-la-gare'],
		status: 'active',
		category: 'boulangerie-patisserie',
		products: bakeryProducts
	},
	{
		name: 'Pâtisserie Les Délices de Léonie',
		trade: 'pastry',
		legalName: 'EURL Les Délices de Léonie',
		owner: 'Léonie Garnier',
		description:
			'Léonie Garnier a fait ses classes chez de grands pâtissiers parisiens avant de revenir dans sa ville natale. Entremets de saison, tartes aux fruits du coin et gâteaux de fête sur commande. Pièces montées et gâteaux personnalisés : prévoyez quelques jours.',
		address: '3 place du Marché',
		latitude: 47.3896,
		longitude: 0.9795,
		phone: '02 47 52 23 17',
		openingHours: [...hours(TUE_TO_SAT, ['09:00', '12:30'], ['14:30', '19:00']), ...hours([SUN], ['08:30', '13:00'])],
		slotCapacity: 6,
		minOrderCents: 0,
		pickupPoints: ['mairie'],
		status: 'active',
		category: 'boulangerie-patisserie',
		products: pastryProducts
	},
	{
		name: 'Boucherie-Charcuterie Marchand',
		trade: 'butcher',
		legalName: 'SARL Marchand et Fils',
		owner: 'Thierry Marchand',
		description:
			'Trois générations de bouchers rue Nationale. Le bœuf et le porc viennent du GAEC des Trois Chênes, à quinze kilomètres, et la charcuterie est faite maison, rillettes de Tours en tête. Les viandes au poids sont pesées à la préparation : vous payez le poids exact.',
		address: '22 rue Nationale',
		latitude: 47.3911,
		longitude: 0.9826,
		phone: '02 47 52 10 66',
		openingHours: [...hours(TUE_TO_SAT, ['08:00', '12:30'], ['15:00', '19:00']), ...hours([SUN], ['08:30', '12:30'])],
		slotCapacity: 6,
		minOrderCents: 1000,
		pickupPoints: ['halle', 'mairie'],
		delivery: {
			hours: hours([WED, FRI], ['17:00', '19:00']),
			capacity: 4,
			zones: [{ name: 'Saint-Aubin et alentours (6 km)', radiusKm: 6, feeCents: 300, minOrderCents: 3000 }]
		},
		status: 'active',
		category: 'boucherie-charcuterie',
		products: butcherProducts
	},
	{
		name: 'Le Panier de Saison',
		trade: 'greengrocer',
		legalName: 'SAS Le Panier de Saison',
		owner: 'Samia Benali',
		description:
			'Le primeur des halles travaille en direct avec les maraîchers et arboriculteurs de la vallée. Ce qui vient de plus loin est indiqué clairement, origine comprise. Chaque semaine, un panier de saison avec une idée de recette.',
		address: '5 rue des Halles',
		latitude: 47.3892,
		longitude: 0.9806,
		phone: '02 47 52 31 09',
		openingHours: [...hours(TUE_TO_SAT, ['08:30', '12:30'], ['15:00', '19:00']), ...hours([SUN], ['09:00', '12:30'])],
		slotCapacity: 8,
		minOrderCents: 0,
		pickupPoints: ['halle'],
		delivery: {
			hours: hours([TUE, THU, SAT], ['17:00', '19:00']),
			capacity: 5,
			zones: [
				{ name: TOWN, postcodes: [POSTCODE], feeCents: 250, minOrderCents: 2000 },
				{
					name: 'Villages voisins',
					postcodes: [NEIGHBOURS.saintMartin.postcode, NEIGHBOURS.varennes.postcode, NEIGHBOURS.chapelle.postcode],
					feeCents: 400,
					minOrderCents: 3000
				}
			]
		},
		status: 'active',
		category: 'fruits-legumes',
		products: greengrocerProducts
	},
	{
		name: 'Fromagerie La Cave à Meules',
		trade: 'cheesemonger',
		legalName: 'SARL La Cave à Meules',
		owner: 'Antoine Lefèvre',
		description:
			'Antoine Lefèvre affine dans sa cave voûtée les chèvres de la vallée de la Loire et une sélection de grands fromages AOP. Conseils d’accords avec les vins de la Cave Le Cep et la Grappe, voisine. Plateaux sur commande pour vos repas de fête.',
		address: '9 rue du Commerce',
		latitude: 47.3899,
		longitude: 0.9779,
		phone: '02 47 52 44 71',
		openingHours: [...hours(TUE_TO_SAT, ['09:00', '12:30'], ['15:00', '19:00']), ...hours([SUN], ['09:30', '12:30'])],
		slotCapacity: 5,
		minOrderCents: 0,
		pickupPoints: ['halle'],
		status: 'active',
		category: 'cremerie-fromages',
		products: cheesemongerProducts
	},
	{
		name: 'Poissonnerie La Marée de Loire',
		trade: 'fishmonger',
		legalName: 'SARL Le Goff Marée',
		owner: 'Yannick Le Goff',
		description:
			'Yannick Le Goff, Breton installé au bord de la Loire, propose les poissons du fleuve pêchés par la Pêcherie Martin et la marée de la côte atlantique, arrivée dans la nuit. Poissons vidés, écaillés et levés en filets à la demande.',
		address: '2 quai des Mariniers',
		latitude: 47.3922,
		longitude: 0.9801,
		phone: '02 47 52 27 58',
		openingHours: [...hours(TUE_TO_SAT, ['08:00', '12:30']), ...hours([FRI], ['16:00', '19:00']), ...hours([SUN], ['08:30', '12:30'])],
		slotCapacity: 5,
		minOrderCents: 0,
		status: 'active',
		category: 'poissonnerie',
		products: fishmongerProducts
	},
	{
		name: "Épicerie Le Comptoir d'Aubin",
		trade: 'grocery',
		legalName: "SAS Le Comptoir d'Aubin",
		owner: 'Nathalie Roux',
		description:
			'Une épicerie fine et de vrac : cafés torréfiés en Touraine, thés, épices moulues sur place, huiles, légumineuses et produits du Moulin de la Roche. Venez avec vos bocaux, nous les remplissons. Ouvert aussi le lundi.',
		address: '17 rue Voltaire',
		latitude: 47.3884,
		longitude: 0.9822,
		phone: '02 47 52 39 25',
		openingHours: hours([MON, ...TUE_TO_SAT], ['09:30', '12:30'], ['14:30', '19:00']),
		slotCapacity: 6,
		minOrderCents: 0,
		pickupPoints: ['tabac-de-la-gare', 'mairie'],
		status: 'active',
		category: 'epicerie',
		products: groceryProducts
	},
	{
		name: 'Cave Le Cep et la Grappe',
		trade: 'wine_shop',
		legalName: 'SARL Le Cep et la Grappe',
		owner: 'Mathieu Delorme',
		description:
			'Mathieu Delorme connaît personnellement la plupart des vignerons de sa cave, de Vouvray à Bourgueil. Vins de Loire surtout, bières artisanales et quelques spiritueux. Un atelier de dégustation chaque mois, sur inscription à la cave. L’abus d’alcool est dangereux pour la santé, à consommer avec modération.',
		address: '31 rue de la Loire',
		latitude: 47.3917,
		longitude: 0.9787,
		phone: '02 47 52 50 12',
		openingHours: hours(TUE_TO_SAT, ['10:00', '12:30'], ['15:00', '19:30']),
		slotCapacity: 4,
		minOrderCents: 0,
		pickupPoints: ['tabac-de-la-gare'],
		delivery: {
			hours: hours([THU, FRI], ['18:00', '20:00']),
			capacity: 3,
			zones: [
				{ name: TOWN, postcodes: [POSTCODE], feeCents: 300, minOrderCents: 3000 },
				{
					name: 'Villages voisins',
					postcodes: [NEIGHBOURS.saintMartin.postcode, NEIGHBOURS.varennes.postcode],
					feeCents: 500,
					minOrderCents: 4000
				}
			]
		},
		status: 'active',
		category: 'cave-boissons',
		products: wineShopProducts
	},
	{
		name: "L'Atelier des Pivoines",
		trade: 'florist',
		legalName: 'Camille Bertin EI',
		owner: 'Camille Bertin',
		description:
			'Camille Bertin compose des bouquets de fleurs françaises de saison, dont une partie pousse dans son propre jardin. Plantes, compositions de mariage et de deuil sur rendez-vous. Pas de fleurs d’avion ici : le bouquet change avec les saisons.',
		address: "6 place de l'Église",
		latitude: 47.3907,
		longitude: 0.9771,
		phone: '02 47 52 12 93',
		openingHours: [...hours(TUE_TO_SAT, ['09:00', '12:30'], ['14:00', '19:00']), ...hours([SUN], ['09:00', '13:00'])],
		slotCapacity: 4,
		minOrderCents: 0,
		delivery: {
			hours: [...hours(TUE_TO_SAT, ['11:00', '12:00']), ...hours([FRI, SAT], ['15:00', '17:00'])],
			capacity: 3,
			zones: [
				{
					name: `${TOWN} et ${NEIGHBOURS.saintMartin.name}`,
					postcodes: [POSTCODE, NEIGHBOURS.saintMartin.postcode],
					feeCents: 350,
					minOrderCents: 2500
				}
			]
		},
		status: 'active',
		category: 'fleurs-plantes',
		products: floristProducts
	},
	{
		name: 'Librairie Le Chat qui Lit',
		trade: 'bookshop',
		legalName: 'SCOP Le Chat qui Lit',
		owner: 'Hélène Vasseur',
		description:
			'Une librairie indépendante en coopérative, avec un grand rayon jeunesse, des auteurs de la région et des rencontres un samedi par mois. Tout livre disponible chez l’éditeur se commande et arrive en deux à trois jours, au prix fixé par l’éditeur.',
		address: '11 rue Rabelais',
		latitude: 47.3888,
		longitude: 0.9768,
		phone: '02 47 52 46 80',
		openingHours: hours(TUE_TO_SAT, ['10:00', '12:30'], ['14:00', '19:00']),
		slotCapacity: 4,
		minOrderCents: 0,
		pickupPoints: ['tabac-de-la-gare'],
		status: 'active',
		category: 'librairie',
		products: bookshopProducts
	},
	{
		name: 'Les Jardins de la Varenne',
		trade: 'market_gardener',
		legalName: 'EARL Les Jardins de la Varenne',
		owner: 'Lucas Fontaine',
		description:
			'Lucas Fontaine cultive en bio une soixantaine de légumes sur sol vivant, à trois kilomètres du bourg. Les légumes sont récoltés le matin de la vente, au retrait à la ferme le mercredi soir et le samedi matin. Abonnement au panier de la semaine possible.',
		address: 'Chemin de la Varenne',
		latitude: 47.4115,
		longitude: 0.9635,
		phone: '06 71 24 58 30',
		openingHours: [...hours([WED], ['16:00', '19:00']), ...hours([SAT], ['09:00', '12:30'])],
		slotCapacity: 8,
		minOrderCents: 1000,
		pickupPoints: ['halle', 'mairie'],
		status: 'active',
		category: 'fruits-legumes',
		producer: 'jardins-de-la-varenne',
		products: marketGardenerProducts
	},
	{
		name: 'Ferme du Bois Joli',
		trade: 'livestock_farmer',
		legalName: 'GAEC du Bois Joli',
		owner: 'Sophie Renard',
		description:
			'Sophie et Pierre Renard élèvent des volailles fermières en plein air et des porcs gascons en sous-bois, qu’ils découpent et transforment dans le laboratoire de la ferme. Pas de vente sur place : les colis sont livrés le vendredi soir dans le bourg et les villages voisins, ou vous attendent à la Halle du marché le mercredi soir et le samedi matin.',
		address: 'Lieu-dit Le Bois Joli',
		latitude: 47.3685,
		longitude: 1.0085,
		phone: '06 82 45 19 07',
		// No sales at the farm: delivery, and the market hall.
		openingHours: [],
		slotCapacity: 6,
		minOrderCents: 1500,
		pickupPoints: ['halle'],
		offersPickup: false,
		delivery: {
			hours: hours([FRI], ['17:00', '20:00']),
			capacity: 6,
			zones: [
				{
					name: 'Saint-Aubin et villages voisins',
					postcodes: [POSTCODE, NEIGHBOURS.saintMartin.postcode, NEIGHBOURS.varennes.postcode, NEIGHBOURS.chapelle.postcode],
					feeCents: 450,
					minOrderCents: 3500
				}
			]
		},
		status: 'active',
		category: 'boucherie-charcuterie',
		producer: 'ferme-du-bois-joli',
		products: livestockFarmerProducts
	},
	{
		name: 'La Laiterie des Prés Fleuris',
		trade: 'dairy_producer',
		legalName: 'GAEC des Prés Fleuris',
		owner: 'Marc Chevalier',
		description:
			'Quarante vaches normandes, du foin séché en grange et un petit atelier de transformation : lait cru, yaourts, crème, beurre de baratte et fromages frais. Pensez à rapporter vos bouteilles et pots en verre consignés.',
		address: 'La Grange aux Prés, route de Chinon',
		latitude: 47.3795,
		longitude: 0.9455,
		phone: '06 63 17 80 42',
		openingHours: [...hours([TUE, FRI], ['17:00', '19:00']), ...hours([SAT], ['09:00', '12:00'])],
		slotCapacity: 6,
		minOrderCents: 0,
		pickupPoints: ['halle'],
		status: 'active',
		category: 'oeufs-produits-laitiers',
		producer: 'laiterie-des-pres-fleuris',
		products: dairyProducts
	},
	{
		name: 'Le Rucher des Coteaux',
		trade: 'beekeeper',
		legalName: 'Élodie Marchais EI',
		owner: 'Élodie Marchais',
		description:
			'Élodie Marchais élève ses abeilles sur les coteaux, en bord de Loire et dans les forêts voisines, et récolte des miels de cru non chauffés. Confitures et douceurs de la miellerie, à retirer au rucher le mercredi et le samedi.',
		address: 'Les Coteaux, chemin des Abeilles',
		latitude: 47.4055,
		longitude: 1.0045,
		phone: '06 45 92 33 18',
		openingHours: [...hours([WED], ['14:00', '18:00']), ...hours([SAT], ['09:00', '12:30'])],
		slotCapacity: 4,
		minOrderCents: 0,
		pickupPoints: ['halle', 'tabac-de-la-gare'],
		status: 'active',
		category: 'miel-confitures',
		producer: 'rucher-des-coteaux',
		products: beekeeperProducts
	},
	{
		name: 'Traiteur Saveurs de Touraine',
		trade: 'caterer',
		legalName: 'SARL Saveurs de Touraine',
		owner: 'Olivier Perrin',
		description:
			'Olivier Perrin cuisine chaque jour des plats de tradition avec les produits des commerçants et des fermes de Saint-Aubin. Plats du jour à emporter, buffets et plateaux pour les fêtes de famille, sur commande.',
		address: '8 avenue de la Gare',
		latitude: 47.3872,
		longitude: 0.9839,
		phone: '02 47 52 35 64',
		openingHours: [...hours(TUE_TO_SAT, ['09:00', '14:00'], ['16:00', '19:30']), ...hours([SUN], ['09:00', '13:00'])],
		slotCapacity: 6,
		minOrderCents: 0,
		pickupPoints: ['mairie'],
		status: 'active',
		category: 'traiteur',
		products: catererProducts
	},
	{
		name: "Chocolaterie La Fève d'Or",
		trade: 'chocolatier',
		legalName: "SAS La Fève d'Or",
		owner: 'Inès Carpentier',
		description:
			"Inès Carpentier ouvre sa chocolaterie rue du Pont : ganaches, pralinés et tablettes travaillés de la fève à la tablette. La boutique attend la validation de l'opérateur avant d'apparaître sur le site.",
		address: '20 rue du Pont',
		latitude: 47.3928,
		longitude: 0.9815,
		phone: '02 47 52 61 05',
		openingHours: hours(TUE_TO_SAT, ['10:00', '12:30'], ['14:30', '19:00']),
		slotCapacity: 4,
		minOrderCents: 0,
		status: 'pending',
		category: 'chocolats-confiseries',
		products: chocolatierProducts
	}
];
