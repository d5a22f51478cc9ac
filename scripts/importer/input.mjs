// Reading an upstream file: every reader goes through here, so that every source is refused the same
// way when it is missing, empty, not UTF-8, holds a NUL, does not parse, or carries a key that could
// reach an object's prototype. Parsed data comes back as null-prototype objects, so a source's keys
// (model ids, provider ids, CSV headers) can never be mistaken for Object.prototype's members.
import { readFileSync, statSync } from 'node:fs';

/** Keys a source may not use: assigning them to an ordinary object reaches its prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class SourceError extends Error {}

const parsed = new Map(); // readSource: "key: path" and format → the parsed tree

/** Offset of the first byte that is not part of valid UTF-8, or -1. */
export function invalidUtf8Offset(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Only on failure: find where, with the same rules as the decoder (no overlongs, no surrogates).
    for (let i = 0; i < bytes.length;) {
      const b = bytes[i];
      const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (!n || i + n > bytes.length) return i;
      if (n > 1) {
        try { new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + n)); } catch { return i; }
      }
      i += n;
    }
    return bytes.length;
  }
}

/** The bytes as text: `where` names them in every message ("litellm: path/to/file.json"). */
export function decodeText(where, bytes) {
  if (bytes.length === 0) throw new SourceError(`${where}: is empty`);
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) throw new SourceError(`${where}: is not UTF-8 (invalid byte 0x${bytes[bad].toString(16).padStart(2, '0')} at offset ${bad})`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new SourceError(`${where}: holds a NUL byte at offset ${nul}`);
  const text = bytes.toString('utf8');
  if (!text.trim()) throw new SourceError(`${where}: is empty (only white space)`);
  return text;
}

/** That a source file is there and is a file: a directory or a missing file is named as such. */
export function checkSourceFile(key, path) {
  let stat;
  try { stat = statSync(path); } catch { throw new SourceError(`${key}: file not found: ${path}`); }
  if (stat.isDirectory()) throw new SourceError(`${key}: ${path} is a directory, not a file`);
}

/** A source file's bytes (checkSourceFile first). */
export function readSourceBytes(key, path) {
  checkSourceFile(key, path);
  return readFileSync(path);
}

export function readSourceText(key, path) {
  return decodeText(`${key}: ${path}`, readSourceBytes(key, path));
}

/**
 * A parsed tree as null-prototype objects (arrays stay arrays), refusing forbidden keys with the path
 * of the first one ("litellm: file.json: key "__proto__" at $.gpt-4o").
 */
export function safeTree(where, value, path = '$') {
  if (Array.isArray(value)) return value.map((v, i) => safeTree(where, v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out = Object.create(null);
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new SourceError(`${where}: refuses the key "${key}" at ${path}`);
    out[key] = safeTree(where, value[key], `${path}.${key}`);
  }
  return out;
}

/** Text parsed by `parse` (JSON.parse, a TOML, YAML or CSV parser) into a safe tree; a parse error is named. */
export function parseSource(where, text, parse, format) {
  let value;
  try { value = parse(text); } catch (err) {
    throw new SourceError(`${where}: is not valid ${format} (${String(err.message).split('\n')[0]})`);
  }
  return safeTree(where, value);
}

/**
 * A source file parsed and checked: `shape(value)` returns what is wrong with the whole file's shape
 * (e.g. "expected an object with a \"data\" array"), or null.
 */
export function readSource(key, path, { parse = JSON.parse, format = 'JSON', shape } = {}) {
  const where = `${key}: ${path}`;
  // A file read for its date and then by its reader is read and parsed once (the import is one process).
  const memo = `${where}\u0000${format}`;
  if (!parsed.has(memo)) parsed.set(memo, parseSource(where, readSourceText(key, path), parse, format));
  const value = parsed.get(memo);
  const wrong = shape ? shape(value) : null;
  if (wrong) throw new SourceError(`${where}: ${wrong}`);
  return value;
}

/** Shape helpers for readSource. */
export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
export const expectObject = (v) => (isObject(v) ? null : 'expected a JSON object at the top level');
export const expectArrayAt = (key) => (v) => (isObject(v) && Array.isArray(v[key]) ? null : `expected an object with a "${key}" array`);
export const expectArray = (v) => (Array.isArray(v) ? null : 'expected an array at the top level');
export const expectColumns = (...columns) => (rows) => {
  if (!Array.isArray(rows) || rows.length === 0) return 'has no rows';
  const missing = columns.filter((c) => !(c in rows[0]));
  return missing.length ? `has no ${missing.map((c) => `"${c}"`).join(', ')} column${missing.length > 1 ? 's' : ''}` : null;
};

/** A constant table looked up with source data as the key: without a prototype, "constructor" is not in it. */
export const lookupTable = (entries) => Object.freeze(Object.assign(Object.create(null), entries));
