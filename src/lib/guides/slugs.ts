// The merchant guides, in reading order. Other screens link to them by slug (GuideLink), so a
// slug never changes once published; the text lives in ./fr/<slug>.md and ./en/<slug>.md.
export const GUIDE_SLUGS = [
	'photos-produits',
	'fiche-produit',
	'prix-unitaires',
	'horaires-creneaux',
	'allergenes-etiquetage',
	'mentions-legales-cgv',
	'preparer-commandes',
	'etre-paye'
] as const;

export type GuideSlug = (typeof GUIDE_SLUGS)[number];

export const isGuideSlug = (slug: string): slug is GuideSlug => (GUIDE_SLUGS as readonly string[]).includes(slug);
