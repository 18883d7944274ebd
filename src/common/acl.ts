/**
 * The ACL (DESIGN section 3, THREATS rule 7 and section 4).
 *
 * Default deny; a request is allowed when some rule allows the right for the user on the path and
 * no rule denies it, whatever the rule order. Patterns are minimatch globs compiled once at load,
 * with `dot: true` so a deny covers dotfiles, and a pattern `X/**` also covers `X` itself.
 * Everything a peer names is looked up in `Map`s, so user names like `__proto__` are inert.
 */

import { readFile } from 'node:fs/promises';
import { Minimatch, type MinimatchOptions } from 'minimatch';
import { EtxError } from './errors.js';
import { type UserKey, publicKeyObject } from './auth-proof.js';
import { displayPath, type PathLimits, validateRequestPath } from './path-rules.js';
import { parsePublicKeyLine } from './ssh-keys.js';

export type Right = 'list' | 'read' | 'write' | 'delete';
export const RIGHTS: readonly Right[] = Object.freeze(['list', 'read', 'write', 'delete'] as const);

export interface Principal {
  name: string;
  authenticated: boolean;
}

export const ANONYMOUS: Principal = Object.freeze({ name: 'anonymous', authenticated: false });

export interface AclLimits {
  maxPatternBytes: number;
  maxGlobstarsPerPattern: number;
}

export const DEFAULT_ACL_LIMITS: AclLimits = Object.freeze({ maxPatternBytes: 1024, maxGlobstarsPerPattern: 4 });

/** The ACL `serve` uses without `--acl`: anyone may list, read and write under `/tmp/**`. */
export const DEFAULT_ACL_JSON = Object.freeze({
  users: Object.freeze({}),
  rules: Object.freeze([
    Object.freeze({
      users: Object.freeze(['anonymous', '*']),
      allow: Object.freeze(['list', 'read', 'write']),
      paths: Object.freeze(['/tmp/**']),
    }),
  ]),
});

const ANONYMOUS_NAME = 'anonymous';
const MAX_KEYS_PER_USER = 64;
const ANY_AUTHENTICATED = '*';

const GLOB_OPTIONS: MinimatchOptions = Object.freeze({
  dot: true,
  nobrace: true,
  noext: true,
  nonegate: true,
  nocomment: true,
  platform: 'linux',
});

/**
 * The ACL's own fail-closed check of a path is structural (absolute, no `..`/`.`/`//`, no control
 * characters, NFC). Length limits are the server's to choose; these only bound the matcher's work.
 */
const ACL_PATH_LIMITS: PathLimits = Object.freeze({
  maxPathBytes: 64 * 1024,
  maxComponentBytes: 64 * 1024,
  maxComponents: 32 * 1024,
});

// The same characters path-rules refuses in a request path; a pattern containing them could never
// match a valid path, so a deny written with them would silently do nothing.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const BAD_PATTERN_CHAR_RE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// A user name appears in logs and messages: printable, no blanks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const USER_NAME_RE = /^[^\s\u0000-\u001f\u007f-\u009f]+$/;
const ALLOWED_TOP_KEYS: ReadonlySet<string> = new Set(['users', 'rules']);
const ALLOWED_RULE_KEYS: ReadonlySet<string> = new Set(['users', 'allow', 'deny', 'paths']);
const KNOWN_RIGHTS: ReadonlySet<string> = new Set(RIGHTS);

/** One compiled path pattern. */
interface PathMatcher {
  readonly glob: Minimatch;
  /** For a pattern `X/**`: the matcher of `X`, so the folder itself is covered too. */
  readonly folder?: Minimatch;
  /** For the pattern `/**`: the root itself (the `X` of `X/**` is then empty). */
  readonly coversRoot: boolean;
}

/** Whom a rule (or a user list such as `serve --allow-relay`'s) names. */
interface Audience {
  readonly anonymous: boolean;
  readonly anyAuthenticated: boolean;
  readonly names: ReadonlySet<string>;
}

interface CompiledRule extends Audience {
  readonly allow: ReadonlySet<Right>;
  readonly deny: ReadonlySet<Right>;
  readonly paths: readonly PathMatcher[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class Acl {
  private constructor(
    private readonly rules: readonly CompiledRule[],
    private readonly keys: ReadonlyMap<string, readonly UserKey[]>,
  ) {}

  /** Validates and compiles an ACL document. Any problem is E_CONFIG naming `origin` and the rule. */
  static parse(json: unknown, origin: string, limits: AclLimits = DEFAULT_ACL_LIMITS): Acl {
    const fail = (where: string, why: string): EtxError => new EtxError('E_CONFIG', `${origin}: ${where ? `${where}: ` : ''}${why}`);

    if (!isPlainObject(json)) throw fail('', 'the ACL must be a JSON object with "users" and "rules"');
    for (const key of Object.keys(json)) {
      if (!ALLOWED_TOP_KEYS.has(key)) throw fail('', `unknown key ${JSON.stringify(key)}`);
    }

    const keys = new Map<string, readonly UserKey[]>();
    const users = json.users === undefined ? {} : json.users;
    if (!isPlainObject(users)) throw fail('users', 'must be an object of user name to key lines');
    for (const [name, lines] of Object.entries(users)) {
      const where = `users[${JSON.stringify(name)}]`;
      checkUserName(name, (why) => fail(where, why));
      if (name === ANONYMOUS_NAME || name === ANY_AUTHENTICATED) {
        throw fail(where, `"${name}" is reserved and cannot have keys`);
      }
      if (!Array.isArray(lines) || !lines.every((l) => typeof l === 'string' && l.trim() !== '' && !/[\r\n]/.test(l))) {
        throw fail(where, 'must be an array of public key lines');
      }
      if (lines.length > MAX_KEYS_PER_USER) throw fail(where, `at most ${MAX_KEYS_PER_USER} keys per user`);
      const parsed = (lines as string[]).map((line, i) => {
        try {
          const { key } = parsePublicKeyLine(line, 'key');
          return Object.freeze({ raw: key, object: publicKeyObject(key) });
        } catch (err) {
          throw fail(`${where}[${i}]`, (err as Error).message);
        }
      });
      keys.set(name, Object.freeze(parsed));
    }

    if (!Array.isArray(json.rules)) throw fail('rules', 'must be an array');
    const rules = json.rules.map((rule: unknown, i: number) => compileRule(rule, limits, (why) => fail(`rules[${i}]`, why)));
    return new Acl(Object.freeze(rules), keys);
  }

  /** Reads and parses an ACL file; a read or JSON failure is E_CONFIG too. */
  static async load(file: string, limits: AclLimits = DEFAULT_ACL_LIMITS): Promise<Acl> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new EtxError('E_CONFIG', `${file}: cannot read the ACL: ${(err as Error).message}`, { cause: err });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new EtxError('E_CONFIG', `${file}: not valid JSON: ${(err as Error).message}`, { cause: err });
    }
    return Acl.parse(json, file, limits);
  }

  /** Whether `who` may exercise `right` on `path`. Fails closed on any odd input. */
  allows(who: Principal, right: Right, path: string): boolean {
    if (!who || typeof who.name !== 'string' || who.name === '') return false;
    if (!KNOWN_RIGHTS.has(right)) return false;
    // Callers validate first; this is the belt to those braces (the matcher is never the check).
    try {
      validateRequestPath(path, ACL_PATH_LIMITS);
    } catch {
      return false;
    }
    let allowed = false;
    for (const rule of this.rules) {
      const denies = rule.deny.has(right);
      // Skip the matcher when the rule cannot change the outcome.
      if (!denies && (allowed || !rule.allow.has(right))) continue;
      if (!appliesTo(rule, who) || !matchesPath(rule, path)) continue;
      if (denies) return false;
      allowed = true;
    }
    return allowed;
  }

  /** Throws E_ACL_DENIED unless `allows`. */
  check(who: Principal, right: Right, path: string): void {
    if (!this.allows(who, right, path)) {
      throw new EtxError('E_ACL_DENIED', `${displayPath(String(who?.name))} may not ${right} ${displayPath(path)}`);
    }
  }

  /** The public keys that prove `user` (none for an unknown user, or anonymous and `*`). */
  keysOf(user: string): readonly UserKey[] {
    return this.keys.get(user) ?? [];
  }

  /** How many users have keys. */
  /** Rules in force (for the start-up log). */
  get ruleCount(): number {
    return this.rules.length;
  }

  get userCount(): number {
    return this.keys.size;
  }

  /** True if some rule allows anonymous this right on some path (used to warn at start-up). */
  anonymousMay(right: Right): boolean {
    return this.rules.some((rule) => rule.anonymous && rule.allow.has(right));
  }
}

function checkUserName(name: unknown, fail: (why: string) => EtxError): asserts name is string {
  if (typeof name !== 'string' || name === '') throw fail('a user name must be a non-empty string');
  if (name.length > 256 || !USER_NAME_RE.test(name)) {
    throw fail(`invalid user name ${displayPath(name, 64)}`);
  }
}

function compileAudience(users: readonly unknown[], fail: (why: string) => EtxError): Audience {
  let anonymous = false;
  let anyAuthenticated = false;
  const names = new Set<string>();
  for (const name of users) {
    checkUserName(name, fail);
    if (name === ANONYMOUS_NAME) anonymous = true;
    else if (name === ANY_AUTHENTICATED) anyAuthenticated = true;
    else names.add(name);
  }
  return { anonymous, anyAuthenticated, names };
}

/**
 * A list of users in the ACL's words: names, `*` (any authenticated user) and `anonymous`. It is
 * what `serve --allow-relay USERS` takes; a bad name is E_USAGE naming the option (`what`).
 */
export interface UserList {
  includes(who: Principal): boolean;
  /** As given, for logs and messages. */
  readonly shown: string;
}

export function compileUserList(users: readonly string[], what: string): UserList {
  const fail = (why: string) => new EtxError('E_USAGE', `${what}: ${why}`);
  if (users.length === 0) throw fail('the list of users is empty');
  const audience = compileAudience(users, fail);
  return Object.freeze({ includes: (who: Principal) => appliesTo(audience, who), shown: users.join(',') });
}

function compileRule(rule: unknown, limits: AclLimits, fail: (why: string) => EtxError): CompiledRule {
  if (!isPlainObject(rule)) throw fail('a rule must be an object with "users", "paths" and "allow" or "deny"');
  for (const key of Object.keys(rule)) {
    if (!ALLOWED_RULE_KEYS.has(key)) throw fail(`unknown key ${JSON.stringify(key)}`);
  }

  if (!Array.isArray(rule.users) || rule.users.length === 0) throw fail('"users" must be a non-empty array');
  const { anonymous, anyAuthenticated, names } = compileAudience(rule.users as unknown[], fail);

  const rights = (key: 'allow' | 'deny'): Set<Right> => {
    const list = rule[key];
    if (list === undefined) return new Set();
    if (!Array.isArray(list)) throw fail(`"${key}" must be an array of rights`);
    for (const r of list as unknown[]) {
      if (typeof r !== 'string' || !KNOWN_RIGHTS.has(r)) {
        throw fail(`unknown right ${JSON.stringify(r)} in "${key}" (rights: ${RIGHTS.join(', ')})`);
      }
    }
    return new Set(list as Right[]);
  };
  const allow = rights('allow');
  const deny = rights('deny');
  if (allow.size === 0 && deny.size === 0) throw fail('a rule needs a non-empty "allow" or "deny"');

  if (!Array.isArray(rule.paths) || rule.paths.length === 0) throw fail('"paths" must be a non-empty array');
  const paths = (rule.paths as unknown[]).map((p) => compilePattern(p, limits, fail));

  return Object.freeze({ anonymous, anyAuthenticated, names, allow, deny, paths: Object.freeze(paths) });
}

function compilePattern(pattern: unknown, limits: AclLimits, fail: (why: string) => EtxError): PathMatcher {
  if (typeof pattern !== 'string') throw fail('a path pattern must be a string');
  const shown = displayPath(pattern, 80);
  // Size caps first: they bound the matcher's work on every request (THREATS G3).
  if (pattern.length > limits.maxPatternBytes || Buffer.byteLength(pattern, 'utf8') > limits.maxPatternBytes) {
    throw fail(`pattern ${shown} is longer than ${limits.maxPatternBytes} bytes`);
  }
  // Count every run of two or more stars, whether or not minimatch would treat it as a globstar.
  const globstars = pattern.match(/\*{2,}/g)?.length ?? 0;
  if (globstars > limits.maxGlobstarsPerPattern) {
    throw fail(`pattern ${shown} has ${globstars} "**", more than ${limits.maxGlobstarsPerPattern}`);
  }
  if (!pattern.startsWith('/')) throw fail(`pattern ${shown} is not absolute`);
  if (BAD_PATTERN_CHAR_RE.test(pattern)) throw fail(`pattern ${shown} contains a control character`);
  if (pattern.normalize('NFC') !== pattern) throw fail(`pattern ${shown} is not in Unicode NFC`);
  // minimatch would quietly fold `a/../b` and `a//b`; we refuse them as we refuse them in paths.
  if (pattern !== '/') {
    for (const c of pattern.slice(1).split('/')) {
      if (c === '' || c === '.' || c === '..') throw fail(`pattern ${shown} has an empty, "." or ".." component`);
    }
  }

  let glob: Minimatch;
  let folder: Minimatch | undefined;
  try {
    glob = new Minimatch(pattern, GLOB_OPTIONS);
    if (pattern.endsWith('/**') && pattern !== '/**') {
      folder = new Minimatch(pattern.slice(0, -3), GLOB_OPTIONS);
    }
  } catch (err) {
    throw fail(`pattern ${shown}: ${(err as Error).message}`);
  }
  return Object.freeze({ glob, folder, coversRoot: pattern === '/**' });
}

function appliesTo(rule: Audience, who: Principal): boolean {
  if (who.authenticated !== true) return rule.anonymous;
  // Reserved names never identify an authenticated user (none can have keys).
  if (who.name === ANONYMOUS_NAME || who.name === ANY_AUTHENTICATED) return false;
  return rule.anyAuthenticated || rule.names.has(who.name);
}

function matchesPath(rule: CompiledRule, path: string): boolean {
  for (const m of rule.paths) {
    if ((path === '/' && m.coversRoot) || m.glob.match(path) || m.folder?.match(path)) return true;
  }
  return false;
}
