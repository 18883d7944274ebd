/**
 * The key that proves a user name (`user@host:/path`): `--identity FILE`, else
 * `~/.config/etransfer/id_ed25519`, else `~/.ssh/id_ed25519` (an existing ssh key works as is).
 * Read once, before any connection, and only when some endpoint names a user.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EtxError } from '../common/errors.js';
import { type Ed25519PrivateKey, parsePrivateKey } from '../common/ssh-keys.js';

/** Where `etransfer keygen` writes by default, and the first place the client looks. */
export function defaultIdentityFile(home = os.homedir()): string {
  return path.join(home, '.config', 'etransfer', 'id_ed25519');
}

export function identityCandidates(home = os.homedir()): string[] {
  return [defaultIdentityFile(home), path.join(home, '.ssh', 'id_ed25519')];
}

async function readKeyFile(file: string): Promise<Ed25519PrivateKey> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new EtxError('E_CONFIG', `cannot read the identity ${file}: ${(err as Error).message}`, { cause: err });
  }
  return parsePrivateKey(text, file);
}

export async function loadIdentity(file: string | undefined, home = os.homedir()): Promise<Ed25519PrivateKey> {
  if (file) return readKeyFile(file);
  for (const candidate of identityCandidates(home)) {
    try {
      return await readKeyFile(candidate);
    } catch (err) {
      // A missing default is the next candidate's turn; a present but broken key is an error.
      if ((err as EtxError).cause && ((err as EtxError).cause as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
  }
  throw new EtxError(
    'E_CONFIG',
    `a user name needs a key, and there is none at ${identityCandidates(home).join(' or ')}: make one with \`etransfer keygen\` (or pass --identity FILE)`,
  );
}
