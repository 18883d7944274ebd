/**
 * The bench's own sshd, for the scp and rsync-over-ssh baselines: a throwaway host key and a
 * throwaway client key in the scratch folder, root may log in with that key only, listening on a
 * free port of 127.0.0.1, run in the foreground (`sshd -D -e -f <own config>`) as a child of the
 * bench, and stopped at the end. Nothing outside the scratch folder is touched except
 * /run/sshd (sshd's privilege-separation folder, which it refuses to start without): created
 * when missing, and removed again when the bench created it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePorts, startChild, stopChild, tail, waitForPort } from './proc.mjs';
import { ensureTool, toolVersion, which } from './tools.mjs';

const PRIVSEP_DIR = '/run/sshd';

function keygen(file) {
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'etransfer-bench', '-f', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ssh-keygen -f ${file}: ${r.stderr}`);
}

/**
 * Starts sshd; resolves to a handle { port, host, sshArgs(port), scpArgs(port), rsyncRsh(port),
 * cipher, version, stop() }, or { skip: reason }. `onCleanup(fn)` registers a synchronous
 * clean-up for signal handlers (the /run/sshd folder).
 */
export async function startSshd({ scratch, log, onCleanup }) {
  const tool = ensureTool('sshd', 'openssh-server', log);
  if (tool.skip) return { skip: tool.skip };
  for (const client of ['ssh', 'scp', 'ssh-keygen']) {
    if (!which(client)) return { skip: `${client} not installed (package openssh-client)` };
  }
  const dir = path.join(scratch, 'ssh');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const hostKey = path.join(dir, 'host_key');
  const clientKey = path.join(dir, 'client_key');
  keygen(hostKey);
  keygen(clientKey);
  const authorizedKeys = path.join(dir, 'authorized_keys');
  fs.copyFileSync(`${clientKey}.pub`, authorizedKeys);
  fs.chmodSync(authorizedKeys, 0o600);

  let createdPrivsep = false;
  if (!fs.existsSync(PRIVSEP_DIR)) {
    fs.mkdirSync(PRIVSEP_DIR, { mode: 0o755 });
    createdPrivsep = true;
  }
  const removePrivsep = () => {
    if (!createdPrivsep) return;
    createdPrivsep = false;
    try {
      fs.rmdirSync(PRIVSEP_DIR);
    } catch {
      // not empty or gone: leave it
    }
  };
  onCleanup?.(removePrivsep);

  const [port] = await freePorts(1);
  const host = '127.0.0.1';
  const config = path.join(dir, 'sshd_config');
  fs.writeFileSync(
    config,
    [
      `Port ${port}`,
      `ListenAddress ${host}`,
      `HostKey ${hostKey}`,
      'PidFile none',
      `AuthorizedKeysFile ${authorizedKeys}`,
      'PermitRootLogin prohibit-password',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      // The scratch folder lives under /tmp (world-writable): StrictModes would reject the key file.
      'StrictModes no',
      'Subsystem sftp internal-sftp',
      'LogLevel ERROR',
      'MaxStartups 64',
      '',
    ].join('\n'),
  );

  const sshd = startChild('sshd', tool.path, ['-D', '-e', '-f', config]);
  try {
    await waitForPort(sshd, port, 10_000);
  } catch (err) {
    await stopChild(sshd, 1000);
    removePrivsep();
    return { skip: `sshd did not start: ${err.message}` };
  }

  const common = [
    '-F',
    '/dev/null',
    '-i',
    clientKey,
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=no',
    '-o',
    'UserKnownHostsFile=/dev/null',
    '-o',
    'LogLevel=ERROR',
  ];
  const handle = {
    host,
    port,
    user: 'root',
    sshd,
    /** ssh options for port p (our sshd, or the emulator in front of it). */
    sshArgs: (p = port) => [...common, '-p', String(p)],
    scpArgs: (p = port) => [...common, '-P', String(p)],
    /** The -e argument of rsync (split on spaces by rsync: the scratch path has none). */
    rsyncRsh: (p = port) => ['ssh', ...common, '-p', String(p)].join(' '),
    version: toolVersion('ssh', ['-V']),
    async stop() {
      const r = await stopChild(sshd, 2000);
      removePrivsep();
      return r;
    },
  };

  // A first login proves the set-up, and tells which cipher the defaults negotiate.
  const probe = spawnSync('ssh', [...handle.sshArgs(), '-v', `root@${host}`, 'true'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.status !== 0) {
    await handle.stop();
    return { skip: `ssh root@${host}:${port} failed (exit ${probe.status}):\n${tail(probe.stderr)}\n--- sshd ---\n${tail(sshd.stderr)}` };
  }
  const kex = /kex: server->client cipher: (\S+) MAC: (\S+)/.exec(probe.stderr ?? '');
  handle.cipher = kex ? (kex[2] === '<implicit>' ? kex[1] : `${kex[1]} + ${kex[2]}`) : undefined;
  return handle;
}
