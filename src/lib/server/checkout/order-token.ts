import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secret in a customer's order link. Derived from the order id with the platform secret, so
 * a replayed checkout can hand the same link out again; only its hash is stored.
 */
export function orderAccessToken(secret: string, orderId: string): string {
	return createHmac('sha256', secret).update(`order:${orderId}`).digest('base64url');
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function tokenMatches(token: string, hash: string): boolean {
	const a = Buffer.from(sha256(token), 'hex');
	const b = Buffer.from(hash, 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}
