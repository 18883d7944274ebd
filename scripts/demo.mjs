#!/usr/bin/env node
// `npm run demo`: two etransfer servers on loopback, each with its own folder; a 256 MiB file
// copied from one to the other by a third-party copy over 4 streams, with live progress; the copy
// is verified (sha256) and everything is cleaned up.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const bin = path.resolve(import.meta.dirname, '..', 'bin', 'etransfer');
const SIZE = 256 * 1024 * 1024;

function startServer(name, aclFile) {
  const child = spawn(process.execPath, [bin, 'serve', '--control', '127.0.0.1:0', '--data', '127.0.0.1:0', '--acl', aclFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start`)), 15000);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    readline.createInterface({ input: child.stderr }).on('line', (line) => {
      try {
        const entry = JSON.parse(line);
        if (entry.msg === 'etransfer server listening') {
          clearTimeout(timer);
          resolve({ child, port: Number(entry.control.split(':').pop()), data: entry.data });
        }
      } catch {}
    });
  });
}

async function sha256(file) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) hash.update(chunk);
  return hash.digest('hex');
}

const root = await fsp.realpath(await fsp.mkdtemp(path.join(os.tmpdir(), 'etransfer-demo-')));
const siteA = path.join(root, 'site-a');
const siteB = path.join(root, 'site-b');
const servers = [];
try {
  await fsp.mkdir(siteA);
  await fsp.mkdir(siteB);
  const aclFile = path.join(root, 'acl.json');
  await fsp.writeFile(
    aclFile,
    JSON.stringify({ users: {}, rules: [{ users: ['anonymous'], allow: ['list', 'read', 'write'], paths: [`${root}/**`] }] }, null, 2),
  );
  const source = path.join(siteA, 'recording.vdif');
  console.log(`making a ${SIZE / 1024 / 1024} MiB file of random bytes at ${source}`);
  const handle = await fsp.open(source, 'w');
  const block = randomBytes(16 * 1024 * 1024);
  for (let off = 0; off < SIZE; off += block.length) {
    block.writeUInt32BE(off / block.length, 0);
    await handle.write(block, 0, block.length, off);
  }
  await handle.close();

  const [a, b] = await Promise.all([startServer('server A', aclFile), startServer('server B', aclFile)]);
  servers.push(a, b);
  console.log(`server A: control 127.0.0.1:${a.port}, data ${a.data.join(', ')}`);
  console.log(`server B: control 127.0.0.1:${b.port}, data ${b.data.join(', ')}`);
  const args = ['copy', '-p', '4', `127.0.0.1#${a.port}:${source}`, `127.0.0.1#${b.port}:${siteB}/`];
  console.log(`\n$ etransfer ${args.join(' ')}`);
  const code = await new Promise((resolve) => spawn(process.execPath, [bin, ...args], { stdio: 'inherit' }).on('exit', resolve));
  if (code !== 0) throw new Error(`copy exited with ${code}`);

  const [h1, h2] = await Promise.all([sha256(source), sha256(path.join(siteB, 'recording.vdif'))]);
  if (h1 !== h2) throw new Error(`the copy differs: ${h1} vs ${h2}`);
  console.log(`\nverified: both copies have sha256 ${h1}`);
} catch (err) {
  console.error(`demo failed: ${err.message}`);
  process.exitCode = 1;
} finally {
  for (const s of servers) s.child.kill('SIGTERM');
  await fsp.rm(root, { recursive: true, force: true });
}
