// Downloading the sources of UPSTREAM into a dated snapshot folder with its manifest.json (the format is in
// data/IMPORT.md "Refreshing"). Each file is checked by the importer's own reader before it is accepted; a
// source that fails is named with its URL and why, and taken from the last good snapshot when there is one.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UPSTREAM } from './upstream.mjs';
import { readSources } from './build.mjs';
import { readSource, isObject } from './input.mjs';
import { writeFileAtomic } from './import.mjs';

export const SNAPSHOT_SCHEMA = 'versus-snapshot/1';
export const DATE_RE = /^\d{4}-\d{2}(-\d{2})?$/;
export const FOLDER_RE = /^\d{4}-\d{2}-\d{2}$/; // a snapshot folder's name: the day of the refresh
const SAFE_PATH_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/; // relative, no "..", no "//"

/** A failure the refresh reports as it is (source, URL, why) rather than as a crash. */
export class RefreshError extends Error {}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GET with a timeout per attempt; network errors, timeouts, 429 and 5xx are tried again after
 * retryWait × 2^attempt (at most maxWait), `retries` times. Returns {status, headers, body} or throws
 * RefreshError saying why ("HTTP 404 Not Found", "timed out after 30 s", "connection refused").
 */
export async function fetchWithRetry(url, { headers = {}, timeoutMs, retries, retryWaitMs, maxWaitMs = 60_000 }) {
  for (let attempt = 0; ; attempt++) {
    let why;
    try {
      const res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status === 200 || res.status === 304) return { status: res.status, headers: res.headers, body };
      why = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
      if (res.status !== 429 && res.status < 500) throw new RefreshError(why);
    } catch (err) {
      if (err instanceof RefreshError) throw err;
      why = err.name === 'TimeoutError' ? `timed out after ${timeoutMs / 1000} s`
        : `network error (${err.cause?.code || err.cause?.message || err.message})`;
    }
    if (attempt >= retries) throw new RefreshError(`${why}${retries ? ` (${retries + 1} attempts)` : ''}`);
    await wait(Math.min(maxWaitMs, retryWaitMs * 2 ** attempt));
  }
}

/** The newest snapshot folder under `root` that has a manifest: {dir, manifest}, or null. */
export function latestSnapshot(root) {
  if (!existsSync(root)) return null;
  const dirs = readdirSync(root).filter((d) => FOLDER_RE.test(d) && existsSync(join(root, d, 'manifest.json'))).sort();
  if (!dirs.length) return null;
  const dir = join(root, dirs.at(-1));
  return { dir, manifest: readManifest('previous snapshot', join(dir, 'manifest.json')) };
}

const expectManifest = (v) => {
  if (!isObject(v) || !isObject(v.files)) return 'expected an object with a "files" object (source → {path, date, …})';
  for (const [key, f] of Object.entries(v.files)) {
    if (!isObject(f) || typeof f.path !== 'string' || !SAFE_PATH_RE.test(f.path)) return `files["${key}"]: needs a relative "path" (no "..")`;
    if (f.date !== undefined && !(typeof f.date === 'string' && DATE_RE.test(f.date))) return `files["${key}"].date: expected YYYY-MM-DD or YYYY-MM`;
  }
  return null;
};
const readManifest = (key, path) => readSource(key, path, { shape: expectManifest });

/** A mirror's manifest.json: where each file is under BASE_URL and its source date. */
async function fetchMirrorManifest(base, fetchOptions, dir) {
  const url = new URL('manifest.json', base).href;
  const { body } = await fetchWithRetry(url, fetchOptions);
  const path = join(dir, 'mirror-manifest.json');
  writeFileSync(path, body);
  try { return readManifest('mirror manifest', path); } catch (err) { throw new RefreshError(err.message); }
}

/** That a downloaded file reads with the importer's reader for its source, and gives it records. */
function validate(key, path, date) {
  let input;
  try { input = readSources({ [key]: path }, { [key]: date }); } catch (err) { throw new RefreshError(`malformed: ${err.message}`); }
  if (!input.entries.length) throw new RefreshError(`malformed: the importer finds no records in it (${path})`);
}

/** One source into `dir`: fetched (200), reused (304), or an error naming the URL and why. */
async function fetchSource(source, { url, date, expectSha, previous, dir, fetchOptions, env }) {
  const headers = {};
  if (source.apiKey && !url.mirrored) {
    const key = env[source.apiKey.env];
    if (!key) throw new RefreshError(`no API key: set ${source.apiKey.env} (read at build time only)`);
    headers[source.apiKey.header] = key;
  }
  // A conditional request only against the same URL, and only when the file it would reuse is there.
  const reusable = previous && previous.entry.url === url.href && existsSync(previous.file) ? previous : null;
  if (reusable?.entry.etag) headers['if-none-match'] = reusable.entry.etag;
  if (reusable?.entry.lastModified) headers['if-modified-since'] = reusable.entry.lastModified;
  const dest = join(dir, source.file);
  mkdirSync(dirname(dest), { recursive: true });
  const res = await fetchWithRetry(url.href, { ...fetchOptions, headers });
  if (res.status === 304) {
    if (!reusable) throw new RefreshError('HTTP 304 Not Modified to a request that was not conditional');
    if (reusable.file !== dest) copyFileSync(reusable.file, dest);
    const { error, from, ...file } = reusable.entry; // the file itself is current again
    return { ...file, date, status: 'not modified' };
  }
  const digest = sha256(res.body);
  if (expectSha && digest !== expectSha) throw new RefreshError(`malformed: its sha256 ${digest} is not the mirror manifest's ${expectSha}`);
  const partial = `${dest}.partial-${process.pid}`;
  writeFileSync(partial, res.body);
  try { validate(source.key, partial, date); } catch (err) { rmSync(partial, { force: true }); throw err; }
  renameSync(partial, dest);
  const entry = { path: source.file, url: url.href, date, size: res.body.length, sha256: digest, status: 'fetched' };
  const etag = res.headers.get('etag'), lastModified = res.headers.get('last-modified');
  if (etag) entry.etag = etag;
  if (lastModified) entry.lastModified = lastModified;
  return entry;
}

/**
 * Every source of UPSTREAM into root/<today>/ with its manifest.json. Options: {root, today, mirror (base URL or
 * null), timeoutMs, retries, retryWaitMs, env}. Returns {dir, manifest, failed}: `failed` lists the sources that
 * failed with no earlier good file; the others that failed are in the manifest as `previous snapshot`.
 */
export async function refreshSnapshot({ root, today, mirror = null, timeoutMs, retries, retryWaitMs, env = process.env }) {
  const previousSnapshot = latestSnapshot(root);
  const dir = join(root, today);
  mkdirSync(dir, { recursive: true });
  const fetchOptions = { timeoutMs, retries, retryWaitMs };
  const base = mirror ? new URL(mirror.endsWith('/') ? mirror : `${mirror}/`) : null;
  let mirrorFiles = null, mirrorError = null;
  if (base) {
    try { mirrorFiles = (await fetchMirrorManifest(base, fetchOptions, dir)).files; } catch (err) {
      mirrorError = `its manifest.json: ${err.message}`;
    }
  }
  const results = await Promise.all(UPSTREAM.map(async (source) => {
    const prevEntry = previousSnapshot?.manifest.files[source.key];
    const previous = prevEntry ? { entry: prevEntry, file: join(previousSnapshot.dir, source.file) } : null;
    // Until the mirror's manifest names the file, the mirror's base is the address a message names.
    let url = base ? { href: base.href, mirrored: true } : { href: source.url, mirrored: false };
    try {
      if (mirrorError) throw new RefreshError(mirrorError);
      let date = today, expectSha = null;
      if (mirrorFiles) {
        const m = mirrorFiles[source.key];
        if (!m) throw new RefreshError(`the mirror manifest lists no file for ${source.key}`);
        if (!m.date) throw new RefreshError(`the mirror manifest gives no date for ${source.key}`);
        url = { href: new URL(m.path, base).href, mirrored: true };
        date = m.date;
        expectSha = typeof m.sha256 === 'string' ? m.sha256 : null;
      }
      const entry = await fetchSource(source, { url, date, expectSha, previous, dir, fetchOptions, env });
      return { key: source.key, entry };
    } catch (err) {
      if (!(err instanceof RefreshError)) throw err;
      const error = `${url.href}: ${err.message}`;
      // The last good file of this source stands in for it, with its own date.
      if (previous && existsSync(previous.file)) {
        const dest = join(dir, source.file);
        if (previous.file !== dest) { mkdirSync(dirname(dest), { recursive: true }); copyFileSync(previous.file, dest); }
        return { key: source.key, entry: { ...previous.entry, status: 'previous snapshot', error, from: previousSnapshot.manifest.date } };
      }
      return { key: source.key, failed: error };
    }
  }));
  const manifest = { schema: SNAPSHOT_SCHEMA, date: today, ...(mirror ? { mirror: base.href } : {}), files: {} };
  for (const r of results) if (r.entry) manifest.files[r.key] = r.entry;
  const failed = results.filter((r) => r.failed).map((r) => ({ key: r.key, error: r.failed }));
  // Written last, so a manifest names only files that are in the folder.
  writeFileAtomic(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest, failed };
}
