import type { CategoryKey } from './types.ts';

export const TOWN = 'Saint-Aubin-sur-Loire';
/** A made-up postcode in the Indre-et-Loire style. */
export const POSTCODE = '37285';

/** Made-up villages around the town, with made-up postcodes of the same style (delivery zones). */
export const NEIGHBOURS = {
	saintMartin: { name: 'Saint-Martin-des-Coteaux', postcode: '37286' },
	varennes: { name: 'Les Varennes-sur-Loire', postcode: '37287' },
	chapelle: { name: 'La Chapelle-aux-Bois', postcode: '37288' }
} as const;

export const territory = {
	slug: 'saint-aubin',
	name: TOWN,
	tagline: 'Les commerces et producteurs de Saint-Aubin, à deux pas de chez vous',
	timezone: 'Europe/Paris',
	primaryColor: '#1f6f50',
	latitude: 47.39,
	longitude: 0.98,
	commissionBps: 0,
	autoApproveShops: false,
	legal: {
		notice: `# Mentions légales

Le site « Échoppe Saint-Aubin » est édité par l'association **Commerces de Saint-Aubin**, association loi 1901 déclarée en préfecture d'Indre-et-Loire, dont le siège est situé en mairie, 1 place de l'Hôtel de Ville, ${POSTCODE} ${TOWN}.

- Directrice de la publication : Martine Aubry-Lenoir, présidente de l'association.
- Contact : contact@saint-aubin.demo — 02 47 00 12 34.
- Hébergement : serveur de la commune de ${TOWN}, 1 place de l'Hôtel de Ville, ${POSTCODE} ${TOWN}.

Chaque commerce reste vendeur des produits qu'il propose ; son identité (raison sociale, SIRET, numéro de TVA) figure sur sa page et sur chaque facture.

Les illustrations sont générées par le logiciel libre Échoppe.`,
		terms: `# Conditions générales de vente

**1. Objet.** Le site met en relation les habitants de ${TOWN} et les commerces et producteurs du territoire. Chaque commande est passée auprès d'un commerce, qui en est le vendeur.

**2. Commande.** La commande est ferme après validation du panier et acceptation des présentes conditions. Le commerce confirme la commande ; il peut la refuser en cas d'indisponibilité, et le client en est averti par courriel.

**3. Prix.** Les prix sont indiqués en euros, toutes taxes comprises. Pour les produits vendus au poids, le prix final est calculé sur la quantité pesée lors de la préparation, dans la limite de la tolérance annoncée à la commande.

**4. Retrait et livraison.** Les commandes se retirent au commerce sur le créneau choisi, ou sont livrées par la tournée du territoire lorsque le commerce la propose.

**5. Paiement.** Selon le commerce : au retrait (espèces, carte, titres-restaurant) ou en ligne par carte bancaire.

**6. Rétractation.** Conformément à l'article L221-28 du Code de la consommation, le droit de rétractation ne s'applique pas aux denrées périssables ni aux biens confectionnés selon les spécifications du client.

**7. Réclamations et médiation.** Toute réclamation est adressée au commerce concerné. À défaut d'accord, le client peut recourir gratuitement au médiateur de la consommation dont relève le commerce.`,
		privacy: `# Politique de confidentialité

**Responsable de traitement.** L'association Commerces de Saint-Aubin, pour la plateforme ; chaque commerce, pour les commandes qu'il reçoit.

**Données collectées.** Nom, courriel, téléphone et, le cas échéant, adresse de livraison : uniquement ce qui est nécessaire pour préparer et remettre vos commandes, et vous en informer.

**Durée de conservation.** Le compte est conservé tant qu'il est utilisé, puis supprimé après trois ans d'inactivité. Les factures sont conservées dix ans, comme la loi l'exige, sous une forme anonymisée lorsque le compte est supprimé.

**Cookies.** Le site n'utilise que des cookies de fonctionnement (session, panier, langue) : aucun cookie de mesure d'audience ni de publicité, aucun script tiers.

**Vos droits.** Vous pouvez télécharger vos données et supprimer votre compte depuis votre espace personnel, ou écrire à contact@saint-aubin.demo. Vous pouvez aussi saisir la CNIL (www.cnil.fr).`
	}
};

export const categories: { key: CategoryKey; name: string }[] = [
	{ key: 'boulangerie-patisserie', name: 'Boulangerie & pâtisserie' },
	{ key: 'boucherie-charcuterie', name: 'Boucherie & charcuterie' },
	{ key: 'fruits-legumes', name: 'Fruits & légumes' },
	{ key: 'cremerie-fromages', name: 'Crèmerie & fromages' },
	{ key: 'oeufs-produits-laitiers', name: 'Œufs & produits laitiers' },
	{ key: 'poissonnerie', name: 'Poissonnerie' },
	{ key: 'traiteur', name: 'Traiteur' },
	{ key: 'epicerie', name: 'Épicerie' },
	{ key: 'miel-confitures', name: 'Miel & confitures' },
	{ key: 'chocolats-confiseries', name: 'Chocolats & confiseries' },
	{ key: 'cave-boissons', name: 'Cave & boissons' },
	{ key: 'fleurs-plantes', name: 'Fleurs & plantes' },
	{ key: 'librairie', name: 'Librairie' }
];
