import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Checks a DFC JSON-LD document against the vendored published structure (tests/fixtures/dfc):
 * every node's `@type` is a known DFC class, its required properties are there, every property
 * is one the class has and a term the published context defines (its prefix), and every value
 * has the right kind (text, number, reference declared `@type: @id` in the context, embedded node
 * of the right class). References inside the document must point to a node of the right class.
 */
const dir = join(import.meta.dirname, '../fixtures/dfc');
const context = JSON.parse(readFileSync(join(dir, 'context_1.16.0.json'), 'utf8'))['@context'] as Record<string, unknown>;
type Shape = { anonymous: boolean; required: string[]; properties: Record<string, string> };
const shapesFile = JSON.parse(readFileSync(join(dir, 'shapes.json'), 'utf8')) as Record<string, unknown>;
const units = shapesFile.units as string[];
const shapes = Object.fromEntries(Object.entries(shapesFile).filter(([k]) => k.startsWith('dfc-b:'))) as Record<string, Shape>;

type Node = Record<string, unknown>;

const prefixDefined = (term: string) => {
	const [prefix] = term.split(':');
	return typeof context[prefix] === 'string';
};
const declaredId = (property: string) => (context[property] as { '@type'?: string } | undefined)?.['@type'] === '@id';
const isIri = (v: string) => /^https?:\/\/\S+$/.test(v) || (/^[a-z][\w-]*:\S+$/i.test(v) && prefixDefined(v));

export function validateDfc(doc: Node, options: { strictReferences?: boolean } = {}): string[] {
	const strict = options.strictReferences ?? true;
	const problems: string[] = [];
	const top = (Array.isArray(doc['@graph']) ? doc['@graph'] : [doc]) as Node[];
	const byId = new Map(top.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]));
	const check = (node: Node, where: string) => {
		const type = node['@type'];
		const shape = typeof type === 'string' ? shapes[type] : undefined;
		if (!shape) return void problems.push(`${where}: unknown @type ${JSON.stringify(type)}`);
		if (!shape.anonymous && (typeof node['@id'] !== 'string' || !isIri(node['@id'] as string)))
			problems.push(`${where}: ${type} without an IRI @id`);
		for (const r of shape.required) if (!(r in node)) problems.push(`${where}: ${type} lacks ${r}`);
		for (const [key, raw] of Object.entries(node)) {
			if (key === '@id' || key === '@type' || key === '@context') continue;
			if (!prefixDefined(key)) problems.push(`${where}: ${key} is not a term of the DFC context`);
			const kind = shape.properties[key];
			if (!kind) {
				problems.push(`${where}: ${type} has no property ${key}`);
				continue;
			}
			for (const value of [raw].flat()) {
				const at = `${where}.${key}`;
				if (kind === 'string') {
					if (typeof value !== 'string') problems.push(`${at}: expected text, got ${JSON.stringify(value)}`);
				} else if (kind === 'number') {
					if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${at}: expected a number, got ${JSON.stringify(value)}`);
				} else if (typeof value === 'object' && value !== null && '@type' in value) {
					const expected = kind.startsWith('node:') ? kind.slice(5) : null;
					if (expected && (value as Node)['@type'] !== expected) problems.push(`${at}: expected an embedded ${expected}`);
					check(value as Node, at);
				} else {
					const id = typeof value === 'string' ? value : (value as Node | null)?.['@id'];
					if (typeof id !== 'string' || !isIri(id)) problems.push(`${at}: expected a reference, got ${JSON.stringify(value)}`);
					else if (strict && typeof value === 'string' && !declaredId(key)) problems.push(`${at}: the context does not type ${key} as @id`);
					else if (key === 'dfc-b:hasUnit' && !units.includes(id)) problems.push(`${at}: unknown unit ${id}`);
					else if (kind.startsWith('node:') && byId.has(id) && byId.get(id)!['@type'] !== kind.slice(5))
						problems.push(`${at}: ${id} is not a ${kind.slice(5)}`);
					else if (strict && kind.startsWith('node:') && id.includes('#') && !byId.has(id))
						problems.push(`${at}: dangling reference ${id}`);
				}
			}
		}
	};
	top.forEach((node, i) => check(node, `@graph[${i}]`));
	return problems;
}
