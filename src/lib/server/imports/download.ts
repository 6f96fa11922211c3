const TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** A file to save: dated name for exports, private (a catalogue with stock is the shop's business). */
export function download(bytes: Uint8Array, name: string, kind: keyof typeof TYPES, dated = true): Response {
	const date = new Date().toISOString().slice(0, 10);
	const filename = dated ? `${name}-${date}.${kind}` : `${name}.${kind}`;
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': TYPES[kind],
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
