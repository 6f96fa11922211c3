import type { RequestEvent } from '@sveltejs/kit';
import { appContext } from '../runtime.ts';
import type { AccountContext } from '../auth/accounts.ts';

/** What account actions need from a request: database, auth, headers, language, client address. */
export async function accountContext(event: RequestEvent): Promise<AccountContext> {
	const { db, auth } = await appContext();
	return { db, auth, headers: event.request.headers, locale: event.locals.locale, clientAddress: clientAddress(event) };
}

export function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** Only same-site paths are followed after sign-in: never an open redirect. */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
	return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : fallback;
}
