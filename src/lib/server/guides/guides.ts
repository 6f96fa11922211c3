import { marked } from 'marked';
import { GUIDE_SLUGS, isGuideSlug, type GuideSlug } from '../../guides/slugs.ts';
import { t, type Locale } from '../i18n.ts';

// The merchant guides: our own Markdown files, one per slug and language, bundled at build time
// (no file read at run time, nothing user-supplied in them). Rendered once per language.

const files = import.meta.glob('../../guides/*/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export type GuideSummary = { slug: GuideSlug; title: string; summary: string };
export type Guide = GuideSummary & { html: string };
type Indexed = GuideSummary & { markdown: string; plain: string; searchable: string; searchableTitle: string };

function source(slug: GuideSlug, locale: Locale): string {
	const text = files[`../../guides/${locale}/${slug}.md`] ?? files[`../../guides/fr/${slug}.md`];
	if (text === undefined) throw new Error(`guide ${slug} has no text`);
	return text;
}

/** Lower case without accents, so "allergene" finds "allergènes". */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The text a reader sees, without Markdown marks: what search looks in and snippets quote. */
function plainText(markdown: string): string {
	return markdown
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^#{1,6}\s+/gm, '')
		.replace(/^\s*[-*]\s+/gm, '')
		.replace(/^\s*\d+\.\s+/gm, '')
		.replace(/[*_`>|]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

const indexes = new Map<Locale, Indexed[]>();
const rendered = new Map<string, string>();

function index(locale: Locale): Indexed[] {
	let list = indexes.get(locale);
	if (!list) {
		list = GUIDE_SLUGS.map((slug) => {
			const markdown = source(slug, locale);
			const title = t(`guide_title_${slug.replaceAll('-', '_')}`, locale);
			// The first paragraph of each file is its summary.
			const summary = plainText(markdown.split(/\n\s*\n/)[0]);
			const plain = plainText(markdown);
			return { slug, title, summary, markdown, plain, searchable: fold(plain), searchableTitle: fold(title) };
		});
		indexes.set(locale, list);
	}
	return list;
}

export function listGuides(locale: Locale): GuideSummary[] {
	return index(locale).map(({ slug, title, summary }) => ({ slug, title, summary }));
}

export function getGuide(slug: string, locale: Locale): Guide | null {
	if (!isGuideSlug(slug)) return null;
	const g = index(locale).find((x) => x.slug === slug)!;
	const key = `${locale}/${slug}`;
	let html = rendered.get(key);
	if (html === undefined) {
		html = marked.parse(g.markdown, { async: false, gfm: true });
		rendered.set(key, html);
	}
	return { slug: g.slug, title: g.title, summary: g.summary, html };
}

export type GuideHit = GuideSummary & { snippet: string };

/**
 * Finds the guides whose title or text holds every word of the query (accents and case
 * ignored; words of one or two letters skipped), title matches first, then by number of hits.
 */
export function searchGuides(query: string, locale: Locale): GuideHit[] {
	const words = [...new Set(fold(query.slice(0, 200)).split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length > 2);
	if (!words.length) return [];
	const hits: (GuideHit & { score: number })[] = [];
	for (const g of index(locale)) {
		const haystack = `${g.searchableTitle} ${g.searchable}`;
		if (!words.every((w) => haystack.includes(w))) continue;
		let score = 0;
		for (const w of words) {
			if (g.searchableTitle.includes(w)) score += 100;
			score += g.searchable.split(w).length - 1;
		}
		hits.push({ slug: g.slug, title: g.title, summary: g.summary, snippet: snippet(g, words), score });
	}
	return hits.sort((a, b) => b.score - a.score).map(({ score: _score, ...hit }) => hit);
}

/** A sentence-sized extract around the first word found in the text (folding keeps offsets for Latin text). */
function snippet(g: Indexed, words: string[]): string {
	const at = Math.min(...words.map((w) => g.searchable.indexOf(w)).filter((i) => i >= 0));
	if (!Number.isFinite(at)) return g.summary;
	const start = Math.max(0, g.plain.lastIndexOf(' ', Math.max(0, at - 80)) + 1);
	const end = Math.min(g.plain.length, at + 160);
	const cut = g.plain.indexOf(' ', end);
	const text = g.plain.slice(start, cut === -1 ? g.plain.length : cut);
	return `${start > 0 ? '… ' : ''}${text}${cut !== -1 ? ' …' : ''}`;
}
