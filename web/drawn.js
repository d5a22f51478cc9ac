// drawn.js — on a page whose figures were drawn at build time (scripts/build-pages.mjs: the pair and model pages,
// and the calculator's own page with the default pair), hide them before the first paint when the link asks for
// something else, so that a visitor never sees another pair's or another traffic's figures while the engine loads
// (app.js shows its own and clears the mark). A classic script in the head, added by build-pages.mjs to those pages
// only: it runs before the body is parsed, and the CSP allows no inline script.
//
// The drawn figures stand when the page's link is empty, or is exactly the hash they were drawn for (<meta
// name="versus-drawn">: the engine's own spelling of that state, pages.js pageKey). Any other link, however it is
// spelled, waits for the engine, which alone reads links (web/state.js); so does any query (a test build's catalog).
(() => {
  const root = document.documentElement;
  const drawnFor = document.querySelector('meta[name="versus-drawn"]')?.content;
  const link = location.hash.length > 1 ? location.hash : '';
  if (drawnFor === undefined || location.search || (link && link !== drawnFor)) root.dataset.drawn = 'stale';
})();
