import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';

// Every UI string exists in French and in English: the message files listed in the inlang project
// (one per area) must have the same keys in both languages, none empty, and no key defined twice
// across areas (Paraglide would silently keep one of them).
const root = resolve(import.meta.dirname, '../..');
const settings = JSON.parse(readFileSync(resolve(root, 'project.inlang/settings.json'), 'utf8'));
const patterns: string[] = [settings['plugin.inlang.messageFormat'].pathPattern].flat();

function messages(pattern: string, locale: string): Record<string, string> {
	const file = resolve(root, 'project.inlang', '..', pattern.replace('{locale}', locale));
	const { $schema: _schema, ...entries } = JSON.parse(readFileSync(file, 'utf8'));
	return entries;
}

describe('messages', () => {
	it.each(patterns)('%s has the same keys in French and English, none empty', (pattern) => {
		const fr = messages(pattern, 'fr');
		const en = messages(pattern, 'en');
		expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
		const empty = [...Object.entries(fr), ...Object.entries(en)].filter(([, v]) => (typeof v === 'string' ? !v.trim() : v == null));
		expect(empty.map(([k]) => k)).toEqual([]);
	});

	it('defines each key in one area only', () => {
		const seen = new Map<string, string>();
		const twice: string[] = [];
		for (const pattern of patterns) {
			for (const key of Object.keys(messages(pattern, 'fr'))) {
				if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${dirname(pattern)})`);
				seen.set(key, dirname(pattern));
			}
		}
		expect(twice).toEqual([]);
	});
});
