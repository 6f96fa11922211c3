import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { s3Storage, storageFromConfig, type MediaStorage } from './storage.ts';
import { readConfig } from '../config.ts';

// A tiny S3 stand-in on 127.0.0.1: path-style PUT/GET/DELETE of objects kept in a Map. It checks
// what our adapter must send (bucket in the path, a signed request, the content type), nothing more.
const objects = new Map<string, { body: Buffer; type: string; cache: string }>();
const seen: { method: string; url: string; auth: string }[] = [];
let server: Server;
let storage: MediaStorage;

beforeAll(async () => {
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
			seen.push({ method: req.method!, url: path, auth: String(req.headers.authorization ?? '') });
			if (req.method === 'PUT') {
				objects.set(path, {
					body: Buffer.concat(chunks),
					type: String(req.headers['content-type']),
					cache: String(req.headers['cache-control'])
				});
				res.writeHead(200, { etag: '"1"' }).end();
			} else if (req.method === 'GET') {
				const o = objects.get(path);
				if (!o) {
					res.writeHead(404, { 'content-type': 'application/xml' });
					res.end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>no</Message></Error>');
					return;
				}
				res.writeHead(200, { 'content-type': o.type, 'content-length': o.body.length }).end(o.body);
			} else if (req.method === 'DELETE') {
				objects.delete(path);
				res.writeHead(204).end();
			} else res.writeHead(405).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	storage = s3Storage({
		bucket: 'photos',
		endpoint: `http://127.0.0.1:${port}`,
		region: 'fr-par',
		accessKeyId: 'test-key',
		secretAccessKey: 'test-secret'
	});
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('s3Storage', () => {
	it('puts, gets and deletes objects in the bucket, signed', async () => {
		const bytes = new Uint8Array([1, 2, 3, 4]);
		await storage.put('abc-320.webp', bytes, 'image/webp');
		const stored = objects.get('/photos/abc-320.webp')!;
		expect(stored.type).toBe('image/webp');
		expect(stored.cache).toMatch(/immutable/);
		expect([...stored.body]).toEqual([1, 2, 3, 4]);
		expect(seen.at(-1)!.auth).toMatch(/^AWS4-HMAC-SHA256 Credential=test-key\//);
		expect([...(await storage.get('abc-320.webp'))!]).toEqual([1, 2, 3, 4]);
		expect(await storage.get('missing-320.webp')).toBeNull();
		await storage.delete('abc-320.webp');
		expect(objects.has('/photos/abc-320.webp')).toBe(false);
		expect(storage.url('abc-320.webp')).toBe('/media/abc-320.webp');
	});

	it('refuses keys with a path', async () => {
		await expect(storage.put('../other/x.webp', new Uint8Array(1), 'image/webp')).rejects.toThrow(/invalid media key/);
	});

	it('links to the public bucket URL when configured, and is chosen by S3_BUCKET', () => {
		const config = readConfig({ S3_BUCKET: 'b', S3_ENDPOINT: 'http://127.0.0.1:9', S3_PUBLIC_URL: 'http://127.0.0.1:9/b/' });
		expect(storageFromConfig(config).url('k-640.webp')).toBe('http://127.0.0.1:9/b/k-640.webp');
		expect(storageFromConfig(readConfig({ DATA_DIR: '/tmp/x' })).url('k-640.webp')).toBe('/media/k-640.webp');
	});
});
