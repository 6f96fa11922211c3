// Grows the demo territory to a large catalogue for `npm run bench`: realistic French product
// names combined from word lists, spread over the active shops of the demo, 1–3 variants each with
// a high tracked stock (so the checkout run never runs out), categories, some quality labels,
// allergens, descriptions. Deterministic (seeded generator); multi-row inserts in one transaction.
//
// Every generated name carries one of ten "styles" ("maison", "de Touraine", "du terroir"…), each
// on about a tenth of the generated products: one-word searches for them are the bench's broad
// terms that match ~10 % of the catalogue (`BROAD_TERMS`).
import { sql } from 'drizzle-orm';
import type { Db } from '../src/lib/server/db/client.ts';
import { queryRows } from '../src/lib/server/db/client.ts';
import * as schema from '../src/lib/server/db/schema/index.ts';
import { createRandom, type Random } from '../src/lib/random.ts';
import { slugify } from '../src/lib/slug.ts';
import { refreshProductFacts } from '../src/lib/server/traceability/facts.ts';

/** Appended to names; each is on ~10 % of the generated products. Trigram-distinct from one another. */
const STYLES = [
	'maison',
	'de Touraine',
	'du terroir',
	"à l'ancienne",
	'des coteaux',
	'du marché',
	'de tradition',
	"d'antan",
	'du Berry',
	'de la vallée'
] as const;

/** One-word searches, each matching about a tenth of the large catalogue (the bench rotates over them). */
export const BROAD_TERMS = ['maison', 'touraine', 'terroir', 'ancienne', 'coteaux', 'marché', 'tradition', 'berry'] as const;

type Unit = (typeof schema.sellingUnitEnum.enumValues)[number];
type Vat = 210 | 550 | 1000 | 2000;
/** A product base: its name, illustration kind, selling unit, VAT, price range of one unit (cents). */
type Base = readonly [name: string, kind: string, unit: Unit, vat: Vat, minCents: number, maxCents: number];

type TradeWords = {
	bases: Base[];
	qualifiers: string[];
	allergens: string[];
	/** Labels that fit the trade, drawn for a few products. */
	labels: string[];
	sentences: string[];
	storage: string | null;
	seasonal?: boolean;
};

const FOOD_LABELS = ['ab', 'ab', 'ab', 'hve', 'nature_progres'];

const TRADES: Record<string, TradeWords> = {
	bakery: {
		bases: [
			['Pain de campagne', 'bread', 'piece', 550, 280, 650],
			['Baguette', 'baguette', 'piece', 550, 110, 180],
			['Pain complet', 'bread', 'piece', 550, 300, 620],
			['Pain de seigle', 'bread', 'piece', 550, 320, 600],
			['Fougasse', 'bread', 'piece', 550, 250, 450],
			['Pain de mie', 'bread', 'piece', 550, 260, 420],
			['Miche', 'bread', 'piece', 550, 420, 890],
			['Boule', 'bread', 'piece', 550, 300, 560],
			['Ficelle', 'baguette', 'piece', 550, 90, 150],
			["Pain d'épeautre", 'bread', 'piece', 550, 380, 690],
			['Tourte de meule', 'bread', 'piece', 550, 450, 900],
			['Bâtard', 'bread', 'piece', 550, 200, 380]
		],
		qualifiers: [
			'au levain',
			'aux noix',
			'aux céréales',
			'aux graines de lin',
			'aux olives',
			'au sarrasin',
			'aux raisins',
			'au petit épeautre',
			'aux figues',
			'au beurre',
			'aux lardons',
			'au romarin'
		],
		allergens: ['gluten'],
		labels: FOOD_LABELS,
		sentences: [
			'Pétri lentement et façonné à la main, cuit au four à sole.',
			'Une croûte craquante et une mie alvéolée, fermentée dix-huit heures.',
			'Farine moulue sur meule de pierre, sel de Guérande, eau filtrée.',
			'Se marie avec les fromages, les soupes et les tartines du matin.'
		],
		storage: 'Se conserve 2 à 3 jours dans un sac en tissu.'
	},
	pastry: {
		bases: [
			['Tarte', 'tart', 'piece', 550, 320, 2800],
			['Éclair', 'cake', 'piece', 550, 290, 420],
			['Financier', 'biscuits', 'piece', 550, 120, 250],
			['Macaron', 'biscuits', 'piece', 550, 110, 180],
			['Entremets', 'cake', 'piece', 550, 1800, 4200],
			['Chou', 'cake', 'piece', 550, 200, 380],
			['Sablé', 'biscuits', 'piece', 550, 150, 320],
			['Flan', 'tart', 'piece', 550, 280, 1900],
			['Cake', 'cake', 'piece', 550, 650, 1400],
			['Madeleine', 'biscuits', 'piece', 550, 90, 160],
			['Tartelette', 'tart', 'piece', 550, 340, 520],
			['Millefeuille', 'cake', 'piece', 550, 380, 560]
		],
		qualifiers: [
			'au chocolat',
			'à la vanille',
			'au citron',
			'à la framboise',
			'au caramel beurre salé',
			'à la pistache',
			'aux fraises',
			'à la poire',
			'au café',
			'à la noisette',
			'aux abricots',
			'à la praline'
		],
		allergens: ['gluten', 'eggs', 'milk'],
		labels: ['ab'],
		sentences: [
			'Préparé chaque matin avec du beurre AOP et des œufs de plein air.',
			'Une pâte fine et croustillante, une crème légère, peu sucrée.',
			'Les fruits viennent des vergers voisins, selon la récolte.',
			'À commander la veille pour les grandes tablées.'
		],
		storage: 'Au réfrigérateur, à déguster dans les 48 heures.'
	},
	butcher: {
		bases: [
			['Rôti de porc', 'meat', 'kg', 550, 1590, 2490],
			['Saucisse', 'sausage', 'kg', 550, 1290, 1890],
			['Terrine', 'terrine', 'piece', 550, 590, 1290],
			['Pâté en croûte', 'terrine', 'piece', 550, 690, 1490],
			['Côte de bœuf', 'meat', 'kg', 550, 2890, 4290],
			['Rillettes', 'terrine', 'piece', 550, 490, 990],
			['Jambon', 'meat', 'kg', 550, 2290, 3490],
			['Saucisson', 'sausage', 'piece', 550, 690, 1490],
			['Poulet', 'poultry', 'piece', 550, 1290, 2490],
			['Boudin', 'sausage', 'kg', 550, 1190, 1990],
			["Épaule d'agneau", 'meat', 'kg', 550, 1990, 2990],
			['Andouillette', 'sausage', 'piece', 550, 390, 690]
		],
		qualifiers: [
			'aux herbes',
			'au poivre',
			'aux échalotes',
			"à l'ail",
			"au piment d'Espelette",
			'aux pruneaux',
			'au vin de Chinon',
			'aux cèpes',
			'au thym',
			'à la moutarde',
			'aux noisettes',
			'au bois de hêtre'
		],
		allergens: ['mustard', 'celery'],
		labels: ['label_rouge', 'label_rouge', 'igp', 'ab'],
		sentences: [
			'Des bêtes élevées en plein air chez des éleveurs que nous connaissons.',
			'Maturée en chambre froide, découpée à la demande.',
			'Préparée dans notre laboratoire selon la recette du chef.',
			'Idéale pour un repas de famille, à cuire doucement.'
		],
		storage: 'Entre 0 et 4 °C, à consommer sous 3 jours.'
	},
	greengrocer: {
		bases: [
			['Tomates', 'tomato', 'kg', 550, 290, 690],
			['Carottes', 'carrot', 'kg', 550, 150, 320],
			['Pommes', 'apple', 'kg', 550, 220, 450],
			['Poires', 'pear', 'kg', 550, 260, 520],
			['Poireaux', 'leek', 'kg', 550, 220, 420],
			['Salade', 'salad', 'piece', 550, 100, 220],
			['Pommes de terre', 'potato', 'kg', 550, 120, 290],
			['Courge', 'squash', 'kg', 550, 180, 390],
			['Champignons', 'mushroom', 'kg', 550, 690, 1490],
			['Fraises', 'strawberry', 'box', 550, 290, 590],
			['Cerises', 'cherry', 'kg', 550, 690, 1290],
			['Asperges', 'asparagus', 'bunch', 550, 590, 1190]
		],
		qualifiers: [
			'de plein champ',
			'extra',
			'primeur',
			'en vrac',
			'en cagette',
			'calibre moyen',
			'gros calibre',
			'première récolte',
			'de serre froide',
			'sans traitement après récolte',
			'de conservation',
			'en barquette'
		],
		allergens: [],
		labels: FOOD_LABELS,
		sentences: [
			'Cueillis à maturité et livrés le matin même.',
			'Cultivés sans pesticides de synthèse, à quelques kilomètres.',
			'Choisis un à un par notre primeur.',
			'Parfaits en salade, en gratin ou en soupe.'
		],
		storage: 'Au frais, dans le bac à légumes.',
		seasonal: true
	},
	cheesemonger: {
		bases: [
			['Tomme', 'cheese', 'kg', 550, 1890, 2890],
			['Chèvre frais', 'cheese', 'piece', 550, 290, 590],
			['Crottin', 'cheese', 'piece', 550, 250, 450],
			['Comté', 'cheese', 'kg', 550, 2290, 3890],
			['Brie', 'cheese', 'kg', 550, 1890, 2990],
			['Camembert', 'cheese', 'piece', 550, 450, 890],
			['Bûche de chèvre', 'cheese', 'piece', 550, 490, 990],
			['Raclette', 'cheese', 'kg', 550, 1690, 2490],
			['Beurre', 'butter', 'piece', 550, 290, 690],
			['Crème', 'milk', 'piece', 550, 250, 590],
			['Fromage blanc', 'yogurt', 'piece', 550, 290, 590],
			['Bleu', 'cheese', 'kg', 550, 1990, 3290]
		],
		qualifiers: [
			'au lait cru',
			'affiné six mois',
			'affiné douze mois',
			'cendré',
			'au poivre',
			'à la truffe',
			'au piment',
			'aux noix',
			'au foin',
			'demi-sel',
			'à la fleur de sel',
			'au lait de brebis'
		],
		allergens: ['milk'],
		labels: ['aop', 'aop', 'ab'],
		sentences: [
			'Affiné dans nos caves sur planches d’épicéa.',
			'Une pâte fondante, un goût de noisette, une croûte fleurie.',
			'Fabriqué à la ferme avec le lait d’un seul troupeau.',
			'Se déguste à température ambiante, sorti une heure avant.'
		],
		storage: 'Dans le bas du réfrigérateur, emballé dans son papier.'
	},
	fishmonger: {
		bases: [
			['Filet de sandre', 'fish', 'kg', 550, 2690, 3490],
			['Saumon', 'fish', 'kg', 550, 2290, 3290],
			['Cabillaud', 'fish', 'kg', 550, 1990, 2890],
			['Truite', 'fish', 'kg', 550, 1490, 2290],
			['Huîtres', 'shellfish', 'dozen', 550, 990, 1890],
			['Moules', 'shellfish', 'kg', 550, 490, 890],
			['Brochet', 'fish', 'kg', 550, 1690, 2490],
			['Sardines', 'fish', 'kg', 550, 890, 1390],
			['Maquereau', 'fish', 'kg', 550, 990, 1490],
			['Crevettes', 'shellfish', 'kg', 550, 1990, 3290],
			['Anguille', 'fish', 'kg', 550, 2490, 3990],
			['Lotte', 'fish', 'kg', 550, 2990, 4290]
		],
		qualifiers: [
			'en filet',
			'en pavé',
			'en darne',
			'au beurre blanc',
			'à la plancha',
			'au court-bouillon',
			'de ligne',
			'de pêche côtière',
			'en papillote',
			"à l'aneth",
			'au citron vert',
			'en tranches'
		],
		allergens: ['fish'],
		labels: ['label_rouge'],
		sentences: [
			'Pêché en Loire ou arrivé de la criée le matin même.',
			'Écaillé, vidé et préparé à votre demande.',
			'Une chair ferme et nacrée, à cuire à feu doux.',
			'Demandez-nous une recette : nous en avons toujours une.'
		],
		storage: 'Sur glace, à consommer le jour même ou le lendemain.'
	},
	grocery: {
		bases: [
			["Huile d'olive", 'bottle', 'piece', 550, 890, 2490],
			['Lentilles vertes', 'sack', 'piece', 550, 290, 690],
			['Farine de blé', 'sack', 'piece', 550, 190, 490],
			['Pâtes', 'sack', 'piece', 550, 250, 590],
			['Riz', 'sack', 'piece', 550, 290, 690],
			['Moutarde', 'jar', 'piece', 550, 250, 590],
			['Vinaigre de cidre', 'bottle', 'piece', 550, 350, 790],
			['Café', 'coffee', 'piece', 550, 590, 1490],
			['Thé', 'tea', 'piece', 550, 490, 1290],
			['Sel', 'spice', 'piece', 550, 250, 690],
			['Épices', 'spice', 'piece', 550, 350, 890],
			['Biscuits', 'biscuits', 'piece', 550, 290, 590]
		],
		qualifiers: [
			'en vrac',
			'au poids',
			'en bocal',
			'en sachet kraft',
			"à l'estragon",
			'au piment',
			'aux cinq baies',
			'à la truffe',
			'au sésame',
			'à la noisette',
			"à l'ail des ours",
			'au curcuma'
		],
		allergens: ['gluten', 'mustard', 'sesame'],
		labels: ['ab', 'ab', 'igp'],
		sentences: [
			'Choisi chez de petits producteurs, sans additif.',
			'Vendu au poids pour limiter les emballages.',
			'Une épicerie fine pour tous les jours.',
			'Se garde plusieurs mois à l’abri de la lumière.'
		],
		storage: 'Au sec, à l’abri de la lumière.'
	},
	wine_shop: {
		bases: [
			['Chinon rouge', 'wine', 'piece', 2000, 890, 2490],
			['Vouvray', 'wine', 'piece', 2000, 990, 2890],
			['Saumur-Champigny', 'wine', 'piece', 2000, 990, 2490],
			['Bourgueil', 'wine', 'piece', 2000, 890, 2290],
			['Montlouis', 'wine', 'piece', 2000, 1090, 2890],
			['Cidre brut', 'bottle', 'piece', 2000, 390, 790],
			['Bière blonde', 'bottle', 'piece', 2000, 290, 590],
			['Bière ambrée', 'bottle', 'piece', 2000, 290, 590],
			['Sancerre', 'wine', 'piece', 2000, 1490, 3290],
			['Crémant de Loire', 'wine', 'piece', 2000, 990, 1990],
			['Chenin sec', 'wine', 'piece', 2000, 890, 2290],
			['Jus de pomme', 'bottle', 'piece', 550, 290, 590]
		],
		qualifiers: [
			'millésime 2018',
			'millésime 2019',
			'millésime 2020',
			'millésime 2021',
			'millésime 2022',
			'millésime 2023',
			'élevé en fût',
			'vieilles vignes',
			'sans sulfites ajoutés',
			'demi-bouteille',
			'magnum',
			'cuvée réservée'
		],
		allergens: ['sulphites'],
		labels: ['aop', 'aop', 'ab', 'hve'],
		sentences: [
			'Vinifié par un vigneron indépendant, vendanges manuelles.',
			'Une bouche fruitée et fraîche, une belle longueur.',
			'À servir entre 12 et 16 °C, sur une volaille ou un fromage.',
			'L’abus d’alcool est dangereux pour la santé, à consommer avec modération.'
		],
		storage: 'Couché, à l’abri de la lumière, entre 10 et 14 °C.'
	},
	florist: {
		bases: [
			['Bouquet', 'flowers', 'piece', 1000, 1500, 6000],
			['Roses', 'flowers', 'bunch', 1000, 900, 3500],
			['Pivoines', 'flowers', 'bunch', 1000, 1200, 3500],
			['Tulipes', 'flowers', 'bunch', 1000, 800, 2200],
			['Orchidée', 'plant', 'piece', 1000, 1900, 4900],
			['Plante verte', 'plant', 'piece', 1000, 1200, 5900],
			['Composition', 'flowers', 'piece', 1000, 2500, 7900],
			['Couronne', 'flowers', 'piece', 1000, 3500, 9900],
			['Lavande', 'plant', 'piece', 1000, 690, 1490],
			['Géranium', 'plant', 'piece', 1000, 490, 1290],
			['Bonsaï', 'plant', 'piece', 1000, 2900, 8900],
			['Cactus', 'plant', 'piece', 1000, 590, 2490]
		],
		qualifiers: [
			'couleur pastel',
			'tons rouges',
			'tons blancs',
			'en pot',
			'en vase',
			'à offrir',
			'champêtre',
			'de mariage',
			'en bouquet rond',
			'sur tige longue',
			'petit format',
			'grand format'
		],
		allergens: [],
		labels: ['hve'],
		sentences: [
			'Composé à la main le jour de la commande.',
			'Fleurs cultivées en France, de saison et sans avion.',
			'Livré avec une carte à écrire et un sachet nutritif.',
			'Changez l’eau tous les deux jours pour le garder longtemps.'
		],
		storage: null
	},
	bookshop: {
		bases: [
			['Roman', 'book', 'piece', 550, 890, 2490],
			['Guide de randonnée', 'book', 'piece', 550, 1290, 2290],
			['Recueil de poèmes', 'book', 'piece', 550, 990, 1890],
			['Livre de cuisine', 'book', 'piece', 550, 1490, 3490],
			['Album jeunesse', 'book', 'piece', 550, 990, 1890],
			['Bande dessinée', 'book', 'piece', 550, 1290, 2490],
			['Carnet de voyage', 'book', 'piece', 550, 1490, 2990],
			['Atlas', 'book', 'piece', 550, 1990, 3990],
			['Essai', 'book', 'piece', 550, 1490, 2490],
			['Polar', 'book', 'piece', 550, 790, 2190],
			['Beau livre', 'book', 'piece', 550, 2990, 5990],
			['Manuel de jardinage', 'book', 'piece', 550, 1490, 2990]
		],
		qualifiers: [
			'des châteaux',
			'illustré',
			'en poche',
			'relié',
			'dédicacé',
			'édition collector',
			'grand format',
			'pour les enfants',
			'en édition limitée',
			'sur les vins',
			'sur les oiseaux',
			'sur les jardins'
		],
		allergens: [],
		labels: [],
		sentences: [
			'Un coup de cœur de la librairie, lu et conseillé.',
			'Par un auteur de la région, rencontré l’an passé.',
			'Pour les longues soirées ou pour offrir.',
			'Disponible en magasin ou sur commande en trois jours.'
		],
		storage: null
	},
	market_gardener: {
		bases: [
			['Radis', 'vegetable', 'bunch', 550, 120, 250],
			['Courgettes', 'vegetable', 'kg', 550, 190, 390],
			['Haricots verts', 'vegetable', 'kg', 550, 490, 990],
			['Épinards', 'salad', 'kg', 550, 390, 790],
			['Blettes', 'salad', 'bunch', 550, 190, 390],
			['Betteraves', 'vegetable', 'kg', 550, 220, 420],
			['Navets', 'vegetable', 'bunch', 550, 190, 390],
			['Aubergines', 'vegetable', 'kg', 550, 290, 590],
			['Poivrons', 'vegetable', 'kg', 550, 390, 790],
			['Concombres', 'vegetable', 'piece', 550, 90, 190],
			['Panais', 'vegetable', 'kg', 550, 290, 520],
			['Mesclun', 'salad', 'box', 550, 190, 390]
		],
		qualifiers: [
			'de plein champ',
			'extra',
			'primeur',
			'en vrac',
			'en cagette',
			'calibre moyen',
			'gros calibre',
			'première récolte',
			'de serre froide',
			'sans traitement après récolte',
			'de conservation',
			'en botte'
		],
		allergens: [],
		labels: FOOD_LABELS,
		sentences: [
			'Récoltés le matin même dans nos parcelles.',
			'Cultivés en agroécologie, sans pesticides de synthèse.',
			'Des variétés choisies pour le goût plutôt que pour le rendement.',
			'Vendus en direct, sans intermédiaire.'
		],
		storage: 'Au frais, dans un linge humide.',
		seasonal: true
	},
	livestock_farmer: {
		bases: [
			['Colis de bœuf', 'meat', 'box', 550, 7900, 14900],
			['Poulet', 'poultry', 'piece', 550, 1490, 2690],
			['Pintade', 'poultry', 'piece', 550, 1690, 2690],
			['Canard', 'poultry', 'piece', 550, 1990, 2990],
			['Rôti de veau', 'meat', 'kg', 550, 2490, 3490],
			['Steak haché', 'meat', 'kg', 550, 1490, 2190],
			['Merguez', 'sausage', 'kg', 550, 1290, 1890],
			['Chipolatas', 'sausage', 'kg', 550, 1190, 1690],
			["Gigot d'agneau", 'meat', 'kg', 550, 2290, 3290],
			['Bavette', 'meat', 'kg', 550, 2290, 2990],
			['Lapin', 'meat', 'piece', 550, 1490, 2490],
			['Rillons', 'meat', 'kg', 550, 1990, 2890]
		],
		qualifiers: [
			'aux herbes',
			'au poivre',
			'aux échalotes',
			"à l'ail",
			"au piment d'Espelette",
			'aux pruneaux',
			'au vin de Chinon',
			'aux cèpes',
			'au thym',
			'à la moutarde',
			'nourri à l’herbe',
			'élevé en plein air'
		],
		allergens: [],
		labels: ['label_rouge', 'ab', 'hve'],
		sentences: [
			'Nos animaux pâturent toute l’année sur les prairies de la ferme.',
			'Abattage à l’abattoir de proximité, découpe à la ferme.',
			'Une viande persillée, tendre et goûteuse.',
			'Sous vide, se congèle très bien.'
		],
		storage: 'Entre 0 et 4 °C, à consommer sous 5 jours.'
	},
	dairy_producer: {
		bases: [
			['Yaourt', 'yogurt', 'piece', 550, 90, 250],
			['Lait entier', 'milk', 'piece', 550, 120, 250],
			['Lait demi-écrémé', 'milk', 'piece', 550, 110, 220],
			['Beurre', 'butter', 'piece', 550, 290, 690],
			['Crème fraîche', 'milk', 'piece', 550, 250, 590],
			['Fromage blanc', 'yogurt', 'piece', 550, 290, 590],
			['Faisselle', 'yogurt', 'piece', 550, 250, 450],
			['Riz au lait', 'yogurt', 'piece', 550, 190, 350],
			['Œufs', 'eggs', 'box', 550, 290, 590],
			['Crème dessert', 'yogurt', 'piece', 550, 150, 290],
			['Petit-suisse', 'yogurt', 'piece', 550, 190, 390],
			['Lait ribot', 'milk', 'piece', 550, 150, 290]
		],
		qualifiers: [
			'à la vanille',
			'nature',
			'aux fruits rouges',
			'au miel',
			'à la fraise',
			'au citron',
			'en bouteille de verre',
			'en pot de verre',
			'au caramel',
			'à la cerise',
			'demi-sel',
			'au chocolat'
		],
		allergens: ['milk'],
		labels: ['ab', 'ab'],
		sentences: [
			'Le lait de nos vaches normandes, transformé le jour de la traite.',
			'Sans conservateur ni épaississant.',
			'Emballage consigné : rapportez le pot vide.',
			'Onctueux et peu sucré.'
		],
		storage: 'Au réfrigérateur, entre 2 et 6 °C.'
	},
	beekeeper: {
		bases: [
			['Miel de fleurs', 'honey', 'piece', 550, 590, 1490],
			["Miel d'acacia", 'honey', 'piece', 550, 790, 1690],
			['Miel de châtaignier', 'honey', 'piece', 550, 790, 1690],
			['Miel de tilleul', 'honey', 'piece', 550, 790, 1690],
			['Confiture', 'jam', 'piece', 550, 450, 790],
			["Pain d'épices", 'cake', 'piece', 550, 590, 1090],
			['Nougat', 'chocolate', 'piece', 550, 490, 990],
			['Bonbons au miel', 'chocolate', 'piece', 550, 350, 690],
			['Pollen', 'jar', 'piece', 550, 890, 1590],
			['Propolis', 'jar', 'piece', 550, 990, 1890],
			['Gelée royale', 'jar', 'piece', 550, 1990, 3490],
			['Hydromel', 'bottle', 'piece', 2000, 1290, 2290]
		],
		qualifiers: [
			'de printemps',
			"d'été",
			"d'automne",
			'en rayon',
			'au gingembre',
			'à la cannelle',
			'aux agrumes',
			'à la lavande',
			'aux épices',
			"à l'orange",
			'au citron',
			'à la vanille'
		],
		allergens: ['nuts'],
		labels: ['ab', 'ab'],
		sentences: [
			'Extrait à froid, non chauffé, non filtré.',
			'Nos ruches sont posées en lisière de forêt et de prairies.',
			'Une texture qui cristallise naturellement avec le temps.',
			'Parfait sur une tartine, dans un yaourt ou une tisane.'
		],
		storage: 'À température ambiante, à l’abri de l’humidité.'
	},
	caterer: {
		bases: [
			['Quiche', 'tart', 'piece', 1000, 390, 1890],
			['Tourte', 'tart', 'piece', 1000, 890, 2490],
			['Lasagnes', 'dish', 'piece', 1000, 790, 1490],
			['Gratin', 'dish', 'piece', 1000, 690, 1290],
			['Blanquette de veau', 'dish', 'piece', 1000, 990, 1690],
			['Bœuf bourguignon', 'dish', 'piece', 1000, 990, 1690],
			['Salade composée', 'salad', 'piece', 1000, 590, 990],
			['Rillettes de saumon', 'terrine', 'piece', 1000, 590, 990],
			['Parmentier', 'dish', 'piece', 1000, 790, 1390],
			['Velouté', 'dish', 'piece', 1000, 390, 790],
			['Paella', 'dish', 'piece', 1000, 990, 1690],
			['Couscous', 'dish', 'piece', 1000, 990, 1690]
		],
		qualifiers: [
			'aux légumes',
			'au saumon',
			'aux champignons',
			'aux poireaux',
			'au chèvre',
			'au poulet',
			'aux épinards',
			'au jambon',
			'aux lardons',
			'au fromage',
			'aux cèpes',
			'à la provençale'
		],
		allergens: ['gluten', 'milk', 'eggs', 'celery'],
		labels: [],
		sentences: [
			'Cuisiné dans notre laboratoire avec les produits des commerçants voisins.',
			'À réchauffer 20 minutes au four.',
			'Une portion généreuse pour une ou deux personnes.',
			'Préparé sans conservateur, à consommer rapidement.'
		],
		storage: 'Au réfrigérateur, à consommer sous 3 jours.'
	},
	chocolatier: {
		bases: [
			['Tablette', 'chocolate', 'piece', 550, 390, 890],
			['Ballotin', 'chocolate', 'box', 550, 1490, 4490],
			['Truffes', 'chocolate', 'box', 550, 990, 2490]
		],
		qualifiers: ['noir 70 %', 'au lait', 'blanc', 'praliné'],
		allergens: ['milk', 'nuts'],
		labels: ['ab'],
		sentences: ['Fabriqué à partir de fèves torréfiées à l’atelier.'],
		storage: 'Entre 15 et 18 °C.'
	}
};

const ORIGINS = ['Indre-et-Loire', 'Val de Loire', 'Loir-et-Cher', 'Sologne', 'Anjou', 'Sarthe', 'Vendée', 'Bretagne', null, null];
const CLOSERS = [
	'Préparé au plus près de la commande.',
	'Retrait possible dès le lendemain.',
	'Une belle idée pour le week-end.',
	'Quantités limitées selon les arrivages.',
	''
];

/** Variant sets per unit: name and price factor of each size; `null` net quantity when it has none. */
type Size = { name: string; factor: number; net: number | null; netUnit: 'kg' | 'l' | null };

function variantSizes(unit: Unit, random: Random): Size[] {
	const count = random.int(1, 3);
	const pick = (all: Size[]) => all.slice(0, count);
	switch (unit) {
		case 'kg':
			return pick([
				{ name: 'Au kilo', factor: 1, net: 1, netUnit: 'kg' },
				{ name: 'Barquette de 500 g', factor: 0.52, net: 0.5, netUnit: 'kg' },
				{ name: 'Colis de 2 kg', factor: 1.9, net: 2, netUnit: 'kg' }
			]);
		case 'box':
			return pick([
				{ name: 'La boîte', factor: 1, net: null, netUnit: null },
				{ name: 'Grande boîte', factor: 1.8, net: null, netUnit: null },
				{ name: 'Lot de trois', factor: 2.7, net: null, netUnit: null }
			]);
		case 'bunch':
			return pick([
				{ name: 'La botte', factor: 1, net: null, netUnit: null },
				{ name: 'Deux bottes', factor: 1.9, net: null, netUnit: null },
				{ name: 'Grande botte', factor: 1.6, net: null, netUnit: null }
			]);
		case 'dozen':
			return pick([
				{ name: 'La douzaine', factor: 1, net: null, netUnit: null },
				{ name: 'Deux douzaines', factor: 1.9, net: null, netUnit: null },
				{ name: 'La demi-douzaine', factor: 0.55, net: null, netUnit: null }
			]);
		default:
			return pick([
				{ name: 'Format standard', factor: 1, net: random.pick([0.25, 0.5, 0.75, 1]), netUnit: random.pick(['kg', 'l'] as const) },
				{ name: 'Grand format', factor: 1.8, net: null, netUnit: null },
				{ name: 'Petit format', factor: 0.6, net: null, netUnit: null }
			]);
	}
}

function shuffle<T>(items: T[], random: Random): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = random.int(0, i);
		[items[i], items[j]] = [items[j], items[i]];
	}
	return items;
}

export type GrowResult = { territoryId: string; before: number; after: number; added: number; variants: number; ms: number };

/**
 * Adds generated products to the active shops of the default (demo) territory until it has
 * `products` active products. Does nothing when it already has that many. Stock of every new
 * variant: `stock` units, tracked, with its initial stock movement (the ledger invariant holds).
 */
export async function growCatalog(db: Db, options: { products?: number; stock?: number; seed?: string } = {}): Promise<GrowResult> {
	const started = performance.now();
	const target = options.products ?? 20_000;
	const stock = options.stock ?? 100_000;
	const random = createRandom(options.seed ?? 'echoppe-bench/large-catalog');

	const [territory] = await queryRows<{ id: string }>(db, sql`select id from territories where is_default limit 1`);
	if (!territory) throw new Error('growCatalog: no default territory (seed the demo first)');
	const shopRows = await queryRows<{ id: string; slug: string; trade: string; category_id: string | null; producer_id: string | null }>(
		db,
		sql`select s.id, s.slug, s.trade,
				(select p.category_id from products p where p.shop_id = s.id group by p.category_id order by count(*) desc limit 1) as category_id,
				(select pr.id from producers pr where pr.shop_id = s.id order by pr.slug limit 1) as producer_id
			from shops s where s.territory_id = ${territory.id} and s.status = 'active' order by s.slug`
	);
	const [{ count: before }] = await queryRows<{ count: number }>(
		db,
		sql`select count(*)::int as count from products where territory_id = ${territory.id} and status = 'active'`
	);
	const missing = target - Number(before);
	if (missing <= 0 || shopRows.length === 0) {
		return {
			territoryId: territory.id,
			before: Number(before),
			after: Number(before),
			added: 0,
			variants: 0,
			ms: performance.now() - started
		};
	}
	const existingSlugs = await queryRows<{ shop_id: string; slug: string }>(
		db,
		sql`select p.shop_id, p.slug from products p join shops s on s.id = p.shop_id where s.territory_id = ${territory.id}`
	);
	const taken = new Set(existingSlugs.map((row) => `${row.shop_id}/${row.slug}`));

	// producerId: the origin producer, written to product_producers.
	const products: (typeof schema.products.$inferInsert & { producerId: string | null })[] = [];
	const variants: (typeof schema.variants.$inferInsert)[] = [];
	const movements: (typeof schema.stockMovements.$inferInsert)[] = [];
	const createdAt = new Date(Date.UTC(2026, 0, 15, 8));

	shopRows.forEach((shop, shopIndex) => {
		const words = TRADES[shop.trade] ?? TRADES.grocery;
		const share = Math.floor(missing / shopRows.length) + (shopIndex < missing % shopRows.length ? 1 : 0);
		// Every (base, qualifier, style) combination once, in a seeded order; a numbered series past that.
		const combos: [number, number, number][] = [];
		for (let b = 0; b < words.bases.length; b++)
			for (let q = 0; q < words.qualifiers.length; q++) for (let s = 0; s < STYLES.length; s++) combos.push([b, q, s]);
		shuffle(combos, random);
		let made = 0;
		for (let attempt = 0; made < share && attempt < share * 3 + 1000; attempt++) {
			const [b, q, s] = combos[attempt % combos.length];
			const series = Math.floor(attempt / combos.length);
			const [baseName, kind, unit, vat, minCents, maxCents] = words.bases[b];
			const name = `${baseName} ${words.qualifiers[q]} ${STYLES[s]}${series ? ` — série ${series + 1}` : ''}`;
			const slug = slugify(name);
			if (taken.has(`${shop.id}/${slug}`)) continue;
			taken.add(`${shop.id}/${slug}`);
			made++;
			const productId = random.uuid();
			const labels = words.labels.length && random.chance(0.22) ? [random.pick(words.labels)] : [];
			const firstMonth = random.int(1, 12);
			const description = [
				`${baseName} ${words.qualifiers[q]}.`,
				random.pick(words.sentences),
				random.pick(words.sentences),
				random.pick(CLOSERS)
			]
				.filter(Boolean)
				.join(' ');
			products.push({
				id: productId,
				producerId: shop.producer_id,
				shopId: shop.id,
				territoryId: territory.id,
				categoryId: shop.category_id,
				slug,
				name,
				description,
				ingredients: null,
				unit,
				vatRateBps: vat,
				allergens: words.allergens.filter(() => random.chance(0.5)),
				labels,
				storage: words.storage,
				origin: random.pick(ORIGINS),
				imageUrl: `/illustrations/${kind}/${slug}.svg`,
				imageAlt: name,
				seasonalMonths: words.seasonal ? Array.from({ length: random.int(3, 6) }, (_, i) => ((firstMonth + i - 1) % 12) + 1) : null,
				status: 'active',
				createdAt,
				updatedAt: createdAt
			});
			const price = random.int(minCents, maxCents);
			variantSizes(unit, random).forEach((size, position) => {
				const variantId = random.uuid();
				variants.push({
					id: variantId,
					productId,
					name: size.name,
					sku: `BN-${shopIndex + 1}-${made}-${position + 1}`,
					priceCents: Math.max(10, Math.round((price * size.factor) / 10) * 10),
					netQuantity: size.net,
					netUnit: size.netUnit,
					stockMode: 'tracked',
					stock,
					position
				});
				movements.push({ id: random.uuid(), variantId, shopId: shop.id, delta: stock, reason: 'initial', createdAt });
			});
		}
	});

	// One JSON parameter per statement, unpacked by json_to_recordset: far faster than thousands of
	// bound parameters, and the same on both engines.
	await db.transaction(async (tx) => {
		for (let i = 0; i < products.length; i += 4000) {
			const rows = JSON.stringify(products.slice(i, i + 4000));
			await tx.execute(sql`
				insert into products (id, shop_id, territory_id, category_id, slug, name, description, ingredients, unit,
					vat_rate_bps, allergens, labels, storage, origin, image_url, image_alt, seasonal_months, status, created_at, updated_at)
				select id, "shopId", "territoryId", "categoryId", slug, name, description, ingredients, unit::selling_unit,
					"vatRateBps", allergens, labels, storage, origin, "imageUrl", "imageAlt", "seasonalMonths", status::product_status, "createdAt", "updatedAt"
				from json_to_recordset(${rows}::json) as r(id uuid, "shopId" uuid, "territoryId" uuid, "categoryId" uuid, "producerId" uuid,
					slug text, name text, description text, ingredients text, unit text, "vatRateBps" int, allergens text[], labels text[],
					storage text, origin text, "imageUrl" text, "imageAlt" text, "seasonalMonths" int[], status text,
					"createdAt" timestamptz, "updatedAt" timestamptz)`);
			// The shop's own producer is each product's origin (traceability facts refreshed below).
			await tx.execute(sql`
				insert into product_producers (product_id, producer_id, position)
				select id, "producerId", 0 from json_to_recordset(${rows}::json) as r(id uuid, "producerId" uuid) where "producerId" is not null`);
		}
		for (let i = 0; i < variants.length; i += 10000) {
			const rows = JSON.stringify(variants.slice(i, i + 10000));
			await tx.execute(sql`
				insert into variants (id, product_id, name, sku, price_cents, net_quantity, net_unit, stock_mode, stock, position)
				select id, "productId", name, sku, "priceCents", "netQuantity", "netUnit", "stockMode"::stock_mode, stock, position
				from json_to_recordset(${rows}::json) as r(id uuid, "productId" uuid, name text, sku text, "priceCents" int,
					"netQuantity" numeric, "netUnit" text, "stockMode" text, stock numeric, position int)`);
		}
		for (let i = 0; i < movements.length; i += 10000) {
			const rows = JSON.stringify(movements.slice(i, i + 10000));
			await tx.execute(sql`
				insert into stock_movements (id, variant_id, shop_id, delta, reason, created_at)
				select id, "variantId", "shopId", delta, reason, "createdAt"
				from json_to_recordset(${rows}::json) as r(id uuid, "variantId" uuid, "shopId" uuid, delta numeric, reason text, "createdAt" timestamptz)`);
		}
	});
	await refreshProductFacts(db, { territoryId: territory.id });
	await db.execute(sql`analyze products, variants, stock_movements, shops, slots`);
	return {
		territoryId: territory.id,
		before: Number(before),
		after: Number(before) + products.length,
		added: products.length,
		variants: variants.length,
		ms: performance.now() - started
	};
}
