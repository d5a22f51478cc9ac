// Minimal reader for .tar / .tar.gz archives (ustar, pax and GNU long names): enough for the models.dev snapshot.
import { gunzipSync } from 'node:zlib';
import { readSourceBytes, decodeText, SourceError } from './input.mjs';

function str(buf, start, len) {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end === -1 || end > start + len ? start + len : end);
}

/**
 * Returns [{path, text}] for every regular file in the archive, in archive order. `key` names the
 * source in messages. A member's text is decoded (and checked: UTF-8, no NUL, not empty) when read.
 */
export function readTar(path, key = 'archive') {
  const where = `${key}: ${path}`;
  let buf = readSourceBytes(key, path);
  if (buf[0] === 0x1f && buf[1] === 0x8b) {
    try { buf = gunzipSync(buf); } catch (err) { throw new SourceError(`${where}: is not a readable gzip file (${err.message})`); }
  }
  if (buf.length < 512) throw new SourceError(`${where}: is not a tar archive (${buf.length} bytes)`);
  const files = [];
  let off = 0, longName = null, paxPath = null;
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
      const m = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      paxPath = m ? m[1] : null;
      continue;
    }
    if (type === 'g') continue;
    const full = (paxPath || longName || name).replace(/^\.\//, '');
    longName = null; paxPath = null;
    if (type === '0' || type === '\0') {
      let text;
      files.push({ path: full, get text() { return (text ??= decodeText(`${where}: ${full}`, body)); } });
    }
  }
  return files;
}
