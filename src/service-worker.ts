/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// Web push for the merchant's phone, and nothing else: no fetch handler, no cache (pages and
// stock must always be fresh). Registered by the opt-in button (PushOptIn.svelte) with scope /pro.

const sw = self as unknown as ServiceWorkerGlobalScope;

sw.addEventListener('install', () => {
	sw.skipWaiting();
});
sw.addEventListener('activate', (event) => {
	event.waitUntil(sw.clients.claim());
});

type PushPayload = { title?: string; body?: string; url?: string; tag?: string };

sw.addEventListener('push', (event) => {
	let data: PushPayload = {};
	try {
		data = (event.data?.json() ?? {}) as PushPayload;
	} catch {
		data = { body: event.data?.text() };
	}
	event.waitUntil(
		sw.registration.showNotification(data.title || 'Échoppe', {
			body: data.body ?? '',
			tag: data.tag,
			icon: '/favicon.svg',
			data: { url: data.url }
		})
	);
});

sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const path = String(event.notification.data?.url ?? '');
	// Our own pages only.
	const url = new URL(path.startsWith('/') && !path.startsWith('//') ? path : '/pro/commandes', sw.location.origin).href;
	event.waitUntil(
		sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
			const open = windows.find((w) => w.url === url);
			return open ? open.focus() : sw.clients.openWindow(url);
		})
	);
});
