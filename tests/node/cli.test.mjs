// src/cli.cpp, the native CLI: what it says about files that are not catalogs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ROOT, CLI, need } from './helpers.mjs';

const run = (args) => spawnSync(need(CLI), args, { encoding: 'utf8', timeout: 60000 });

test('a catalog path that is a directory is named as one, not as "not valid JSON"', () => {
  const r = run(['validate', ROOT]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /is a directory, not a catalog file/);
});

test('an endless file (/dev/zero) stops at the size limit with a message, without growing without bound', () => {
  const r = run(['model', 'o3', '--catalog', '/dev/zero']);
  assert.equal(r.error, undefined, `the CLI finished (${r.error})`);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /\/dev\/zero: the catalog is larger than 128 MB, the most a catalog may be/);
});

test('a missing file says it cannot be read', () => {
  const r = run(['validate', '/no/such/catalog.json']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /cannot read \/no\/such\/catalog\.json/);
});
