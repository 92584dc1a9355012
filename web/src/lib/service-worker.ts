// Registers the service worker (public/sw.js) that keeps the portal's shell available offline
// and makes it installable. Production builds only: the dev server's modules change constantly.
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the portal works as a plain web page.
    });
  });
}
