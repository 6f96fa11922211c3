/** Liveness: the process answers. */
export const GET = () => new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
