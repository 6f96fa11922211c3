import type { PageServerLoad } from './$types';
import { apiDocument } from '#lib/server/http/api-document.ts';
import { outline } from '#lib/server/http/openapi.ts';

// Reference text only: rendered on the server, no JavaScript shipped.
export const csr = false;

export const load: PageServerLoad = () => ({ api: outline(apiDocument()) });
