/**
 * External tools the baselines need: find them on the PATH, and install the few the bench may
 * install (rsync, openssh-server) with apt-get when running as root. iperf3 is never installed:
 * it is an extra baseline only where it already is.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SEARCH_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Absolute path of an executable named `name` (PATH, then the usual sbin folders), or undefined. */
export function which(name) {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), ...SEARCH_PATH];
  for (const dir of dirs) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function aptGet(args, log) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const r = spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0)
    log(`  apt-get ${args.join(' ')} failed (exit ${r.status}):\n${(r.stderr ?? '').trim().split('\n').slice(-5).join('\n')}`);
  return r.status === 0;
}

/**
 * Makes sure `command` exists, installing Debian package `pkg` when it does not and we are root.
 * Returns { path } or { skip: reason }. The package's own service is not started: Debian's
 * policy-rc.d (exit 101) on this machine forbids that, and the bench never relies on it.
 */
export function ensureTool(command, pkg, log) {
  const found = which(command);
  if (found) return { path: found };
  if (!isRoot()) return { skip: `${command} not installed (package ${pkg}; not root, so not installed by the bench)` };
  if (!which('apt-get')) return { skip: `${command} not installed and apt-get is missing` };
  log(`  ${command} missing: apt-get install -y --no-install-recommends ${pkg}`);
  const start = Date.now();
  let ok = aptGet(['install', '-y', '--no-install-recommends', pkg], log);
  if (!ok) {
    log('  retrying after apt-get update');
    ok = aptGet(['update'], log) && aptGet(['install', '-y', '--no-install-recommends', pkg], log);
  }
  const installed = which(command);
  if (!ok || !installed) return { skip: `${command}: apt-get install ${pkg} failed` };
  log(`  installed ${pkg} in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return { path: installed, installedNow: true };
}

/** First line of `command --version` (or `-V`), for the record. */
export function toolVersion(command, args = ['--version']) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000 });
  const text = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  return text.split('\n')[0] || undefined;
}
