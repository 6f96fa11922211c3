import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';

// Server-side request forgery guard: a merchant's webhook URL must not make our server call
// itself, the database or the hosting provider's metadata service. Only http(s); addresses that
// are not public are refused, both when the URL is saved (an IP literal, `localhost`) and when it
// is called (every address the name resolves to, checked in the connection's own lookup, so a
// name that changes its answer between the two checks gains nothing).

const blocked = new BlockList();
for (const [net, prefix] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.0.0.0', 24],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['224.0.0.0', 4],
	['240.0.0.0', 4]
] as const)
	blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
	['::', 128],
	['::1', 128],
	['64:ff9b::', 96],
	['fc00::', 7],
	['fe80::', 10],
	['ff00::', 8]
] as const)
	blocked.addSubnet(net, prefix, 'ipv6');

/** Loopback, private, link-local, shared, multicast or unspecified: not a public address. */
export function isPrivateAddress(address: string): boolean {
	const family = isIP(address);
	if (family === 4) return blocked.check(address, 'ipv4');
	if (family === 6) return blocked.check(address, 'ipv6');
	return true;
}

/** Why a webhook URL is refused, or null. Checks what can be checked without the network. */
export function urlProblem(raw: string, allowPrivate: boolean): 'scheme' | 'credentials' | 'private' | null {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return 'scheme';
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
	if (url.username || url.password) return 'credentials';
	if (allowPrivate) return null;
	const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return 'private';
	if (isIP(host) && isPrivateAddress(host)) return 'private';
	return null;
}

export class PrivateAddressError extends Error {}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses names resolving to a non-public address. */
export function guardedLookup(allowPrivate: boolean) {
	return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback) => {
		dnsLookup(hostname, { family: options.family ?? 0, all: true }, (err, addresses) => {
			if (err) return callback(err, []);
			if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) {
				return callback(new PrivateAddressError(`${hostname} resolves to a non-public address`), []);
			}
			if (options.all) return callback(null, addresses);
			callback(null, addresses[0].address, addresses[0].family);
		});
	};
}
