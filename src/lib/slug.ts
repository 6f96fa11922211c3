const MAX_LENGTH = 80;

/** Letters that Unicode decomposition does not split into a base letter and an accent. */
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l' };

/**
 * A URL-safe identifier from a name: "Pâtisserie Les Délices de Léonie" → "patisserie-les-delices-de-leonie".
 * Accents are removed, every run of other characters becomes one hyphen, at most 80 characters,
 * never a leading or trailing hyphen.
 */
export function slugify(text: string): string {
	const slug = text
		.replace(/[œŒæÆßøØłŁ]/g, (letter) => LIGATURES[letter])
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return slug.slice(0, MAX_LENGTH).replace(/-+$/, '');
}
