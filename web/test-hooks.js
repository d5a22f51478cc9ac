// test-hooks.js — the test hook that loads another catalog: `?catalog=fixtures/NAME.json` on the page,
// catalog="fixtures/NAME.json" on the widget. Off in what scripts/build-site ships; a test build turns it on
// (scripts/enable-test-hooks rewrites the flag line below and adds the fixtures), so a link to a deployed
// site can never show another file's prices under its origin. scripts/minify-site leaves this file as it is.
export const TEST_HOOKS = false; // @flag test-hooks

/**
 * The catalog a page or widget was asked to load → {url} for the site's own catalog.pack (with `note` when a
 * request was ignored), {url, custom} for a test catalog, or {error} for a path that is refused. `base` is the
 * URL relative paths resolve against (the page, or the widget's own site); `what` names the request in messages.
 */
export function catalogRequest(param, base, { what = 'catalog parameter', hooks = TEST_HOOKS } = {}) {
  const own = { url: new URL('catalog.pack', base).href };
  if (param === null || param === undefined || param === '') return own;
  if (!hooks) return { ...own, note: `This site loads only its own catalog: the ${what} works in test builds only.` };
  const ok = /^[A-Za-z0-9_][A-Za-z0-9_./-]*\.json$/.test(param) && !param.includes('..') && !param.includes('//');
  if (!ok) return { error: `The ${what} “${String(param).slice(0, 80)}” is refused: only a relative path to a .json file on this site is allowed.` };
  const url = new URL(param, base);
  if (url.origin !== new URL(base).origin) return { error: `The ${what} must name a file on this site.` };
  return { url: url.href, custom: param };
}

/** The page's ?catalog= (the test hook), or null. */
export function pageCatalogParam(loc = location) {
  return new URLSearchParams(loc.search).get('catalog');
}

/**
 * The catalog= of a widget's link (its hash, else its query), or null. The test hook's own parameter: the
 * comparison's keys are the engine's to read (web/state.js, src/url_state.hpp), but the catalog must be known
 * before the engine has loaded.
 */
export function linkCatalogParam(loc) {
  const text = loc.hash.length > 1 ? loc.hash.slice(1) : loc.search.slice(1);
  return new URLSearchParams(text).get('catalog');
}
