import { describe, it, expect } from 'vitest';
import { GUIDE_SLUGS } from '../../guides/slugs.ts';
import { getGuide, listGuides, searchGuides } from './guides.ts';

const words = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.split(/\s+/)
		.filter(Boolean).length;

describe('merchant guides', () => {
	it('has every guide in French and English, 400 to 900 words, with sections and lists', () => {
		for (const locale of ['fr', 'en'] as const) {
			for (const slug of GUIDE_SLUGS) {
				const guide = getGuide(slug, locale)!;
				expect(guide.title).not.toMatch(/^guide_/);
				expect(words(guide.html), `${locale}/${slug}`).toBeGreaterThanOrEqual(400);
				expect(words(guide.html), `${locale}/${slug}`).toBeLessThanOrEqual(900);
				expect(guide.html).toContain('<h2');
				expect(guide.html).toMatch(/<[ou]l>/);
				expect(guide.summary.length).toBeGreaterThan(40);
			}
		}
		expect(listGuides('fr').map((g) => g.slug)).toEqual([...GUIDE_SLUGS]);
		expect(getGuide('photos-produits', 'en')!.html).not.toBe(getGuide('photos-produits', 'fr')!.html);
	});

	it('knows no other slug', () => {
		expect(getGuide('inconnu', 'fr')).toBeNull();
		expect(getGuide('../fr/etre-paye', 'fr')).toBeNull();
		expect(getGuide('__proto__', 'fr')).toBeNull();
	});

	it('searches titles and text, ignoring accents and case, every word required', () => {
		const allergens = searchGuides('ALLERGENE', 'fr');
		expect(allergens[0].slug).toBe('allergenes-etiquetage');
		expect(allergens.map((h) => h.slug)).toContain('fiche-produit');
		expect(searchGuides('rétractation périssables', 'fr').map((h) => h.slug)).toEqual(['mentions-legales-cgv']);
		expect(searchGuides('withdrawal perishable', 'en').map((h) => h.slug)).toEqual(['mentions-legales-cgv']);
		expect(searchGuides('balance vignette', 'fr')[0].slug).toBe('prix-unitaires');
		expect(searchGuides('zzzz introuvable', 'fr')).toEqual([]);
		expect(searchGuides('a', 'fr')).toEqual([]);
		expect(searchGuides('x'.repeat(5000), 'fr')).toEqual([]);
	});

	it('quotes the text around the first match', () => {
		const [hit] = searchGuides('vignette', 'fr');
		expect(hit.snippet.toLowerCase()).toContain('vignette');
		expect(hit.snippet.length).toBeLessThan(300);
	});
});
