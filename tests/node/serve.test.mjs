// scripts/serve.mjs: MIME types, index.html, no directory traversal, HEAD, 404, CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, readFile, rm, symlink } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import net from 'node:net';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer, resolveInside, HEADERS } from '../../scripts/serve.mjs';
import { ROOT } from './helpers.mjs';

let dir;
let outside;
let s;

before(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'versus-serve-'));
  dir = path.join(base, 'site');
  outside = path.join(base, 'secret.txt');
  await mkdir(path.join(dir, 'sub'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(path.join(dir, 'app.js'), 'export {};');
  await writeFile(path.join(dir, 'x.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  await writeFile(path.join(dir, 'c.json'), '{}');
  await writeFile(path.join(dir, 'style.css'), 'body{}');
  await writeFile(path.join(dir, 'sub', 'index.html'), 'sub');
  await writeFile(outside, 'secret');
  await symlink(outside, path.join(dir, 'link.txt'));
  s = await startServer({ dir, port: 0 });
});

after(async () => {
  await s?.close();
  await rm(path.dirname(dir), { recursive: true, force: true });
});

const get = (p, init) => fetch(new URL(p, s.url), { redirect: 'manual', ...init });

test('serves files with the right MIME types', async () => {
  const types = { '/': 'text/html', '/app.js': 'text/javascript', '/x.wasm': 'application/wasm',
    '/c.json': 'application/json', '/style.css': 'text/css' };
  for (const [p, t] of Object.entries(types)) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.ok(r.headers.get('content-type').startsWith(t), `${p}: ${r.headers.get('content-type')}`);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.match(r.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
  }
  assert.equal(await (await get('/sub/')).text(), 'sub');
  assert.equal((await get('/sub')).status, 301);
  assert.equal((await get('/app.js?v=1#x')).status, 200);
});

test('never leaves the served folder', async () => {
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/sub/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt',
    '/%2e%2e%5csecret.txt', '/link.txt', '/%00', '/%']) {
    const r = await get(p);
    assert.ok([400, 403, 404].includes(r.status), `${p} → ${r.status}`);
    assert.notEqual(await r.text(), 'secret', p);
  }
  // Raw request line (fetch normalises "..").
  const raw = await new Promise((resolve, reject) => {
    const sock = net.connect(s.port, '127.0.0.1', () => sock.end('GET /../secret.txt HTTP/1.0\r\n\r\n'));
    let data = '';
    sock.on('data', (d) => { data += d; });
    sock.on('end', () => resolve(data));
    sock.on('error', reject);
  });
  assert.doesNotMatch(raw, /secret$/);
  assert.equal(resolveInside('/srv/site', '/../../etc/passwd').file, '/srv/site/etc/passwd');
  assert.equal(resolveInside('/srv/site', '/a/%2e%2e/%2e%2e/b').file, '/srv/site/b');
});

test('a directory redirect stays on this site: never an open redirect', async () => {
  assert.equal((await get('/sub')).headers.get('location'), '/sub/');
  // The request's own path text is never echoed into Location ("//evil.example/…" would leave the site).
  // node:http sends the path as written (fetch would read "//evil.example" as a host).
  const res = await new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: s.port, path: '//evil.example/x/..%2F..%2Fsub' }, (r) => {
      r.resume();
      r.on('end', () => resolve(r));
    }).on('error', reject);
  });
  assert.equal(res.statusCode, 301);
  assert.equal(res.headers.location, '/sub/');
});

test('errors carry the CORS header too, so a cross-origin widget can read "not found"', async () => {
  const r = await get('/missing.pack');
  assert.equal(r.status, 404);
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
});

test('404, HEAD and methods', async () => {
  assert.equal((await get('/missing.js')).status, 404);
  const h = await get('/app.js', { method: 'HEAD' });
  assert.equal(h.status, 200);
  assert.equal(h.headers.get('content-length'), '10');
  assert.equal((await get('/app.js', { method: 'POST', body: 'x' })).status, 405);
});

test('the command line prints the URL it serves on', async () => {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), '--dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const line = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const url = line.match(/http:\/\/\S+/)[0];
    assert.equal((await fetch(url)).status, 200);
  } finally {
    child.kill('SIGTERM');
  }
  const bad = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), '--port', 'x']);
  const code = await new Promise((resolve) => bad.on('exit', resolve));
  assert.equal(code, 1);
});

test('docs/deploying.md quotes the headers the dev server sends, word for word', async () => {
  const doc = await readFile(path.join(ROOT, 'docs/deploying.md'), 'utf8');
  for (const [name, value] of Object.entries(HEADERS)) {
    assert.ok(doc.includes(`| \`${name}\` | \`${value}\``), `${name}: ${value}`);
  }
  const framed = HEADERS['Content-Security-Policy'].replace("frame-ancestors 'none'", 'frame-ancestors *');
  assert.ok(doc.includes(framed), 'the widget page\'s policy');
});
