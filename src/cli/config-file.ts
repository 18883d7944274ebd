/**
 * Defaults from JSON files (issue 6 item 8), applied to commander's own option definitions so a
 * setting and its flag can never drift apart: a key is a long flag without its dashes
 * (`"streams": 8`, `"retry-delay-ms": 500`, `"data": ["10.0.0.5:8008"]`), and a flag given on the
 * command line always wins over the file.
 *
 * - `~/.config/etransfer/config.json` (or `$ETRANSFER_CONFIG`): the client's defaults for `copy` and
 *   `ls`, in sections `"copy": {...}` and `"ls": {...}`, plus `"aliases": {"jive": "jive.example.org#4004"}`
 *   naming hosts (`jive:/data/x`). A missing default file is fine; a broken one is E_CONFIG.
 * - `serve --config FILE`: every serve option.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Command, Option } from 'commander';
import { parseEndpoint } from '../common/endpoint.js';
import { EtxError } from '../common/errors.js';

export type Settings = Record<string, unknown>;

export interface ClientConfig {
  /** Per command name (`copy`, `ls`): its option defaults. */
  commands: ReadonlyMap<string, Settings>;
  aliases: ReadonlyMap<string, string>;
}

export const EMPTY_CLIENT_CONFIG: ClientConfig = { commands: new Map(), aliases: new Map() };

const CLIENT_SECTIONS: ReadonlySet<string> = new Set(['copy', 'ls']);
const ALIAS_NAME = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/;

function bad(origin: string, why: string): EtxError {
  return new EtxError('E_CONFIG', `${origin}: ${why}`);
}

function isPlainObject(v: unknown): v is Settings {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function defaultClientConfigFile(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  return env.ETRANSFER_CONFIG || path.join(home, '.config', 'etransfer', 'config.json');
}

/** Reads a JSON object; `undefined` if the file is missing and `optional`. */
export async function readJsonObject(file: string, optional: boolean): Promise<Settings | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (optional && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw bad(file, `cannot read it: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw bad(file, `not valid JSON: ${(err as Error).message}`);
  }
  if (!isPlainObject(json)) throw bad(file, 'must be a JSON object');
  return json;
}

/** The client's config file, checked: sections for known commands, aliases that parse. */
export async function loadClientConfig(file: string, optional: boolean): Promise<ClientConfig> {
  const json = await readJsonObject(file, optional);
  if (!json) return EMPTY_CLIENT_CONFIG;
  const commands = new Map<string, Settings>();
  const aliases = new Map<string, string>();
  for (const [key, value] of Object.entries(json)) {
    if (key === 'aliases') {
      if (!isPlainObject(value)) throw bad(file, '"aliases" must map names to hosts ("jive": "jive.example.org#4004")');
      for (const [name, target] of Object.entries(value)) {
        if (!ALIAS_NAME.test(name)) throw bad(file, `alias name ${JSON.stringify(name)}: letters, digits, . _ -, starting with a letter`);
        if (typeof target !== 'string') throw bad(file, `alias ${name}: the target must be a string like "host#port"`);
        try {
          parseEndpoint(`${target}:/`);
        } catch {
          throw bad(file, `alias ${name}: "${target}" is not [user@]host[#port]`);
        }
        aliases.set(name, target);
      }
    } else if (CLIENT_SECTIONS.has(key)) {
      if (!isPlainObject(value)) throw bad(file, `"${key}" must be an object of ${key} options`);
      commands.set(key, value);
    } else {
      throw bad(file, `unknown key ${JSON.stringify(key)} (expected "copy", "ls" or "aliases")`);
    }
  }
  return { commands, aliases };
}

/**
 * Replaces an alias in the host part of an etc-form endpoint (`jive:/data/x`, `alice@jive:/x`):
 * the alias's target supplies the host and port (and a user, unless the endpoint names one).
 * Anything else is returned as it was.
 */
export function expandAlias(text: string, aliases: ReadonlyMap<string, string>): string {
  if (aliases.size === 0) return text;
  const colon = text.indexOf(':');
  if (colon <= 0 || text[colon + 1] !== '/' || text.slice(0, colon).includes('/')) return text;
  const head = text.slice(0, colon);
  const at = head.lastIndexOf('@');
  const user = at >= 0 ? head.slice(0, at) : undefined;
  const host = at >= 0 ? head.slice(at + 1) : head;
  const target = aliases.get(host);
  if (target === undefined) return text;
  const targetHasUser = target.includes('@');
  const resolvedHead = user !== undefined ? `${user}@${targetHasUser ? target.slice(target.lastIndexOf('@') + 1) : target}` : target;
  return `${resolvedHead}${text.slice(colon)}`;
}

function findOption(command: Command, key: string): Option | undefined {
  return command.options.find((o) => o.long === `--${key}`);
}

/** A config value as commander would have parsed it from the command line. */
function asOptionValue(option: Option, value: unknown, origin: string, key: string): unknown {
  if (option.negate) {
    // `"no-inbound": true` is the flag given: commander's attribute (`inbound`) is then false.
    if (typeof value !== 'boolean') throw bad(origin, `"${key}" must be true or false`);
    return !value;
  }
  if (option.isBoolean()) {
    if (typeof value !== 'boolean') throw bad(origin, `"${key}" must be true or false`);
    return value;
  }
  // An optional value (`--allow-relay [users]`): true is the flag alone, false leaves it out, and a
  // list is its values joined as on the command line.
  if (option.optional && typeof value === 'boolean') return value ? true : undefined;
  if (option.optional && Array.isArray(value) && !option.variadic) {
    return value
      .map((v) => {
        if (typeof v !== 'string') throw bad(origin, `"${key}" must be true, false, a string or a list of strings`);
        return v;
      })
      .join(',');
  }
  const one = (v: unknown): string => {
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return String(v);
    throw bad(origin, `"${key}" must be a string or a number`);
  };
  if (option.variadic || Array.isArray(option.defaultValue)) {
    return (Array.isArray(value) ? value : [value]).map(one);
  }
  return one(value);
}

/**
 * Sets `command`'s options from `settings` wherever the command line left them at their
 * defaults. An unknown key is E_CONFIG (a typo must not silently do nothing).
 */
export function applySettings(command: Command, settings: Settings, origin: string, ignore: ReadonlySet<string> = new Set()): void {
  for (const [key, value] of Object.entries(settings)) {
    if (ignore.has(key)) continue;
    const option = findOption(command, key);
    if (!option) throw bad(origin, `unknown setting ${JSON.stringify(key)} for \`etransfer ${command.name()}\` (see --help)`);
    const name = option.attributeName();
    const source = command.getOptionValueSource(name);
    if (source !== undefined && source !== 'default') continue;
    command.setOptionValueWithSource(name, asOptionValue(option, value, origin, key), 'config');
  }
}
