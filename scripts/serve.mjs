#!/usr/bin/env node
// serve.mjs — a tiny static file server for the built page (no dependencies).
//
//   node scripts/serve.mjs [--dir build/site] [--port 8080] [--host 127.0.0.1]
//
// Serves GET/HEAD only, with the MIME types the page needs (application/wasm for .wasm,
// text/javascript for .js/.mjs, JSON, HTML, CSS, images). Requests are resolved inside --dir and
// anything that would leave it (../, encoded %2e%2e, absolute paths, NUL bytes) gets 403/400.
// A directory serves its index.html. Files carry an ETag and Last-Modified, and a conditional GET
// (If-None-Match / If-Modified-Since) that still matches gets 304. Prints the URL it serves on.
// For tests: `import { startServer } from './scripts/serve.mjs'`; `await startServer({dir, port: 0})`
// returns {server, url, port, close()} (port 0 picks a free port); `serveFile(root, req, res)` answers one
// request from the real path `root`, for a test server that answers some paths itself.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Security headers sent with every answer; the CSP is the one the page is built to work under. */
export const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
};

// Every answer, errors included, may be read cross-origin: the widget runs on other sites and should show
// "not found" for a missing file, not "Failed to fetch" (public files, no credentials).
const CORS = { 'Access-Control-Allow-Origin': '*' };

function send(res, status, text, extra = {}) {
  res.writeHead(status, { ...HEADERS, ...CORS, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(text);
}

/** Map a request URL path to a file inside root (an absolute, real path), or null when it would escape. */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { error: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { error: 400 };
  const target = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (target !== root && !target.startsWith(root + path.sep)) return { error: 403 };
  return { file: target };
}

/** The site-absolute path of a directory inside root, with a trailing slash: "/sub/dir/". */
export function redirectPath(root, dir) {
  const parts = path.relative(root, dir).split(path.sep).filter(Boolean);
  return `/${parts.map(encodeURIComponent).join('/')}${parts.length ? '/' : ''}`;
}

/** A conditional GET that still matches the file: its ETag, or no ETag asked and not modified since. */
function notModified(req, etag, mtime) {
  const inm = req.headers['if-none-match'];
  if (inm) return inm.split(',').some((t) => t.trim() === etag || t.trim() === '*');
  const ims = Date.parse(req.headers['if-modified-since'] || '');
  return Number.isFinite(ims) && Math.floor(mtime.getTime() / 1000) * 1000 <= ims;
}

export async function serveFile(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
  const urlPath = (req.url || '/').split('?')[0].split('#')[0];
  const r = resolveInside(root, urlPath);
  if (r.error) return send(res, r.error, r.error === 403 ? 'Forbidden\n' : 'Bad Request\n');
  let file = r.file;
  try {
    let st = await stat(file);
    if (st.isDirectory()) {
      // The redirect is built from the resolved path inside root, never from the request's own text, so
      // "//evil.example/x/..%2F.." cannot become "Location: //evil.example/…" (an open redirect).
      if (!urlPath.endsWith('/')) return send(res, 301, '', { Location: redirectPath(root, file) });
      file = path.join(file, 'index.html');
      st = await stat(file);
    }
    // Symlinks must not lead outside the root either.
    const real = await realpath(file);
    if (real !== root && !real.startsWith(root + path.sep)) return send(res, 403, 'Forbidden\n');
    if (!st.isFile()) return send(res, 404, 'Not Found\n');
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    // The widget runs inside other sites' pages: its module, wasm and catalog are fetched cross-origin
    // (public data, no credentials), and widget.html is made to be framed by any page.
    const embeddable = path.basename(file) === 'widget.html'
      ? { 'Content-Security-Policy': HEADERS['Content-Security-Policy'].replace("frame-ancestors 'none'", 'frame-ancestors *') }
      : {};
    const validators = { ETag: `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`, 'Last-Modified': st.mtime.toUTCString() };
    if (notModified(req, validators.ETag, st.mtime)) {
      res.writeHead(304, { ...HEADERS, ...embeddable, ...CORS, ...validators, 'Cache-Control': 'no-cache' });
      return res.end();
    }
    res.writeHead(200, {
      ...HEADERS, ...embeddable, ...CORS, ...validators,
      'Content-Type': type, 'Content-Length': st.size, 'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  } catch {
    send(res, 404, 'Not Found\n');
  }
}

/** Start serving `dir` on `port` (0 = any free port). Resolves to {server, url, port, close}. */
export async function startServer({ dir = 'build/site', port = 8080, host = '127.0.0.1' } = {}) {
  const root = await realpath(path.resolve(dir));
  if (!(await stat(root)).isDirectory()) throw new Error(`${dir} is not a directory`);
  const server = createServer((req, res) => {
    serveFile(root, req, res).catch(() => send(res, 500, 'Internal Server Error\n'));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? 'localhost' : host;
  return {
    server,
    port: actual,
    url: `http://${shown}:${actual}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

function parseArgs(argv) {
  const out = { dir: 'build/site', port: 8080, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--dir') out.dir = val();
    else if (a === '--port') out.port = Number(val());
    else if (a === '--host') out.host = val();
    else if (a === '-h' || a === '--help') out.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) throw new Error('--port must be 0..65535');
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log('usage: node scripts/serve.mjs [--dir build/site] [--port 8080] [--host 127.0.0.1]');
      process.exit(0);
    }
    const s = await startServer(args);
    const url = args.host === '127.0.0.1' ? `http://localhost:${s.port}/` : s.url;
    console.log(`Serving ${path.resolve(args.dir)} on ${url}`);
    const stop = () => s.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    console.error(`serve.mjs: ${e.message}`);
    process.exit(1);
  }
}
