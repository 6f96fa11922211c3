import type { IllustrationKind } from '../../../catalog/illustration.ts';
import type { OpeningPeriod } from '../../schema/shops.ts';

/** The 14 allergens that EU regulation 1169/2011 requires to be declared. */
export type Allergen =
	| 'gluten'
	| 'crustaceans'
	| 'eggs'
	| 'fish'
	| 'peanuts'
	| 'soybeans'
	| 'milk'
	| 'nuts'
	| 'celery'
	| 'mustard'
	| 'sesame'
	| 'sulphites'
	| 'lupin'
	| 'molluscs';

/** Quality labels: Agriculture biologique, Label Rouge, AOP/AOC, IGP, Nature & Progrès, Haute valeur environnementale. */
export type QualityLabel = 'ab' | 'label_rouge' | 'aop' | 'igp' | 'nature_progres' | 'hve';

export type SellingUnit = 'piece' | 'kg' | 'g' | 'l' | 'cl' | 'bunch' | 'dozen' | 'box';

/** VAT in basis points: 5.5 % food and books, 10 % prepared food and flowers, 20 % alcohol and goods. */
export type VatRateBps = 210 | 550 | 1000 | 2000;

export type CategoryKey =
	| 'boulangerie-patisserie'
	| 'boucherie-charcuterie'
	| 'fruits-legumes'
	| 'cremerie-fromages'
	| 'poissonnerie'
	| 'epicerie'
	| 'cave-boissons'
	| 'fleurs-plantes'
	| 'librairie'
	| 'miel-confitures'
	| 'oeufs-produits-laitiers'
	| 'traiteur'
	| 'chocolats-confiseries';

export type ProducerKey =
	| 'gaec-des-trois-chenes'
	| 'earl-du-val-de-cher'
	| 'vergers-des-coteaux'
	| 'ferme-de-la-bergerie'
	| 'domaine-des-perrieres'
	| 'domaine-de-la-butte-rouge'
	| 'pecherie-martin'
	| 'moulin-de-la-roche'
	| 'jardins-de-la-varenne'
	| 'ferme-du-bois-joli'
	| 'laiterie-des-pres-fleuris'
	| 'rucher-des-coteaux';

/** A variant: its name, price incl. VAT in cents, and the net content for the unit price. */
export type VariantRow = readonly [name: string, priceCents: number, netQuantity?: number, netUnit?: 'kg' | 'l'];

/** How stock is kept for every variant of a product; tracked (with a random stock) by default. */
export type StockRow = 'unlimited' | { onOrderDays: number };

export type ProductRow = {
	name: string;
	/** The illustration drawn for it: `/illustrations/<kind>/<slug>.svg`. */
	kind: IllustrationKind;
	unit: SellingUnit;
	vat: VatRateBps;
	description: string;
	ingredients?: string;
	allergens?: Allergen[];
	labels?: QualityLabel[];
	storage?: string;
	origin?: string;
	producer?: ProducerKey;
	/** Months (1–12) when the product is in season. */
	months?: number[];
	/** Another category than the shop's own. */
	category?: CategoryKey;
	stock?: StockRow;
	variants: VariantRow[];
};

export type Trade =
	| 'bakery'
	| 'pastry'
	| 'butcher'
	| 'greengrocer'
	| 'cheesemonger'
	| 'fishmonger'
	| 'grocery'
	| 'wine_shop'
	| 'florist'
	| 'bookshop'
	| 'market_gardener'
	| 'livestock_farmer'
	| 'dairy_producer'
	| 'beekeeper'
	| 'caterer'
	| 'chocolatier';

export type PickupPointKey = 'mairie' | 'halle' | 'tabac-de-la-gare';

/** A shared pickup point of the territory; its slug is its key. */
export type PickupPointRow = {
	key: PickupPointKey;
	name: string;
	description: string;
	address: string;
	latitude: number;
	longitude: number;
	openingHours: OpeningPeriod[];
	slotMinutes: number;
	slotCapacity: number;
};

/** A delivery zone: a list of postcodes, or a radius around the shop. */
export type DeliveryZoneRow = { name: string; feeCents: number; minOrderCents: number } & (
	{ postcodes: string[]; radiusKm?: undefined } | { radiusKm: number; postcodes?: undefined }
);

/** Delivery by the shop itself: its windows (cut into one-hour slots), orders per window, zones. */
export type DeliveryRow = { hours: OpeningPeriod[]; capacity: number; zones: DeliveryZoneRow[] };

export type ShopRow = {
	name: string;
	trade: Trade;
	legalName: string;
	owner: string;
	/** Local part of the owner's email; the shop slug when absent. */
	ownerEmail?: string;
	description: string;
	address: string;
	latitude: number;
	longitude: number;
	phone: string;
	openingHours: OpeningPeriod[];
	slotCapacity: number;
	minOrderCents: number;
	/** Pickup at the shop; true when absent (false: delivery and pickup points only). */
	offersPickup?: boolean;
	/** The shared pickup points the shop brings its orders to. */
	pickupPoints?: PickupPointKey[];
	delivery?: DeliveryRow;
	status: 'active' | 'pending';
	category: CategoryKey;
	/** When the shop sells its own production: the producer it is. */
	producer?: ProducerKey;
	products: ProductRow[];
};

export type ProducerRow = {
	key: ProducerKey;
	name: string;
	description: string;
	methods: string;
	address: string;
	city: string;
	latitude: number;
	longitude: number;
	labels: QualityLabel[];
	kind: IllustrationKind;
};
