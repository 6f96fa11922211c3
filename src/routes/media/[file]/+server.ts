import { error } from '@sveltejs/kit';
import { mediaStorage } from '#lib/server/media/storage.ts';

/** Only names the uploader writes: `<uuid>-<width>.webp`. Anything else (dots, slashes, `..`) is a 404. */
const FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-\d{1,4}\.webp$/;

/**
 * Uploaded photos. A stored file never changes (a replaced photo gets a new name), so it is
 * cached for a year as immutable.
 */
export const GET = async ({ params }) => {
	if (!FILE.test(params.file)) error(404, 'not found');
	const bytes = await mediaStorage().get(params.file);
	if (!bytes) error(404, 'not found');
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'image/webp',
			'content-length': String(bytes.byteLength),
			'cache-control': 'public, max-age=31536000, immutable',
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'"
		}
	});
};
