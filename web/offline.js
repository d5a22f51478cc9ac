/**
 * offline.js — registers the service worker (sw.js) so the page keeps working without network after one
 * load, and shows "Update ready — reload" when a new release has been downloaded and checked.
 *
 * Loaded by one line in index.html (and widget.html): <script type="module" src="offline.js"></script>.
 * Only over http(s) (a file:// page, e.g. the standalone build, has no service worker). The banner is
 * #update-banner; its button activates the waiting release and reloads once the new one controls the page.
 * <html data-offline> is "ready" when the page is served by the service worker, "unsupported" otherwise.
 */
const root = document.documentElement;

const CSS = `
#update-banner { position: fixed; inset: auto 12px 12px auto; z-index: 2147483647; display: flex; gap: 10px; align-items: center;
  max-width: calc(100vw - 24px); padding: 8px 12px; border-radius: 8px; font: 14px/1.4 system-ui, sans-serif;
  background: #1b1f24; color: #fff; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); }
#update-banner button { font: inherit; padding: 3px 10px; border-radius: 5px; border: 1px solid #fff; background: #fff; color: #1b1f24; cursor: pointer; }
#update-banner button:focus-visible { outline: 2px solid #7cb7ff; outline-offset: 2px; }
`;

function addStyles() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/**
 * "Update ready — reload". With a release waiting, the button activates it (then the page reloads when it
 * takes over); when another tab has already activated it, this tab still runs its old release, and the
 * button just reloads.
 */
function showBanner(reg, { activated = false } = {}) {
  if (document.getElementById('update-banner') || (!reg.waiting && !activated)) return;
  addStyles();
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload';
  const text = document.createElement('span');
  text.textContent = 'Update ready — reload to use the new version.';
  const banner = document.createElement('div');
  banner.id = 'update-banner';
  banner.setAttribute('role', 'status');
  banner.append(text, button);
  button.addEventListener('click', () => {
    button.disabled = true;
    text.textContent = 'Updating…';
    const next = reg.waiting ?? reg.installing;
    if (!next) return location.reload();
    wantReload = true;
    next.postMessage({ type: 'skip-waiting' });
  });
  document.body.append(banner);
  root.dataset.update = 'ready';
}

let wantReload = false;

/** {build, page, …} from a service worker: its release, and the release of this page. */
function askBuild(worker) {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = (e) => resolve(e.data);
    worker.postMessage({ type: 'build' }, [ch.port2]);
  });
}

async function register() {
  const sw = navigator.serviceWorker;
  let pageBuild = null; // the release this page runs, when a service worker served it
  let reg = null;
  sw.addEventListener('controllerchange', async () => {
    if (wantReload) return location.reload();
    root.dataset.offline = 'ready';
    // Another tab activated a new release: this one keeps running its own until it reloads, and says so.
    if (pageBuild && sw.controller && reg) {
      const now = await askBuild(sw.controller);
      if (now.build !== pageBuild) showBanner(reg, { activated: true });
    }
  });
  reg = await sw.register(new URL('sw.js', import.meta.url).href);
  // Listeners first, before anything awaits: an update found in between would otherwise go unseen.
  const check = () => { if (sw.controller) showBanner(reg); };
  const watch = (w) => w?.addEventListener('statechange', () => { if (w.state === 'installed') check(); });
  watch(reg.installing);
  reg.addEventListener('updatefound', () => watch(reg.installing));
  sw.addEventListener('message', (e) => { if (e.data?.type === 'update-ready') check(); });
  check();
  if (sw.controller) {
    root.dataset.offline = 'ready';
    const controller = sw.controller;
    pageBuild = (await askBuild(controller)).page;
    controller.postMessage({ type: 'started' }); // the page this one replaced is gone: its release may go too
  }
  if (sw.controller && navigator.onLine) reg.update().catch(() => {});
}

/**
 * Register only once the page is up (data-state leaves "loading", or the load event on pages without it), so
 * the first visit's precache (~4 MB) does not compete with the page's own downloads and start-up.
 */
function whenPageIsUp() {
  return new Promise((resolve) => {
    const up = () => root.dataset.state && root.dataset.state !== 'loading';
    if (!root.dataset.state) {
      if (document.readyState === 'complete') resolve();
      else window.addEventListener('load', () => resolve(), { once: true });
      return;
    }
    if (up()) return resolve();
    const mo = new MutationObserver(() => { if (up()) { mo.disconnect(); resolve(); } });
    mo.observe(root, { attributes: true, attributeFilter: ['data-state'] });
  });
}

/**
 * Then after its next frame, in idle time: the worker's start and its precache took the main thread and the network
 * the frame that shows a link's figures was waiting for (issue 21, CPU x4 + fast 4G, two probe runs: 267 and 320 ms
 * from the engine's render to those figures painted with the worker registered there, 113 and 131 ms registered here).
 */
function whenPageIsIdle() {
  return new Promise((resolve) => {
    const idle = (cb) => (window.requestIdleCallback ? requestIdleCallback(cb, { timeout: 2000 }) : setTimeout(cb, 500));
    requestAnimationFrame(() => idle(() => resolve()));
  });
}

if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  // A browser that refuses service workers here (a policy, private mode, a test's serviceWorkers: 'block')
  // leaves a page that works online: say so as information, not as an error.
  whenPageIsUp().then(whenPageIsIdle).then(register).catch((e) => {
    root.dataset.offline = 'unsupported';
    console.info(`Versus works online only here: ${e?.message ?? e}`);
  });
} else {
  root.dataset.offline = 'unsupported';
}
