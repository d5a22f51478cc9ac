// Shared pieces of the embedding tests (widget, offline, standalone, CSP), on top of ./fixture.mjs (which
// serves the site, launches Chromium and guards pages): the site options they need, the cross-origin
// loopback check, CSP violation recording and the widget's start.
import assert from 'node:assert/strict';

export const LLAMA = 'meta/llama-3.2-1b-instruct';
export const O3 = 'openai/o3';
export const WAIT = 60000; // 2 shared cores and a 3 MB catalog: be generous

/**
 * useSite / startSite options for the embedding tests: the site must have web/embed.js, and Chromium runs
 * with Local Network Access checks off. The "foreign" host and the Versus site are two ports of 127.0.0.1
 * here, and the host page is answered through a Playwright route, which Chromium does not count as
 * loopback: its Local Network Access checks would then refuse the loopback module, a case public origins
 * never meet. assertCrossOriginLoopback fails clearly if a later Chromium renames this feature.
 */
export const EMBED_SITE = Object.freeze({ prefix: 'versus-embed-', needs: ['embed.js'],
  args: ['--disable-features=LocalNetworkAccessChecks'] });

/**
 * The widget tests put the "foreign" host and the Versus site on two loopback ports, and answer the host
 * page through a Playwright route. Check that this Chromium lets such a page load a module script from
 * the other port (the flag in EMBED_SITE turns Local Network Access checks off; a later Chromium may rename
 * it), so a refusal fails here with its cause instead of as a widget that never starts.
 */
export async function assertCrossOriginLoopback(browser, fromUrl, toUrl) {
  // bypassCSP: the host server's own CSP (connect-src 'self') is not what is being checked here.
  const context = await browser.newContext({ viewport: { width: 800, height: 600 }, bypassCSP: true });
  try {
    // The host page is answered through a Playwright route, as the widget tests answer it (to add their
    // CSP): Chromium then treats the page as not from loopback, which is what makes Local Network Access
    // refuse the loopback script.
    await context.route(`${fromUrl}**`, async (route) => route.fulfill({ response: await route.fetch() }));
    const page = await context.newPage();
    await page.goto(fromUrl);
    // What the host page does: a module script from the other origin (a fetch() alone is let through
    // where the script is not).
    const r = await page.evaluate((u) => new Promise((resolve) => {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = u;
      script.onload = () => resolve({ ok: true });
      script.onerror = () => resolve({ ok: false, error: `the module script ${u} did not load` });
      document.head.append(script);
    }), new URL('embed.js', toUrl).href);
    const version = browser.version();
    assert.ok(r.ok, `Chromium ${version} refused a cross-origin loopback module script (${JSON.stringify(r)}): ` +
      'check the Local Network Access flag in tests/browser/embed-harness.mjs EMBED_SITE');
  } finally {
    await context.close();
  }
}

/** Record securitypolicyviolation events in every frame, into a binding (no global in the page). */
export async function recordViolations(context, sink) {
  await context.exposeBinding('__reportCspViolation', (_src, v) => sink.push(v));
  await context.addInitScript(() => {
    const report = globalThis.__reportCspViolation;
    document.addEventListener('securitypolicyviolation', (e) => {
      report({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
    });
  });
}

/**
 * Wait until the widget (a <llm-versus> locator, in any frame) has data-state ready or error.
 *
 * A widget starts only when it comes within 300 px of the viewport (embed.js, IntersectionObserver), so this
 * does what a reader does: it scrolls the widget into view while it is still loading. It scrolls again on
 * every round because widgets above it grow as they render (the first one to ~1,400 px) and can push it
 * back out of view before its observer fires.
 */
export async function widgetState(locator) {
  const until = Date.now() + WAIT;
  await locator.waitFor({ state: 'attached', timeout: WAIT });
  for (;;) {
    const s = await locator.getAttribute('data-state');
    if (s === 'ready' || s === 'error') return s;
    if (Date.now() > until) assert.fail(`the widget stayed in state ${s} (scrolled into view, waited ${WAIT} ms)`);
    await locator.scrollIntoViewIfNeeded({ timeout: WAIT });
    await locator.evaluate((host) => new Promise((resolve) => {
      // Resolve when data-state changes, or after a frame and a short poll interval to scroll again.
      const mo = new MutationObserver(() => { mo.disconnect(); resolve(); });
      mo.observe(host, { attributes: true, attributeFilter: ['data-state'] });
      setTimeout(() => { mo.disconnect(); resolve(); }, 250);
    }));
  }
}

