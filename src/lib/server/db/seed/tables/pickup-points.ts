import type { PickupPointRow } from './types.ts';
import { FRI, MON, SAT, SUN, TUE_TO_SAT, WED, hours } from './hours.ts';

/** The shared pickup points of Saint-Aubin-sur-Loire, run by the town and a partner shop. */
export const pickupPoints: PickupPointRow[] = [
	{
		key: 'mairie',
		name: 'Mairie de Saint-Aubin — accueil',
		description:
			"Vos commandes vous attendent à l'accueil de la mairie, aux heures de permanence. Les produits frais sont gardés dans une armoire réfrigérée ; présentez le numéro de commande reçu par courriel. Accès de plain-pied par la cour.",
		address: "1 place de l'Hôtel de Ville",
		latitude: 47.3909,
		longitude: 0.9797,
		openingHours: [...hours(TUE_TO_SAT, ['10:00', '12:00']), ...hours([WED, FRI], ['16:00', '19:00'])],
		slotMinutes: 60,
		slotCapacity: 15
	},
	{
		key: 'halle',
		name: 'Halle du marché',
		description:
			"Au stand d'accueil de l'association Commerces de Saint-Aubin, sous la halle, pendant le marché du mercredi soir et du samedi matin. Vitrine réfrigérée pour les produits frais, sacs consignés à rapporter.",
		address: 'Place du Marché',
		latitude: 47.3894,
		longitude: 0.98,
		openingHours: [...hours([SAT], ['08:00', '13:00']), ...hours([WED], ['16:00', '19:00'])],
		slotMinutes: 60,
		slotCapacity: 20
	},
	{
		key: 'tabac-de-la-gare',
		name: 'Point relais — Tabac-presse de la Gare',
		description:
			'Face à la gare, le tabac-presse de Nadine et Gérard garde vos commandes de pain, d’épicerie, de boissons et de livres, tôt le matin et jusqu’au soir, même le dimanche matin. Pas de produits à conserver au froid.',
		address: '1 avenue de la Gare',
		latitude: 47.3866,
		longitude: 0.9848,
		openingHours: [...hours([MON, ...TUE_TO_SAT], ['08:00', '12:00'], ['16:00', '19:00']), ...hours([SUN], ['08:00', '12:00'])],
		slotMinutes: 60,
		slotCapacity: 10
	}
];
