// scripts/build-site: what the assembled site ships.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SITE, ROOT, need } from './helpers.mjs';

test('the assembled site ships no test fixtures: ?catalog=fixtures/… cannot load fake prices there', () => {
  need(path.join(SITE, 'index.html'), 'run scripts/build-site first');
  assert.equal(existsSync(path.join(SITE, 'fixtures')), false, `${SITE}/fixtures exists`);
  assert.ok(existsSync(path.join(SITE, 'catalog.pack')), 'the real catalog is there');
});

test('the assembled site has the catalog test hook off; scripts/enable-test-hooks makes a test build of a copy', async () => {
  const { readFileSync, mkdtempSync, cpSync, rmSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  const os = await import('node:os');
  const flag = (dir) => /^export const TEST_HOOKS = (true|false); \/\/ @flag test-hooks$/m.exec(readFileSync(path.join(dir, 'test-hooks.js'), 'utf8'))?.[1];
  const build = (dir) => /^const BUILD = '([0-9a-f]+)'; \/\/ @stamp build$/m.exec(readFileSync(path.join(dir, 'sw.js'), 'utf8'))?.[1];
  assert.equal(flag(SITE), 'false');
  const copy = mkdtempSync(path.join(os.tmpdir(), 'versus-hooks-'));
  try {
    cpSync(SITE, copy, { recursive: true });
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'enable-test-hooks'), copy]);
    assert.equal(flag(copy), 'true');
    assert.ok(existsSync(path.join(copy, 'fixtures', 'seed-catalog.json')));
    assert.notEqual(build(copy), build(SITE), 'a test build is another release');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('catalogRequest: the own catalog; a test catalog only with the hook on; refused paths named', async () => {
  const { catalogRequest } = await import('../../web/test-hooks.js');
  const base = 'https://versus.example/index.html';
  assert.deepEqual(catalogRequest(null, base), { url: 'https://versus.example/catalog.pack' });
  assert.deepEqual(catalogRequest('fixtures/x.json', base, { hooks: false }),
    { url: 'https://versus.example/catalog.pack', note: 'This site loads only its own catalog: the catalog parameter works in test builds only.' });
  assert.deepEqual(catalogRequest('fixtures/x.json', base, { hooks: true }), { url: 'https://versus.example/fixtures/x.json', custom: 'fixtures/x.json' });
  for (const bad of ['https://evil.example/x.json', '//evil.example/x.json', '../x.json', '/x.json', 'x.js']) {
    assert.match(catalogRequest(bad, base, { hooks: true, what: 'catalog attribute' }).error, /^The catalog attribute /, bad);
  }
});
