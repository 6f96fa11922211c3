// Helpers for HTTP tests: sign in through the real form action, keep the cookie.
export const DEMO_PASSWORD = 'echoppe-demo-2026';

export async function signInCookie(base: string, email: string, password = DEMO_PASSWORD): Promise<string> {
	const response = await fetch(`${base}/connexion?/password`, {
		method: 'POST',
		redirect: 'manual',
		// A browser's form post: it asks for HTML (SvelteKit answers JSON to scripted requests).
		headers: { accept: 'text/html', origin: base, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password, redirect: '/' })
	});
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
	const session = cookies.find((c) => c.startsWith('better-auth.session_token='));
	if (response.status !== 303 || !session) throw new Error(`sign-in of ${email} failed: HTTP ${response.status}`);
	return cookies.join('; ');
}

export function get(base: string, path: string, cookie?: string, headers: Record<string, string> = {}) {
	return fetch(`${base}${path}`, { redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), ...headers } });
}
