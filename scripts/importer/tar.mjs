// Minimal reader for .tar / .tar.gz archives (ustar, pax and GNU long names): enough for the models.dev snapshot.
import { gunzipSync } from 'node:zlib';
import { readSourceBytes, decodeText, SourceError } from './input.mjs';

function str(buf, start, len) {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end === -1 || end > start + len ? start + len : end);
}

/**
 * Returns [{path, text}] for every regular file in the archive, in archive order, then one for every symbolic
 * link to a file inside the archive (models.dev lists a model under a second provider this way), with the
 * text of the file it points to. A link that leads outside the archive or round in a circle stops the read
 * with a message; one to a file the archive lacks is skipped and listed in `files.danglingLinks`. `key` names the source in messages. A member's text is decoded (and checked:
 * UTF-8, no NUL, not empty) when read.
 */
export function readTar(path, key = 'archive') {
  const where = `${key}: ${path}`;
  let buf = readSourceBytes(key, path);
  if (buf[0] === 0x1f && buf[1] === 0x8b) {
    try { buf = gunzipSync(buf); } catch (err) { throw new SourceError(`${where}: is not a readable gzip file (${err.message})`); }
  }
  if (buf.length < 512) throw new SourceError(`${where}: is not a tar archive (${buf.length} bytes)`);
  const files = [];
  const links = []; // [path, target as written]
  let off = 0, longName = null, paxPath = null, paxLink = null;
  while (off + 512 <= buf.length) {
    const header = buf.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    let name = str(header, 0, 100);
    const sizeField = str(header, 124, 12).trim() || '0';
    if (!/^[0-7]+$/.test(sizeField)) throw new SourceError(`${where}: member header at offset ${off} has no size`);
    const size = parseInt(sizeField, 8);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = header.toString('utf8', 257, 262) === 'ustar' ? str(header, 345, 155) : '';
    if (prefix) name = prefix + '/' + name;
    if (off + 512 + size > buf.length) throw new SourceError(`${where}: is cut short in member "${name}"`);
    const body = buf.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') { longName = str(body, 0, body.length); continue; }
    if (type === 'x') {
      const pax = body.toString('utf8');
      paxPath = /\d+ path=([^\n]*)\n/.exec(pax)?.[1] ?? null;
      paxLink = /\d+ linkpath=([^\n]*)\n/.exec(pax)?.[1] ?? null;
      continue;
    }
    if (type === 'g') continue;
    const full = (paxPath || longName || name).replace(/^\.\//, '');
    const linkTarget = paxLink || str(header, 157, 100);
    longName = null; paxPath = null; paxLink = null;
    if (type === '2') links.push([full, linkTarget]);
    if (type === '0' || type === '\0') {
      let text;
      files.push({ path: full, get text() { return (text ??= decodeText(`${where}: ${full}`, body)); } });
    }
  }
  const byPath = new Map(files.map((f) => [f.path, f]));
  const linkOf = new Map(links);
  files.danglingLinks = []; // links to a file the archive does not have (the source's own slip): skipped
  for (const [path, firstTarget] of links) {
    let at = path;
    let target = firstTarget;
    let file = null;
    for (let hops = 0; ; hops++) {
      const next = resolveLink(at, target);
      if (next === null) throw new SourceError(`${where}: the link ${path} points outside the archive (${firstTarget})`);
      if (byPath.has(next)) { file = byPath.get(next); break; }
      if (!linkOf.has(next)) break;
      if (hops >= 16) throw new SourceError(`${where}: the link ${path} goes round in a circle`);
      at = next;
      target = linkOf.get(next);
    }
    if (file) files.push({ path, linkedFrom: file.path, get text() { return file.text; } });
    else files.danglingLinks.push(path);
  }
  return files;
}

/** A link's target as a path inside the archive, or null when it leaves it (absolute, or too many "..") . */
function resolveLink(from, target) {
  if (target.startsWith('/')) return null;
  const parts = from.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(p);
  }
  return parts.join('/');
}
