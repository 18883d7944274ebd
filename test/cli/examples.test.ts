/**
 * The files an admin copies from examples/ (issue 8 item 4) are valid and agree with each other:
 * serve.json is read by the real config loader and starts a real `etransfer serve --config` (the
 * loader refuses an unknown key, so every key is a serve option); acl.json loads with the real ACL
 * loader and grants what the README says; etransfer.service runs that config, gives SIGTERM's drain
 * its time, lets the server write where the ACL lets users write, and passes `systemd-analyze
 * verify` where systemd is installed.
 */
import { execFile } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonObject } from '../../src/cli/config-file.js';
import { ANONYMOUS, Acl, type Principal } from '../../src/common/acl.js';
import { parseHostPort } from '../../src/common/host-port.js';
import { BIN, runCli, startServerProcess } from '../helpers/processes.js';
import { makeCertificate, writeCertificate } from '../helpers/tls.js';
import { waitFor } from '../helpers/wait.js';

const execFileAsync = promisify(execFile);
const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');
const SERVE_JSON = path.join(EXAMPLES, 'serve.json');
const ACL_JSON = path.join(EXAMPLES, 'acl.json');
const UNIT = path.join(EXAMPLES, 'etransfer.service');
/** The site folder the example ACL names. */
const SITE = '/srv/etransfer';

/** A systemd unit: section -> key -> every value it was given, in order. */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1]!, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq < 0) throw new Error(`not a unit line: ${line}`);
    const key = line.slice(0, eq).trim();
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1).trim()]);
  }
  return sections;
}

async function exampleServe(): Promise<Record<string, unknown>> {
  return (await readJsonObject(SERVE_JSON, false))!;
}

describe('examples/', () => {
  let tmp = '';

  beforeAll(async () => {
    tmp = await fsp.realpath(await fsp.mkdtemp(path.join(os.tmpdir(), 'etx-examples-')));
  });

  afterAll(async () => {
    if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
  });

  it('serve.json: the config loader reads it and `etransfer serve --config` starts with it (site paths swapped in)', async () => {
    const example = await exampleServe();
    parseHostPort(String(example.control));
    expect(Array.isArray(example.data)).toBe(true);
    for (const d of example.data as unknown[]) parseHostPort(String(d));

    const aclFile = path.join(tmp, 'acl.json');
    await fsp.writeFile(aclFile, (await fsp.readFile(ACL_JSON, 'utf8')).replaceAll(`${SITE}/`, `${tmp}/srv/`));
    const { certFile, keyFile } = await writeCertificate(tmp, makeCertificate());
    const config = { ...example, acl: aclFile, 'state-dir': path.join(tmp, 'state'), 'tls-cert': certFile, 'tls-key': keyFile };
    for (const key of Object.keys(config)) expect(Object.keys(example), key).toContain(key);
    const file = path.join(tmp, 'serve.json');
    await fsp.writeFile(file, JSON.stringify(config));

    // The helper's --control/--data (127.0.0.1, port 0) win over the file's addresses.
    const server = await startServerProcess(['--config', file]);
    expect(server.certificate).toMatch(/^sha256:/);
    // The start-up log names the ACL in force.
    await waitFor(() => server.log.some((line) => line.includes(JSON.stringify(aclFile))), 5000);
    await expect(fsp.stat(path.join(tmp, 'state'))).resolves.toBeTruthy();
    await server.stop();
    expect(server.child.exitCode).toBe(0);

    // The same file with a misspelt key does not start: so every key above is a real serve option.
    const misspelt = path.join(tmp, 'misspelt.json');
    await fsp.writeFile(misspelt, JSON.stringify({ ...config, 'max-stream': 16 }));
    const refused = await runCli(['serve', '--config', misspelt, '--control', '127.0.0.1:0', '--data', '127.0.0.1:0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/E_CONFIG: .*misspelt\.json: unknown setting "max-stream"/);
  });

  it('acl.json: the ACL loader reads it, and it grants what the README says', async () => {
    const acl = await Acl.load(ACL_JSON);
    const user = (name: string): Principal => ({ name, authenticated: true });
    const [alice, bob, carol] = [user('alice'), user('bob'), user('carol')];
    expect(acl.keysOf('alice')).toHaveLength(1);
    expect(acl.keysOf('bob')).toHaveLength(2);
    const cases: Array<[Principal, 'list' | 'read' | 'write' | 'delete', string, boolean]> = [
      [carol, 'read', `${SITE}/data/run1/x.vdif`, true],
      [carol, 'list', `${SITE}/data`, true],
      [carol, 'write', `${SITE}/incoming/x`, false],
      [ANONYMOUS, 'read', `${SITE}/data/run1/x.vdif`, false],
      [ANONYMOUS, 'read', '/tmp/x', false],
      [alice, 'write', `${SITE}/incoming/run1/x.vdif`, true],
      [bob, 'write', `${SITE}/incoming/x`, true],
      [alice, 'delete', `${SITE}/incoming/x`, true],
      [bob, 'delete', `${SITE}/incoming/x`, false],
      [alice, 'write', `${SITE}/data/x`, false],
      [alice, 'write', `${SITE}/data/archive/x`, false],
      [alice, 'read', `${SITE}/data/archive/x`, true],
      [carol, 'read', '/dev/zero', true],
      [carol, 'write', '/dev/null', true],
      [ANONYMOUS, 'write', '/dev/null', false],
      [alice, 'read', '/etc/passwd', false],
    ];
    for (const [who, right, p, allowed] of cases) expect(acl.allows(who, right, p), `${who.name} ${right} ${p}`).toBe(allowed);
  });

  it('etransfer.service: runs serve.json as user etransfer, reloads with SIGHUP, drains on stop, may write where the ACL lets users write', async () => {
    const unit = parseUnit(await fsp.readFile(UNIT, 'utf8'));
    const service = unit.get('Service')!;
    const one = (key: string): string => {
      const values = service.get(key) ?? [];
      expect(values, key).toHaveLength(1);
      return values[0]!;
    };
    expect(one('User')).toBe('etransfer');
    expect(one('ExecStart')).toBe('/usr/bin/etransfer serve --config /etc/etransfer/serve.json');
    expect(one('ExecReload')).toBe('/bin/kill -HUP $MAINPID');
    expect(one('NoNewPrivileges')).toBe('yes');
    expect(one('ProtectSystem')).toBe('strict');
    expect(one('PrivateTmp')).toBe('yes');
    // V8's JIT and WebAssembly need writable executable memory.
    expect(service.get('MemoryDenyWriteExecute') ?? []).not.toContain('yes');
    expect(unit.get('Install')?.get('WantedBy')).toEqual(['multi-user.target']);

    const serve = await exampleServe();
    const drainMs = Number(serve['drain-timeout-ms']);
    const stopMs = Number(one('TimeoutStopSec')) * 1000;
    expect(stopMs).toBeGreaterThan(drainMs);
    expect(stopMs).toBeLessThanOrEqual(drainMs + 120_000);
    expect(`/var/lib/${one('StateDirectory')}`).toBe(serve['state-dir']);

    // Every folder the ACL lets someone write or delete in is writable under ProtectSystem=strict.
    const writable = (service.get('ReadWritePaths') ?? []).flatMap((v) => v.split(/\s+/)).map((p) => p.replace(/^[-+]/, ''));
    const acl = JSON.parse(await fsp.readFile(ACL_JSON, 'utf8')) as { rules: Array<{ allow?: string[]; paths: string[] }> };
    const written = acl.rules
      .filter((r) => (r.allow ?? []).some((right) => right === 'write' || right === 'delete'))
      .flatMap((r) => r.paths)
      .filter((p) => p !== '/dev/null')
      .map((p) => p.replace(/\/\*\*$/, ''));
    expect(written.length).toBeGreaterThan(0);
    for (const p of written)
      expect(
        writable.some((w) => p === w || p.startsWith(`${w}/`)),
        p,
      ).toBe(true);
    expect(written.every((p) => !/[*?[]/.test(p))).toBe(true);
  });

  it('etransfer.service passes systemd-analyze verify (where systemd is installed)', async (context) => {
    const analyze = await execFileAsync('systemd-analyze', ['--version']).catch(() => undefined);
    if (!analyze) return context.skip('systemd-analyze is not installed');
    // verify checks that ExecStart exists: point it at this checkout's etransfer.
    const copy = path.join(tmp, 'etransfer.service');
    await fsp.writeFile(copy, (await fsp.readFile(UNIT, 'utf8')).replace('ExecStart=/usr/bin/etransfer ', `ExecStart=${BIN} `));
    const { stderr } = await execFileAsync('systemd-analyze', ['verify', '--man=no', copy]).catch((err: Error & { stderr?: string }) => ({
      stderr: `${err.message}\n${err.stderr ?? ''}`,
    }));
    // Complaints about the unit name the file; systemd's own notes about this host (not booted with it) do not.
    const complaints = stderr.split('\n').filter((line) => line.includes(copy) || line.includes('etransfer.service'));
    expect(complaints).toEqual([]);
  });
});
