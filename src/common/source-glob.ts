/**
 * Source wildcards (DESIGN section 2, THREATS G4): `'hostA:/data/*.vdif'` is expanded by the
 * source server, never by a shell and never by a general glob library.
 *
 * Grammar: `*` (any run of characters, none included) and `?` (exactly one character), in the
 * last component of an absolute path only; a wildcard matches no leading `.` unless the pattern
 * starts with one (as in a shell), and never `/`. Anything a glob library or a shell would read
 * as more is refused with E_PATH before a directory is opened: `**`, character classes (`[`, `]`
 * in a pattern), extglobs (`*(`, `?(`, `+(`, `@(`, `!(`), braces (`{a,b}`, `{1..9}`, in any
 * component), backslashes in a pattern, and a pattern component over 64 characters. Components
 * without `*` or `?` are literal names: `file[1].txt` names that file.
 *
 * Matching is a linear-time greedy walk with one backtrack point (no regex, no recursion), so no
 * pattern can take more than O(pattern x name) steps.
 */
import { EtxError } from './errors.js';
import { displayPath } from './path-rules.js';

/** Most characters in a pattern component. */
export const MAX_PATTERN_CHARS = 64;

export interface SourcePattern {
  /** The folder whose entries are matched (absolute). */
  dir: string;
  /** The last component, with `*` and `?`. */
  pattern: string;
}

const WILDCARD_RE = /[*?]/;
const EXTGLOB_RE = /[*?+@!]\(/;
const BRACE_RE = /\{[^{}]*(,|\.\.)[^{}]*\}/;
const PATTERN_FORBIDDEN_RE = /[[\]\\]/;

function refuse(path: string, why: string): EtxError {
  return new EtxError('E_PATH', `invalid source pattern ${displayPath(path)}: ${why}`);
}

/** Whether a component is a pattern (has `*` or `?`). */
export function isPattern(component: string): boolean {
  return WILDCARD_RE.test(component);
}

/**
 * Parses a source path (already valid under the path rules): undefined for a plain path, the
 * folder and the pattern for a wildcard in its last component, E_PATH for anything else that
 * looks like glob syntax.
 */
export function parseSourcePattern(path: string): SourcePattern | undefined {
  const components = path.split('/').slice(1);
  components.forEach((c, i) => {
    if (BRACE_RE.test(c)) throw refuse(path, 'braces are not expanded');
    if (EXTGLOB_RE.test(c)) throw refuse(path, 'extended globs are not supported');
    if (!isPattern(c)) return;
    if (i !== components.length - 1) throw refuse(path, 'a wildcard is allowed in the last component only');
    if (c.includes('**')) throw refuse(path, '"**" is not supported (use -r to copy a whole tree)');
    if (PATTERN_FORBIDDEN_RE.test(c)) throw refuse(path, 'only "*" and "?" are wildcards ([, ] and \\ are not allowed in a pattern)');
    if ([...c].length > MAX_PATTERN_CHARS) throw refuse(path, `a pattern is at most ${MAX_PATTERN_CHARS} characters`);
  });
  const last = components[components.length - 1] ?? '';
  if (!isPattern(last)) return undefined;
  const cut = path.lastIndexOf('/');
  return { dir: cut === 0 ? '/' : path.slice(0, cut), pattern: last };
}

/**
 * Whether `name` (one component) matches `pattern` (`*` and `?` only; parsed by
 * parseSourcePattern). Works on code points, so `?` is one character whatever its encoding.
 */
export function matchesPattern(pattern: string, name: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.')) return false;
  const p = [...pattern];
  const n = [...name];
  let pi = 0;
  let ni = 0;
  let starP = -1;
  let starN = 0;
  while (ni < n.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === n[ni]))) {
      pi++;
      ni++;
    } else if (pi < p.length && p[pi] === '*') {
      starP = pi++;
      starN = ni;
    } else if (starP >= 0) {
      pi = starP + 1;
      ni = ++starN;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}
