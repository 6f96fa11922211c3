import { expect } from 'vitest';

/**
 * A JSON API client for HTTP tests: `api()` sends JSON (English messages, an optional Bearer
 * token), `ok()` and `problem()` read the answer and fail the test with its text when the status
 * is not the expected one.
 */
export function jsonApi(base: () => string) {
	function api(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
		return fetch(base() + path, {
			method,
			headers: {
				'content-type': 'application/json',
				'accept-language': 'en',
				...(token ? { authorization: `Bearer ${token}` } : {}),
				...headers
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
		});
	}

	async function ok<T = Record<string, unknown>>(r: Response, status = 200): Promise<T> {
		const text = await r.text();
		expect(r.status, text.slice(0, 500)).toBe(status);
		return (text ? JSON.parse(text) : null) as T;
	}

	async function problem(r: Response, status: number) {
		const text = await r.text();
		expect(r.status, text.slice(0, 500)).toBe(status);
		expect(r.headers.get('content-type')).toContain('application/problem+json');
		return JSON.parse(text) as { title: string; errors?: Record<string, string[]>; conflicts?: unknown };
	}

	return { api, ok, problem };
}

/** Waits until `check()` holds, polling every 100 ms; false when `ms` went by first. */
export async function until(check: () => boolean, ms: number): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) return false;
		await new Promise((r) => setTimeout(r, 100));
	}
	return true;
}
