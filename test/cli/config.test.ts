/**
 * Configuration files from the command line (issue 6 item 8): `serve --config FILE` holds serve
 * options, `~/.config/etransfer/config.json` holds client defaults and host aliases; flags win.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from '../../src/client/control-client.js';
import { type ServerProcess, runCli, startServerProcess } from '../helpers/processes.js';
import { type Scratch, makeScratch, sha256File, writeAclFile, writeRandomFile } from '../helpers/servers.js';

describe('configuration files', () => {
  let scratch: Scratch;
  let server: ServerProcess;
  let home: string;
  const env = () => ({ ...process.env, HOME: home, ETRANSFER_CONFIG: undefined });

  beforeAll(async () => {
    scratch = await makeScratch();
    home = path.join(scratch.root, 'home');
    await fsp.mkdir(path.join(home, '.config', 'etransfer'), { recursive: true });
    const serveConfig = path.join(scratch.root, 'serve.json');
    await fsp.writeFile(serveConfig, JSON.stringify({ acl: await writeAclFile(scratch), 'max-streams': 2, 'log-level': 'info' }));
    server = await startServerProcess(['--config', serveConfig]);
  });

  afterAll(async () => {
    await server?.stop();
    await scratch?.cleanup();
  });

  it('serve --config: its ACL and limits apply (the server grants 2 streams)', async () => {
    const client = await ControlClient.connect('127.0.0.1', server.controlPort);
    try {
      expect(client.hello.maxStreams).toBe(2);
    } finally {
      client.close();
    }
  });

  it('serve --config with an unknown setting refuses to start (exit 2, E_CONFIG, naming it)', async () => {
    const bad = path.join(scratch.root, 'bad-serve.json');
    await fsp.writeFile(bad, JSON.stringify({ 'max-stream': 2 }));
    const r = await runCli(['serve', '--control', '127.0.0.1:0', '--data', '127.0.0.1:0', '--config', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_CONFIG');
    expect(r.stderr).toContain('max-stream');
  });

  it('client config: an alias names the server, copy defaults apply', async () => {
    await fsp.writeFile(
      path.join(home, '.config', 'etransfer', 'config.json'),
      JSON.stringify({ copy: { streams: 2, retries: 0 }, aliases: { site: `127.0.0.1#${server.controlPort}` } }),
    );
    const src = path.join(scratch.pub, 'via-alias.bin');
    const hash = await writeRandomFile(src, 300_000);
    const r = await runCli(['copy', `site:${src}`, `site:${src}.copy`], 30_000, env());
    expect(r.code, r.stderr).toBe(0);
    expect(await sha256File(`${src}.copy`)).toBe(hash);
    const ls = await runCli(['ls', `site:${scratch.pub}`], 30_000, env());
    expect(ls.stdout).toContain('via-alias.bin.copy');
  });

  it('a broken client config is exit 2 naming the file; ETRANSFER_CONFIG points elsewhere', async () => {
    const broken = path.join(scratch.root, 'broken.json');
    await fsp.writeFile(broken, JSON.stringify({ copy: { strems: 2 } }));
    const r = await runCli(['copy', 'x:/a', 'y:/b'], 30_000, { ...env(), ETRANSFER_CONFIG: broken });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(broken);
    expect(r.stderr).toContain('strems');
  });
});
