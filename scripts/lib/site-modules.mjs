// site-modules.mjs — an assembled site's own engine and modules, loaded under Node: what scripts/build-pages.mjs draws
// the static pages with, and what the tests check those pages against.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A module of the site folder `site` (its shipped, minified copy). */
export const siteModule = (site, name) => import(pathToFileURL(path.join(site, name)).href);

/**
 * {versus (the site's versus-engine.wasm with its catalog.pack loaded; check versus.ready), fmt (format.js),
 * pages (pages.js)} of the site folder `site`.
 */
export async function siteModules(site) {
  const { loadVersus } = await siteModule(site, 'versus.js');
  const versus = await loadVersus({
    moduleUrl: pathToFileURL(path.join(site, 'versus-engine.js')),
    wasmBinary: await readFile(path.join(site, 'versus-engine.wasm')),
    catalogBytes: await readFile(path.join(site, 'catalog.pack')),
  });
  return { versus, fmt: await siteModule(site, 'format.js'), pages: await siteModule(site, 'pages.js') };
}
