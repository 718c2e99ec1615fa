// Registers the service worker (web/src/sw.js, built to dist/sw.js) in production builds,
// so that after one visit the app and its embeds work offline. Nothing else is stored.
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () =>
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: './' }).catch(() => {});
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
