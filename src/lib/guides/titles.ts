// Guide titles in the current language. An explicit map (not a lookup by computed key) so the
// bundler ships only these messages with the pages that link a guide.
import {
	guide_title_allergenes_etiquetage,
	guide_title_etre_paye,
	guide_title_fiche_produit,
	guide_title_horaires_creneaux,
	guide_title_mentions_legales_cgv,
	guide_title_photos_produits,
	guide_title_preparer_commandes,
	guide_title_prix_unitaires
} from '../paraglide/messages.js';
import type { GuideSlug } from './slugs.ts';

export const guideTitles: Record<GuideSlug, () => string> = {
	'photos-produits': guide_title_photos_produits,
	'fiche-produit': guide_title_fiche_produit,
	'prix-unitaires': guide_title_prix_unitaires,
	'horaires-creneaux': guide_title_horaires_creneaux,
	'allergenes-etiquetage': guide_title_allergenes_etiquetage,
	'mentions-legales-cgv': guide_title_mentions_legales_cgv,
	'preparer-commandes': guide_title_preparer_commandes,
	'etre-paye': guide_title_etre_paye
};
