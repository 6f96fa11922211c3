import { illustrationSvg } from '#lib/server/catalog/illustration.ts';

/** Generated product and shop pictures of the demo (drawn, nothing downloaded); cached a day. */
export const GET = ({ params }) => {
	const seed = params.seed.replace(/\.svg$/, '').slice(0, 120);
	const kind = params.kind.slice(0, 40);
	return new Response(illustrationSvg(kind, seed), {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'cache-control': 'public, max-age=86400',
			// An SVG opened directly runs no script and loads nothing.
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'"
		}
	});
};
