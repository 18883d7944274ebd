/** `etransfer keygen [FILE]`: an ed25519 key pair in OpenSSH's formats (FILE 0600, FILE.pub). */
import { randomBytes } from 'node:crypto';
import { mkdir, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import { generateKeyPair } from '../common/auth-proof.js';
import { EtxError } from '../common/errors.js';
import { formatPrivateKey, formatPublicKeyLine } from '../common/ssh-keys.js';

/** Writes `text` to a new file; never replaces one (O_EXCL), never follows a link at that name. */
async function writeNew(file: string, text: string, mode: number): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'wx', mode);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new EtxError('E_EXISTS', `${file} exists; not overwriting it (remove it, or name another file)`);
    }
    throw new EtxError('E_CONFIG', `cannot write ${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeKeyPair(
  privateFile: string,
  comment: string,
): Promise<{ privateFile: string; publicFile: string; publicLine: string }> {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  if (/[\x00-\x1f\x7f]/.test(comment)) throw new EtxError('E_USAGE', 'the key comment must be printable, on one line');
  const publicFile = `${privateFile}.pub`;
  // The folder only its owner can enter, as ssh keeps ~/.ssh (an existing folder is left as is).
  await mkdir(path.dirname(path.resolve(privateFile)), { recursive: true, mode: 0o700 });
  const key = generateKeyPair(comment);
  const publicLine = formatPublicKeyLine(key.publicKey, comment);
  await writeNew(privateFile, formatPrivateKey(key, randomBytes(4).readUInt32BE()), 0o600);
  try {
    await writeNew(publicFile, `${publicLine}\n`, 0o644);
  } catch (err) {
    await unlink(privateFile).catch(() => {});
    throw err;
  }
  return { privateFile, publicFile, publicLine };
}
