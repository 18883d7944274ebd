/**
 * Request path rules (DESIGN section 3, THREATS rule 2, rows P1-P4, P6, P10).
 *
 * Validate, don't repair: a path a client names is refused with E_PATH unless it is already in
 * canonical form. Nothing here touches the file system; it runs before any fs call and before the
 * ACL is asked, because neither the kernel nor the glob matcher can be trusted to agree with us on
 * `//`, `..`, NUL or Unicode spellings.
 */

import { EtxError } from './errors.js';

export interface PathLimits {
  maxPathBytes: number;
  maxComponentBytes: number;
  maxComponents: number;
}

export const DEFAULT_PATH_LIMITS: PathLimits = Object.freeze({
  maxPathBytes: 4096,
  maxComponentBytes: 255,
  maxComponents: 256,
});

// C0 controls (NUL included), DEL, C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function refuse(path: string, why: string): EtxError {
  return new EtxError('E_PATH', `invalid path ${displayPath(path)}: ${why}`);
}

/**
 * Returns the components of a valid absolute request path (`'/'` gives `[]`), or throws E_PATH.
 * The length checks come first and look only at lengths, so a huge input costs next to nothing.
 */
export function validateRequestPath(path: string, limits: PathLimits = DEFAULT_PATH_LIMITS): string[] {
  if (typeof path !== 'string') throw new EtxError('E_PATH', 'invalid path: not a string');
  if (path.length === 0) throw new EtxError('E_PATH', 'invalid path: empty');
  // A UTF-16 code unit is at least one UTF-8 byte, so this bound is safe before counting bytes.
  if (path.length > limits.maxPathBytes || Buffer.byteLength(path, 'utf8') > limits.maxPathBytes) {
    throw refuse(path, `longer than ${limits.maxPathBytes} bytes`);
  }
  if (path[0] !== '/') throw refuse(path, 'not absolute (must start with "/")');
  if (CONTROL_RE.test(path)) throw refuse(path, 'contains NUL or a control character');
  if (LONE_SURROGATE_RE.test(path)) throw refuse(path, 'contains a lone UTF-16 surrogate');
  if (path === '/') return [];

  const components = path.slice(1).split('/');
  if (components.length > limits.maxComponents) {
    throw refuse(path, `more than ${limits.maxComponents} components`);
  }
  for (let i = 0; i < components.length; i++) {
    const c = components[i] as string;
    if (c === '') {
      throw refuse(path, i === components.length - 1 ? 'trailing "/"' : 'empty component ("//")');
    }
    if (c === '.' || c === '..') throw refuse(path, `"${c}" component`);
    if (Buffer.byteLength(c, 'utf8') > limits.maxComponentBytes) {
      throw refuse(path, `a component is longer than ${limits.maxComponentBytes} bytes`);
    }
  }
  // Checked last: normalize() is the costliest step and the string is now known to be bounded.
  if (path.normalize('NFC') !== path) throw refuse(path, 'not in Unicode NFC');
  return components;
}

// What displayPath escapes: C0, DEL, C1, lone surrogates, and (so a log line cannot be broken or
// visually reordered) the Unicode line/paragraph separators and bidirectional controls.
const DISPLAY_ESCAPE_RE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A rendering of an untrusted path that is safe in a log line, an error message or a terminal:
 * control characters become `\xNN`, lone surrogates and other invisible controls `\uNNNN`, and the
 * result is cut at `maxChars` input characters with "…". Never use it to build a path.
 */
export function displayPath(path: string, maxChars = 200): string {
  let s = String(path);
  let cut = false;
  if (s.length > maxChars) {
    let end = maxChars;
    // Do not split a surrogate pair at the cut.
    const last = s.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    s = s.slice(0, end);
    cut = true;
  }
  const escaped = s.replace(DISPLAY_ESCAPE_RE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return cut ? `${escaped}…` : escaped;
}

/** `dir` + `/` + one component name. Refuses (E_PATH) a name that is not exactly one component. */
export function joinPath(dir: string, name: string): string {
  if (!dir.startsWith('/') || (dir !== '/' && dir.endsWith('/'))) {
    throw refuse(dir, 'not an absolute directory path');
  }
  if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\u0000')) {
    throw new EtxError('E_PATH', `invalid name ${displayPath(name)} to join to ${displayPath(dir)}`);
  }
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** The last component (`'/'` gives `''`). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Everything before the last component: `parentPath('/a/b')` is `/a`, `parentPath('/a')` is `/`. */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** True when `path` is `dir` or below it, by whole components (`/data/alice2` is not within `/data/alice`). */
export function isWithin(path: string, dir: string): boolean {
  if (path === dir) return true;
  if (dir === '/') return path.startsWith('/');
  return path.startsWith(`${dir}/`);
}
