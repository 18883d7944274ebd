import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySettings, expandAlias, loadClientConfig } from '../../src/cli/config-file.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A command shaped like ours, whose action records the options it saw. */
function command(settings: Record<string, unknown>): { cmd: Command; seen: () => Record<string, unknown> } {
  let seen: Record<string, unknown> = {};
  const cmd = new Command('copy')
    .exitOverride()
    .option('-p, --streams <n>', 'streams', '4')
    .option('--retry-delay-ms <ms>', 'delay', '1000')
    .option('--push', 'push')
    .addOption(new Option('--data <host:port>', 'data').argParser(collect).default([]))
    .argument('[args...]')
    .hook('preAction', (c) => applySettings(c, settings, 'config.json'))
    .action((_args, flags) => {
      seen = flags;
    });
  return { cmd, seen: () => seen };
}

describe('applySettings', () => {
  it('regression: a --no-... option (serve --no-inbound) can be set from a file, as true or false', async () => {
    for (const [value, inbound] of [
      [true, false],
      [false, true],
    ] as const) {
      let seen: Record<string, unknown> = {};
      const cmd = new Command('serve')
        .exitOverride()
        .option('--no-inbound', 'no data port')
        .hook('preAction', (c) => applySettings(c, { 'no-inbound': value }, 'serve.json'))
        .action((flags) => {
          seen = flags;
        });
      await cmd.parseAsync([], { from: 'user' });
      expect(seen.inbound).toBe(inbound);
    }
  });

  it('an option with an optional value (serve --allow-relay [users]) takes true, false, the value or a list from a file', async () => {
    for (const [value, expected] of [
      [true, true],
      [false, undefined],
      ['alice,bob', 'alice,bob'],
      [['alice', 'bob'], 'alice,bob'],
    ] as const) {
      let seen: Record<string, unknown> = {};
      const cmd = new Command('serve')
        .exitOverride()
        .option('--allow-relay [users]', 'relay')
        .hook('preAction', (c) => applySettings(c, { 'allow-relay': value }, 'serve.json'))
        .action((flags) => {
          seen = flags;
        });
      await cmd.parseAsync([], { from: 'user' });
      expect(seen.allowRelay).toBe(expected);
    }
  });

  it('fills options left at their defaults; the command line wins', async () => {
    const { cmd, seen } = command({ streams: 8, 'retry-delay-ms': 250, push: true, data: ['10.0.0.5:8008', '10.0.0.6:8008'] });
    await cmd.parseAsync(['-p', '2'], { from: 'user' });
    expect(seen()).toEqual({ streams: '2', retryDelayMs: '250', push: true, data: ['10.0.0.5:8008', '10.0.0.6:8008'] });
  });

  it('an unknown key or a wrong type is E_CONFIG naming the file and the key', async () => {
    for (const [settings, text] of [
      [{ stream: 8 }, /config\.json: unknown setting "stream"/],
      [{ push: 'yes' }, /"push" must be true or false/],
      [{ streams: { n: 1 } }, /"streams" must be a string or a number/],
    ] as const) {
      const { cmd } = command(settings);
      await expect(cmd.parseAsync([], { from: 'user' })).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringMatching(text) });
    }
  });
});

describe('expandAlias', () => {
  const aliases = new Map([
    ['jive', 'jive.example.org#4004'],
    ['lab', 'bob@10.0.0.7'],
  ]);
  it.each([
    ['jive:/data/x', 'jive.example.org#4004:/data/x'],
    ['alice@jive:/data/x', 'alice@jive.example.org#4004:/data/x'],
    ['lab:/in/', 'bob@10.0.0.7:/in/'],
    ['carol@lab:/in/', 'carol@10.0.0.7:/in/'],
    ['other:/x', 'other:/x'],
    ['./jive:/x', './jive:/x'],
    ['jive', 'jive'],
    ['et://jive/x', 'et://jive/x'],
  ])('%s -> %s', (text, expected) => {
    expect(expandAlias(text, aliases)).toBe(expected);
  });
});

describe('loadClientConfig', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'etx-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads sections and aliases; a missing default file is no config', async () => {
    const file = path.join(dir, 'ok.json');
    await writeFile(file, JSON.stringify({ copy: { streams: 8 }, ls: {}, aliases: { jive: 'jive.example.org#4004' } }));
    const config = await loadClientConfig(file, true);
    expect(config.commands.get('copy')).toEqual({ streams: 8 });
    expect(config.aliases.get('jive')).toBe('jive.example.org#4004');
    expect((await loadClientConfig(path.join(dir, 'absent.json'), true)).aliases.size).toBe(0);
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['an array', '[]', /JSON object/],
    ['an unknown section', '{"serve": {}}', /unknown key "serve"/],
    ['a bad alias target', '{"aliases": {"x": "bad host"}}', /alias x/],
    ['a bad alias name', '{"aliases": {"-x": "h"}}', /alias name/],
  ])('%s is E_CONFIG', async (_name, text, message) => {
    const file = path.join(dir, 'bad.json');
    await writeFile(file, text);
    await expect(loadClientConfig(file, true)).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringMatching(message) });
  });

  it('an explicit file that is missing is E_CONFIG', async () => {
    await expect(loadClientConfig(path.join(dir, 'nope.json'), false)).rejects.toMatchObject({ code: 'E_CONFIG' });
  });
});
