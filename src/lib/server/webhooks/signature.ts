import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Every delivery is signed: `Echoppe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
// "<t>.<raw body>")>`. The receiver recomputes it over the bytes it received and compares in
// constant time; the timestamp lets it refuse old replays (docs/api.md shows how).

export const newWebhookSecret = () => 'whsec_' + randomBytes(24).toString('base64url');

export function signatureHeader(secret: string, body: string, at = new Date()): string {
	const t = Math.floor(at.getTime() / 1000);
	return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** The receiver's side, as documented: true when the signature matches and is recent enough. */
export function verifySignature(header: string, secret: string, body: string, toleranceSeconds = 300, now = new Date()): boolean {
	const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
	const t = Number(parts.t);
	if (!Number.isInteger(t) || !parts.v1) return false;
	if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
	const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
	const given = Buffer.from(parts.v1, 'hex');
	return given.length === expected.length && timingSafeEqual(given, expected);
}
