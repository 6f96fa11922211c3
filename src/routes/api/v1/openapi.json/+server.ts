import { apiDocument } from '#lib/server/http/api-document.ts';
import { json } from '#lib/server/http/problem.ts';

export const GET = () => json(apiDocument(), { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } });
