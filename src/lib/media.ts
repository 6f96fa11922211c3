// Responsive image names shared by the server (which writes them) and the pages (which build srcset).

/** The standard widths an uploaded photo is stored at (never wider than the original). */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;

/** `<storageKey>-<width>.webp`: the file name of one width of a stored image. */
export function mediaFileName(storageKey: string, width: number): string {
	return `${storageKey}-${width}.webp`;
}

const STORED = /^(.*)-(\d{2,4})\.webp$/;

/**
 * The srcset of an uploaded photo from its main URL (the 640 px file, or the largest below it):
 * every standard width under it exists too. Null for other images (illustrations, external URLs).
 */
export function srcsetOf(url: string | null | undefined): string | null {
	const match = url ? STORED.exec(url) : null;
	if (!match) return null;
	const [, base, w] = match;
	const top = Number(w);
	const widths = [...IMAGE_WIDTHS.filter((x) => x < top), top];
	return widths.map((x) => `${base}-${x}.webp ${x}w`).join(', ');
}
