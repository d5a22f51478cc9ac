// drawn.js — on a page whose figures were drawn at build time (scripts/build-pages.mjs: the pair and model pages,
// and the calculator's own page with the default pair), hide them before the first paint when the link asks for
// something else, so that a visitor never sees another pair's or another traffic's figures while the engine loads
// (the stylesheet hides a page marked "stale" only while data-state is "loading": app.js's first render shows the
// link's own figures, and the sections below them once it has drawn those too, when it marks the page "replaced").
// A classic script in the head, added by build-pages.mjs to those pages only: it runs before the body is parsed, and
// the CSP allows no inline script.
//
// The drawn figures stand when the page's link (its hash) is empty, or is exactly the hash they were drawn for (<meta
// name="versus-drawn">: the engine's own spelling of that state, pages.js pageKey). Any other hash, however it is
// spelled, waits for the engine, which alone reads links (web/state.js). The query is not the page's link (state.js
// reads the hash; only the widget reads a query), so a shared link's ?utm_source=… keeps the figures. (In a test
// build, ?catalog= loads a fixture: the shipped catalog's figures show until the fixture's are drawn.)
(() => {
  const drawnFor = document.querySelector('meta[name="versus-drawn"]')?.content;
  const link = location.hash.length > 1 ? location.hash : '';
  if (drawnFor === undefined || (link && link !== drawnFor)) document.documentElement.dataset.drawn = 'stale';
})();
