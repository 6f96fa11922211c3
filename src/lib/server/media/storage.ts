import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { S3Client, PutObjectCommand, GetObjectCommand, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { config, type Config } from '../config.ts';

/**
 * Where uploaded images live. Keys are flat file names (`<storageKey>-<width>.webp`): the
 * `/media/<file>` route serves them, and a key with a slash or a dot-dot is refused here too,
 * so no key can reach outside the store.
 */
export type MediaStorage = {
	put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
	/** The stored bytes, or null when there is no such object. */
	get(key: string): Promise<Uint8Array | null>;
	delete(key: string): Promise<void>;
	/** The public URL of a stored object (our `/media/<key>` route unless a public bucket URL is set). */
	url(key: string): string;
};

const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9]+)?$/;

export function isValidKey(key: string): boolean {
	return key.length <= 200 && KEY.test(key);
}

function checkKey(key: string): string {
	if (!isValidKey(key)) throw new Error(`invalid media key: ${key}`);
	return key;
}

/** Files under one directory (default `<DATA_DIR>/media`), written atomically (temp file + rename). */
export function localStorage(dir: string): MediaStorage {
	const root = resolve(dir);
	const pathOf = (key: string) => {
		const path = join(root, checkKey(key));
		if (!path.startsWith(root + sep)) throw new Error(`invalid media key: ${key}`);
		return path;
	};
	return {
		async put(key, bytes) {
			const path = pathOf(key);
			await mkdir(root, { recursive: true });
			const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
			await writeFile(tmp, bytes);
			await rename(tmp, path);
		},
		async get(key) {
			try {
				return new Uint8Array(await readFile(pathOf(key)));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
		},
		async delete(key) {
			await rm(pathOf(key), { force: true });
		},
		url: (key) => `/media/${checkKey(key)}`
	};
}

export type S3Settings = {
	bucket: string;
	endpoint?: string;
	region: string;
	accessKeyId?: string;
	secretAccessKey?: string;
	/** Public base URL of the bucket (CDN); without it images are served through `/media/<key>`. */
	publicUrl?: string;
};

/** Any S3-compatible object store (AWS, Scaleway, OVH, MinIO, Garage…). */
export function s3Storage(settings: S3Settings, client?: S3Client): MediaStorage {
	const s3 =
		client ??
		new S3Client({
			region: settings.region,
			endpoint: settings.endpoint,
			// Path-style URLs work with every S3-compatible server (MinIO, Garage) and with AWS.
			forcePathStyle: Boolean(settings.endpoint),
			credentials:
				settings.accessKeyId && settings.secretAccessKey
					? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
					: undefined
		});
	const Bucket = settings.bucket;
	const publicUrl = settings.publicUrl?.replace(/\/$/, '');
	return {
		async put(key, bytes, contentType) {
			await s3.send(
				new PutObjectCommand({
					Bucket,
					Key: checkKey(key),
					Body: bytes,
					ContentType: contentType,
					CacheControl: 'public, max-age=31536000, immutable'
				})
			);
		},
		async get(key) {
			try {
				const out = await s3.send(new GetObjectCommand({ Bucket, Key: checkKey(key) }));
				return out.Body ? await out.Body.transformToByteArray() : null;
			} catch (error) {
				const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
				if (e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return null;
				throw error;
			}
		},
		async delete(key) {
			await s3.send(new DeleteObjectCommand({ Bucket, Key: checkKey(key) }));
		},
		url: (key) => (publicUrl ? `${publicUrl}/${checkKey(key)}` : `/media/${checkKey(key)}`)
	};
}

/** The storage the settings describe: S3 when `S3_BUCKET` is set, else the local disk. */
export function storageFromConfig(c: Config): MediaStorage {
	if (c.s3) return s3Storage(c.s3);
	return localStorage(join(c.dataDir, 'media'));
}

let cached: MediaStorage | undefined;
/** The process's media storage, built once from the environment. */
export function mediaStorage(): MediaStorage {
	cached ??= storageFromConfig(config());
	return cached;
}
