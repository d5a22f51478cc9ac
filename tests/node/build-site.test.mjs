// scripts/build-site: what the assembled site ships.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SITE, need } from './helpers.mjs';

test('the assembled site ships no test fixtures: ?catalog=fixtures/… cannot load fake prices there', () => {
  need(path.join(SITE, 'index.html'), 'run scripts/build-site first');
  assert.equal(existsSync(path.join(SITE, 'fixtures')), false, `${SITE}/fixtures exists`);
  assert.ok(existsSync(path.join(SITE, 'catalog.pack')), 'the real catalog is there');
});
