/**
 * Install (issue 8 item 4): `npm pack` builds dist/ (which is not committed) into the tarball, and
 * the tarball installs with `npm install -g` into a temporary prefix. The INSTALLED `etransfer`
 * prints the package's version, makes a key, and runs two servers from the shipped
 * examples/serve.json and examples/acl.json (site paths, the key and a certificate swapped in) that
 * do a real third-party copy over TLS with authentication; then, with the native BLAKE3 package
 * removed as on a platform without a prebuilt binary, a server on the WebAssembly fallback
 * receives a copy from one on the native hash.
 *
 * The pack runs in a copy of the checkout (no dist/, node_modules linked), so it neither rewrites
 * the dist/ that other test files are running nor depends on one built earlier. The install uses
 * the npm registry, preferring npm's cache (CI's `npm ci` filled it).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, promises as fsp, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type ServerProcess, startServerProcess } from '../helpers/processes.js';
import { sha256File, writeRandomFile } from '../helpers/servers.js';
import { makeCertificate, writeCertificate } from '../helpers/tls.js';

const execFileAsync = promisify(execFile);

const ROOT = path.resolve(import.meta.dirname, '../..');
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  devDependencies: Record<string, string>;
};
/** What a fresh clone lacks (or must not be packed from): left out of the copy that is packed. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', 'coverage', 'bench/results']);

/**
 * The environment for npm: ours, less what `npm test` exported about this checkout (its prefix,
 * package and script), which would point the inner npm back at /work/main or at a global install.
 */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: 'false' };
  const inherited =
    /^npm_(package_|lifecycle_|command$|execpath$|node_execpath$|config_(local_prefix|prefix|global|global_prefix|location|dry_run|json|ignore_scripts|omit|include|production|only|offline|pack_destination|workspaces?|save.*)$)/i;
  for (const key of Object.keys(env)) if (inherited.test(key)) delete env[key];
  env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${env.PATH ?? ''}`;
  return env;
}

/** The environment of a machine with Node and nothing else: no module path, proxy or user config of ours. */
function cleanEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  for (const key of Object.keys(env)) {
    if (/^(npm_|NODE_OPTIONS$|NODE_PATH$|ETRANSFER_|ETX_|VITEST|https?_proxy$|all_proxy$|no_proxy$)/i.test(key)) delete env[key];
  }
  env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
  return env;
}

async function run(
  cmd: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync(cmd, args, { cwd: options.cwd, env: options.env, timeout: options.timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** SIGTERM (the server drains, and has nothing running), then SIGKILL if it has not gone in 10 s. */
async function stopServer(server: ServerProcess): Promise<void> {
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await server.stop();
  clearTimeout(timer);
}

describe('npm pack, npm install -g, and the installed etransfer', () => {
  let tmp = '';
  let tarball = '';
  let tarFiles: string[] = [];
  let prefix = '';
  let installed = '';
  let etransfer = '';
  let home = '';
  let env: NodeJS.ProcessEnv = {};
  const servers: ServerProcess[] = [];

  /** `etransfer serve` from the installed package (the helper's command line, minus its own BIN). */
  const startInstalledServer = (args: string[]): Promise<ServerProcess> =>
    startServerProcess(args, 0, env, {
      spawn: (_cmd, argv, opts): ChildProcess => {
        if (argv[0] !== BIN) throw new Error(`unexpected server command line ${argv.join(' ')}`);
        return spawn(etransfer, argv.slice(1), { ...opts, cwd: tmp });
      },
    });

  const cli = (args: string[], timeoutMs = 30_000) => run(etransfer, args, { cwd: tmp, env, timeoutMs });

  beforeAll(async () => {
    tmp = await fsp.realpath(await fsp.mkdtemp(path.join(os.tmpdir(), 'etx-package-')));
    const checkout = path.join(tmp, 'checkout');
    await fsp.cp(ROOT, checkout, {
      recursive: true,
      filter: (source) => !NOT_COPIED.has(path.relative(ROOT, source).split(path.sep).join('/')),
    });
    await fsp.symlink(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
    // Left over from an older build: prepack must clear dist/ before building it.
    await fsp.mkdir(path.join(checkout, 'dist'));
    await fsp.writeFile(path.join(checkout, 'dist', 'stale-from-an-old-build.js'), 'throw new Error("stale");\n');

    const packed = path.join(tmp, 'packed');
    await fsp.mkdir(packed);
    await run('npm', ['pack', '--pack-destination', packed, '--loglevel=warn'], { cwd: checkout, env: npmEnv(), timeoutMs: 90_000 });
    const tgz = (await fsp.readdir(packed)).filter((f) => f.endsWith('.tgz'));
    expect(tgz).toEqual([`${PKG.name}-${PKG.version}.tgz`]);
    tarball = path.join(packed, tgz[0]!);
    tarFiles = (await run('tar', ['-tzf', tarball], { cwd: tmp, env: process.env, timeoutMs: 30_000 })).stdout.split('\n').filter(Boolean);

    prefix = path.join(tmp, 'prefix');
    await run('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
      cwd: tmp,
      env: npmEnv(),
      timeoutMs: 150_000,
    });
    installed = path.join(prefix, 'lib', 'node_modules', PKG.name);
    etransfer = path.join(prefix, 'bin', 'etransfer');
    home = path.join(tmp, 'home');
    await fsp.mkdir(home);
    env = cleanEnv(home);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map(stopServer));
    if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
  }, 60_000);

  it('the tarball holds the built dist/, bin, examples and README, and no sources, tests or leftovers', () => {
    const files = new Set(tarFiles.map((f) => f.replace(/^package\//, '')));
    for (const f of [
      'package.json',
      'README.md',
      'bin/etransfer',
      'dist/cli/main.js',
      'dist/common/proto/control.js',
      'dist/transfer/chunk-hash.js',
      'examples/etransfer.service',
      'examples/serve.json',
      'examples/acl.json',
      'acl.example.json',
      'LICENSE',
    ]) {
      expect(files, f).toContain(f);
    }
    const unexpected = [...files].filter((f) => /^(src|test|bench|scripts|node_modules|\.ci|\.git)\//.test(f) || /\.ts$/.test(f));
    expect(unexpected).toEqual([]);
    expect(files).not.toContain('dist/stale-from-an-old-build.js');
    // Every compiled file comes from a source file of this checkout.
    for (const f of files) {
      if (!f.startsWith('dist/') || !f.endsWith('.js')) continue;
      const stem = path.join(ROOT, 'src', f.slice('dist/'.length, -'.js'.length));
      expect(existsSync(`${stem}.ts`) || existsSync(`${stem}.js`), f).toBe(true);
    }
  });

  it('installs into the prefix with its runtime dependencies only, and the installed etransfer prints the version', async () => {
    await fsp.access(etransfer, fsp.constants.X_OK);
    const devOnly = Object.keys(PKG.devDependencies).filter((name) => existsSync(path.join(installed, 'node_modules', name)));
    expect(devOnly).toEqual([]);
    const { stdout } = await cli(['--version']);
    expect(stdout.trim()).toBe(PKG.version);
  });

  it('two servers started from the installed binary and the shipped examples do a third-party copy', async () => {
    // The site: the examples' /srv/etransfer, /var/lib/etransfer and /etc/etransfer, under tmp.
    const srv = path.join(tmp, 'srv');
    await fsp.mkdir(path.join(srv, 'data', 'run1'), { recursive: true });
    await fsp.mkdir(path.join(srv, 'incoming'), { recursive: true });
    const etc = path.join(tmp, 'etc');
    await fsp.mkdir(etc);

    const key = path.join(home, 'alice');
    await cli(['keygen', '-C', 'alice@test', key]);
    const aliceLine = (await fsp.readFile(`${key}.pub`, 'utf8')).trim();
    const aclText = (await fsp.readFile(path.join(installed, 'examples', 'acl.json'), 'utf8')).replaceAll('/srv/etransfer/', `${srv}/`);
    const acl = JSON.parse(aclText) as { users: Record<string, string[]> };
    expect(Object.keys(acl.users)).toContain('alice');
    acl.users.alice = [aliceLine];
    const aclFile = path.join(etc, 'acl.json');
    await fsp.writeFile(aclFile, JSON.stringify(acl));

    const { certFile, keyFile } = await writeCertificate(etc, makeCertificate('127.0.0.1'));
    const example = JSON.parse(await fsp.readFile(path.join(installed, 'examples', 'serve.json'), 'utf8')) as Record<string, unknown>;
    const site = { acl: aclFile, 'tls-cert': certFile, 'tls-key': keyFile };
    for (const k of [...Object.keys(site), 'state-dir', 'control', 'data']) expect(Object.keys(example), k).toContain(k);
    const configFor = async (name: string): Promise<string> => {
      const file = path.join(etc, `${name}.serve.json`);
      // control and data: the helper's --control/--data (127.0.0.1, port 0) win over the file's.
      await fsp.writeFile(file, JSON.stringify({ ...example, ...site, 'state-dir': path.join(tmp, 'state', name) }));
      return file;
    };

    const big = path.join(srv, 'data', 'run1', 'big.bin');
    const small = path.join(srv, 'data', 'run1', 'small.txt');
    const bigSha = await writeRandomFile(big, 5 * 1024 * 1024 + 123);
    const smallSha = await writeRandomFile(small, 999);

    const [a, b] = await Promise.all([
      startInstalledServer(['--config', await configFor('a')]),
      startInstalledServer(['--config', await configFor('b')]),
    ]);
    servers.push(a, b);
    expect(a.certificate).toMatch(/^sha256:/);
    const at = (s: ServerProcess, p: string) => `alice@127.0.0.1#${s.controlPort}:${p}`;

    const copied = await cli(['copy', '--identity', key, at(a, big), at(a, small), at(b, `${srv}/incoming/`)], 60_000);
    expect(copied.stdout).toMatch(/blake3-tree:[0-9a-f]{64}/);
    expect(await sha256File(path.join(srv, 'incoming', 'big.bin'))).toBe(bigSha);
    expect(await sha256File(path.join(srv, 'incoming', 'small.txt'))).toBe(smallSha);
    // TLS from the example config: the client pinned both servers.
    const pinned = await fsp.readFile(path.join(home, '.config', 'etransfer', 'known_hosts'), 'utf8');
    expect(pinned).toContain(a.certificate!);
    // The example ACL: the data folder is not writable, even by a known user.
    const refused = await cli(['copy', '--identity', key, at(b, `${srv}/incoming/small.txt`), at(a, `${srv}/data/`)]).catch(
      (err: Error) => err,
    );
    expect(String(refused)).toContain('E_ACL_DENIED');

    // Without the native BLAKE3 binary (a platform npm has none for): the WebAssembly fallback.
    const napi = path.join(installed, 'node_modules', '@napi-rs');
    const natives = (await fsp.readdir(napi)).filter((d) => d.startsWith('blake-hash-'));
    const implementation = async (): Promise<string> => {
      const url = pathToFileURL(path.join(installed, 'dist', 'transfer', 'chunk-hash.js')).href;
      const script = `const m = await import(${JSON.stringify(url)}); process.stdout.write(m.blake3.name);`;
      return (await run(process.execPath, ['--input-type=module', '-e', script], { cwd: tmp, env, timeoutMs: 30_000 })).stdout;
    };
    if (natives.length > 0) expect(await implementation()).toBe('native');
    for (const d of natives) await fsp.rm(path.join(napi, d), { recursive: true, force: true });
    expect(await implementation()).toBe('wasm');
    const c = await startInstalledServer(['--config', await configFor('c')]);
    servers.push(c);
    await fsp.mkdir(path.join(srv, 'incoming', 'wasm'));
    await cli(['copy', '--identity', key, at(a, big), at(c, `${srv}/incoming/wasm/`)], 60_000);
    expect(await sha256File(path.join(srv, 'incoming', 'wasm', 'big.bin'))).toBe(bigSha);
  });
});
