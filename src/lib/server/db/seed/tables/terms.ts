import { euros } from '../../../../format.ts';
import { POSTCODE, TOWN } from './territory.ts';
import type { DeliveryZoneRow, ShopRow, Trade } from './types.ts';

/** What the withdrawal right leaves out: every product, some of them, or none (Code de la consommation, L221-28). */
type Perishable = 'all' | 'some' | 'none';

const PERISHABLE: Record<Trade, Perishable> = {
	bakery: 'all',
	pastry: 'all',
	butcher: 'all',
	greengrocer: 'all',
	cheesemonger: 'all',
	fishmonger: 'all',
	market_gardener: 'all',
	livestock_farmer: 'all',
	dairy_producer: 'all',
	caterer: 'all',
	florist: 'all',
	grocery: 'some',
	beekeeper: 'some',
	chocolatier: 'some',
	wine_shop: 'none',
	bookshop: 'none'
};

/** Trades whose products can be paid with titres-restaurant (food, not alcohol). */
const MEAL_VOUCHERS = new Set<Trade>([
	'bakery',
	'pastry',
	'butcher',
	'greengrocer',
	'cheesemonger',
	'fishmonger',
	'market_gardener',
	'livestock_farmer',
	'dairy_producer',
	'caterer',
	'grocery',
	'beekeeper',
	'chocolatier'
]);

export type TermsInput = {
	shop: ShopRow;
	siret: string;
	vatNumber: string;
	email: string;
	/** Names of the pickup points the shop brings its orders to. */
	pickupPointNames: string[];
};

function zoneLine(zone: DeliveryZoneRow): string {
	const where =
		zone.radiusKm !== undefined
			? `dans un rayon de ${zone.radiusKm} km autour de la boutique`
			: `${zone.name} (${zone.postcodes.join(', ')})`;
	return `  - ${where} : ${euros(zone.feeCents)} de frais de livraison, dès ${euros(zone.minOrderCents)} d'achat ;`;
}

/**
 * The terms of sale of a demo shop, in French: who sells, ordering, prices, pickup and delivery,
 * payment on handover, the withdrawal right and its exclusions (L221-28), warranties and claims.
 */
export function termsOfSale({ shop, siret, vatNumber, email, pickupPointNames }: TermsInput): string {
	const seller = shop.legalName;
	const perishable = PERISHABLE[shop.trade];
	const byWeight = shop.products.some((product) => product.unit === 'kg');
	const offersPickup = shop.offersPickup ?? true;

	const order = [
		`La commande est ferme après sa validation et l'acceptation des présentes conditions. ${seller} la confirme par courriel ; un produit devenu indisponible est retiré de la commande et n'est pas facturé.`,
		shop.minOrderCents > 0 ? `Le montant minimum de commande est de ${euros(shop.minOrderCents)}.` : ''
	];
	const prices = [
		'Les prix sont indiqués en euros, toutes taxes comprises.',
		byWeight
			? 'Les produits vendus au poids sont facturés au poids réellement pesé lors de la préparation, dans la limite de 10 % au-dessus du poids commandé.'
			: '',
		shop.delivery ? 'Les frais de livraison sont indiqués avant la validation de la commande.' : ''
	];

	const handover: string[] = [];
	if (offersPickup) handover.push(`- Retrait à la boutique, ${shop.address}, ${POSTCODE} ${TOWN}, sur le créneau choisi.`);
	if (pickupPointNames.length > 0)
		handover.push(`- Retrait au point de retrait choisi (${pickupPointNames.join(' ; ')}), sur le créneau choisi.`);
	if (shop.delivery) {
		const zones = shop.delivery.zones.map(zoneLine);
		zones[zones.length - 1] = zones[zones.length - 1].replace(/ ;$/, '.');
		handover.push(`- Livraison par nos soins, sur le créneau choisi :`, ...zones);
	}
	const handoverNotes = [
		shop.delivery ? "En cas d'absence sur le créneau de livraison, nous vous appelons pour convenir d'un nouveau passage." : '',
		perishable !== 'none' ? 'Une commande non retirée reste due ; les produits frais ne sont pas conservés au-delà du jour du créneau.' : ''
	].filter(Boolean);

	const payment = [
		`Le paiement se fait au retrait ou à la livraison, par carte bancaire, espèces ou chèque${MEAL_VOUCHERS.has(shop.trade) ? ', ou en titres-restaurant pour les produits alimentaires' : ''} ; rien n'est débité à la commande.`,
		shop.trade === 'wine_shop'
			? "La vente d'alcool est interdite aux mineurs (article L3342-1 du Code de la santé publique) : une pièce d'identité peut être demandée au retrait ou à la livraison. L'abus d'alcool est dangereux pour la santé, à consommer avec modération."
			: ''
	];

	const withdrawal14 = `vous disposez de 14 jours à compter du retrait ou de la livraison pour vous rétracter sans motif, en l'écrivant à ${email} ; les produits sont rapportés intacts, à vos frais, et remboursés dans les 14 jours (articles L221-18 et suivants du Code de la consommation).`;
	const withdrawal = {
		all: `Conformément à l'article L221-28 du Code de la consommation, le droit de rétractation ne s'applique pas aux biens susceptibles de se détériorer ou de se périmer rapidement (4°), ni aux biens confectionnés selon vos spécifications ou nettement personnalisés (3°) : c'est le cas des produits de ce commerce.`,
		some: `Le droit de rétractation ne s'applique pas aux denrées susceptibles de se détériorer ou de se périmer rapidement, aux produits confectionnés selon vos spécifications, ni aux produits descellés qui ne peuvent être repris pour des raisons d'hygiène (article L221-28, 3°, 4° et 5°, du Code de la consommation). Pour les autres produits, ${withdrawal14}`,
		none: `Sauf pour les produits confectionnés selon vos spécifications ou personnalisés (article L221-28, 3°, du Code de la consommation), ${withdrawal14}`
	}[perishable];

	const claims = [
		'Les produits bénéficient de la garantie légale de conformité (articles L217-3 et suivants du Code de la consommation) et de la garantie des vices cachés (articles 1641 et suivants du Code civil).',
		`Signalez tout produit manquant ou non conforme ${perishable === 'none' ? '' : 'dès le retrait ou la livraison, et au plus tard sous 48 heures pour les produits frais, '}au ${shop.phone} ou à ${email} : il est remplacé ou remboursé.`,
		"À défaut d'accord amiable, vous pouvez recourir gratuitement au médiateur de la consommation désigné par l'association Commerces de Saint-Aubin (coordonnées sur demande à contact@saint-aubin.demo). Les présentes conditions sont soumises au droit français."
	];

	const paragraph = (title: string, lines: string[]) => `**${title}.** ${lines.filter(Boolean).join(' ')}`;
	return [
		`# Conditions générales de vente — ${shop.name}`,
		paragraph('1. Vendeur', [
			`Les produits de cette boutique sont vendus par ${seller}, ${shop.address}, ${POSTCODE} ${TOWN}, SIRET ${siret}, TVA intracommunautaire ${vatNumber}. Contact : ${shop.owner}, ${shop.phone}, ${email}.`,
			"Le site Échoppe Saint-Aubin, édité par l'association Commerces de Saint-Aubin, met le client en relation avec le vendeur ; il n'est pas partie à la vente."
		]),
		paragraph('2. Commande', order),
		paragraph('3. Prix', prices),
		[`**4. Retrait et livraison.**`, handover.join('\n'), handoverNotes.join(' ')].filter(Boolean).join('\n\n'),
		paragraph('5. Paiement', payment),
		paragraph('6. Droit de rétractation', [withdrawal]),
		paragraph('7. Garanties et réclamations', claims)
	].join('\n\n');
}
