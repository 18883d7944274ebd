/**
 * `copy --manifest FILE`: the per-file results of a copy as one JSON object (README, "Manifests"),
 * written atomically (a temporary file in the same folder, fsynced, then renamed over FILE), so a
 * crash leaves the old manifest or the whole new one, never half of one.
 *
 * Each entry's `source` and `destination` are endpoints as they are typed on the command line
 * (`[user@]host[#port]:/abs/path`, or an absolute local path), so `--files-from MANIFEST` can
 * take the entries back: it takes those whose status is not `done` (failed, skipped, planned).
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { type Endpoint, formatEndpoint } from '../common/endpoint.js';
import { EtxError, toEtxError } from '../common/errors.js';
import { summaryFields } from './json-reporter.js';
import type { CopySummary, FileResult, FileStatus } from './reporter.js';

export const MANIFEST_FORMAT = 'etransfer-manifest';
export const MANIFEST_VERSION = 1;

export interface ManifestEntry {
  source: string;
  destination: string;
  status: FileStatus;
  size: number;
  bytes: number;
  seconds: number;
  digest?: string;
  code?: string;
  message?: string;
  reason?: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: number;
  created: string;
  dry_run: boolean;
  summary: Record<string, unknown>;
  files: ManifestEntry[];
}

/** `p` on the side of `ep` as an endpoint a command line (or `--files-from`) takes back. */
function endpointOf(ep: Endpoint, p: string): string {
  return ep.kind === 'remote' ? formatEndpoint({ ...ep, path: p }) : path.resolve(p);
}

function entryOf(result: FileResult, source: Endpoint, destination: Endpoint): ManifestEntry {
  const entry: ManifestEntry = {
    source: endpointOf(source, result.source),
    destination: endpointOf(destination, result.destination),
    status: result.status,
    size: result.size,
    bytes: result.bytes,
    seconds: Math.round(result.seconds * 1000) / 1000,
  };
  if (result.digest) entry.digest = result.digest;
  if (result.error) {
    entry.code = result.error.code;
    entry.message = result.error.message;
  }
  if (result.reason !== undefined) entry.reason = result.reason;
  return entry;
}

/** `source` is the sources' side (they are all on one host), `destination` the destination's. */
export function buildManifest(summary: CopySummary, source: Endpoint, destination: Endpoint, now = new Date()): Manifest {
  return {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    created: now.toISOString(),
    dry_run: summary.dryRun !== undefined,
    summary: summaryFields(summary),
    files: summary.files.map((f) => entryOf(f, source, destination)),
  };
}

/** The manifest as JSON text: the header on the first line, then one file entry per line. */
export function formatManifest(manifest: Manifest): string {
  const { files, ...head } = manifest;
  const header = JSON.stringify(head).slice(0, -1);
  const body = files.map((f) => JSON.stringify(f)).join(',\n');
  return `${header},"files":[\n${body}\n]}\n`;
}

/** Checks before a copy that the manifest's folder is there and writable (a typo should not cost a copy). */
export async function checkManifestTarget(file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  try {
    await fsp.access(dir, fsConstants.W_OK);
  } catch {
    throw new EtxError('E_USAGE', `--manifest ${file}: cannot write in ${dir}`);
  }
  const st = await fsp.stat(file).catch(() => undefined);
  if (st?.isDirectory()) throw new EtxError('E_USAGE', `--manifest ${file} is a folder`);
}

/** Writes `text` to `file` atomically: a temporary file beside it, fsynced, renamed over it. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await fsp.open(tmp, 'wx', 0o644);
    try {
      await fh.writeFile(text);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(tmp, target);
  } catch (err) {
    await fsp.rm(tmp, { force: true }).catch(() => {});
    throw toEtxError(err, `writing ${file}`);
  }
  // The rename is durable once the folder is: best effort (some file systems refuse to fsync one).
  const dh = await fsp.open(dir, 'r').catch(() => undefined);
  await dh?.sync().catch(() => {});
  await dh?.close();
}

export async function writeManifest(file: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(file, formatManifest(manifest));
}
