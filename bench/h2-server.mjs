// A static host for the page benchmarks that serves like a real one: HTTP/2 over TLS (a self-signed certificate
// made with openssl for the run; the browser is started with --ignore-certificate-errors) and brotli for every
// text type and the wasm, as static hosts do. The files, their types and the security headers are the ones
// scripts/serve.mjs serves (MIME, HEADERS, resolveInside): only the transport differs.
import { createSecureServer } from 'node:http2';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { MIME, HEADERS, resolveInside } from '../scripts/serve.mjs';

const COMPRESSED = /^(text\/|application\/(json|javascript|wasm|manifest\+json|xml|octet-stream))|^image\/svg/;

/** A self-signed certificate for 127.0.0.1 and localhost: {key, cert}. */
function selfSigned() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'versus-bench-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
    { stdio: 'ignore' });
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serve `dir` over HTTP/2 with brotli: {url, warm(urls), close()}. Brotli at quality 11, made once per file (a host
 * precompresses); warm(urls) makes it for those files before the measured runs.
 */
export async function startH2Server({ dir }) {
  const root = path.resolve(dir);
  const cache = new Map(); // `${file}|${br}` → the body as sent
  const typeOf = (file) => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const bodyOf = async (file, br) => {
    const key = `${file}|${br}`;
    if (!cache.has(key)) {
      const raw = await readFile(file);
      cache.set(key, br ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }) : raw);
    }
    return cache.get(key);
  };
  const server = createSecureServer({ ...selfSigned(), allowHTTP1: false });
  server.on('stream', async (stream, headers) => {
    const urlPath = String(headers[':path'] || '/').split('?')[0].split('#')[0];
    const fail = (status) => { if (!stream.destroyed) { stream.respond({ ':status': status, ...HEADERS }); stream.end(); } };
    const r = resolveInside(root, urlPath);
    if (r.error) return fail(r.error);
    let file = r.file;
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const type = typeOf(file);
      const br = COMPRESSED.test(type) && /\bbr\b/.test(String(headers['accept-encoding'] || ''));
      const body = await bodyOf(file, br);
      if (stream.destroyed) return;
      stream.respond({ ':status': 200, ...HEADERS, 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache',
        'access-control-allow-origin': '*', ...(br ? { 'content-encoding': 'br', vary: 'accept-encoding' } : {}) });
      stream.end(body);
    } catch {
      fail(404);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `https://127.0.0.1:${server.address().port}/`,
    /** Compress every file under the root now, so that no measured run pays for it. */
    warm: async () => {
      for (const f of await readdir(root, { recursive: true, withFileTypes: true })) {
        const file = path.join(f.parentPath ?? f.path, f.name);
        if (f.isFile() && COMPRESSED.test(typeOf(file))) await bodyOf(file, true);
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
