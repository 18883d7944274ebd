/**
 * What `copy` prints and writes besides moving files: the reporter for the output mode (bars on a
 * terminal, lines on a pipe, the plan of a dry run, NDJSON with --json), the `error` line that
 * ends a --json run that failed early, and the manifest.
 */
import type { Endpoint } from '../common/endpoint.js';
import type { EtxError } from '../common/errors.js';
import { JsonReporter, jsonLine } from '../client/json-reporter.js';
import { buildManifest, writeManifest } from '../client/manifest.js';
import { LineReporter, TtyReporter } from '../client/progress.js';
import type { CopyReporter, CopySummary } from '../client/reporter.js';

export interface OutputFlags {
  json?: boolean;
  quiet?: boolean;
  dryRun?: boolean;
}

export function makeReporter(flags: OutputFlags): CopyReporter {
  if (flags.json) return new JsonReporter(process.stdout, { dryRun: flags.dryRun === true });
  if (flags.dryRun) return new LineReporter(process.stdout, flags.quiet ?? false, true);
  return process.stderr.isTTY && !flags.quiet ? new TtyReporter(process.stderr) : new LineReporter(process.stdout, flags.quiet ?? false);
}

/** `--files-from` named no source (a manifest with nothing left to do): an empty, successful copy. */
export function nothingToCopy(reporter: CopyReporter, dryRun: boolean): CopySummary {
  const summary: CopySummary = { files: [], bytes: 0, seconds: 0, viaClient: false, controlBytes: 0, movedBytes: 0 };
  if (dryRun) summary.dryRun = { freeBytes: 0, neededBytes: 0, spaceOk: true };
  reporter.start([], 'nothing to copy');
  reporter.finish(summary);
  return summary;
}

/** `--manifest FILE`, after the copy: the sources' side is that of the first source. */
export async function saveManifest(file: string, summary: CopySummary, sources: readonly Endpoint[], destination: Endpoint): Promise<void> {
  await writeManifest(file, buildManifest(summary, sources[0] ?? destination, destination));
}

/** Whether the command line asks for --json (looked up before commander parses it: usage errors too). */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

/** The last line of a --json run that ended early (also on stderr, as without --json). */
export function errorJsonLine(error: Pick<EtxError, 'code' | 'message'>, exitCode: number): string {
  return jsonLine('error', { code: error.code, message: error.message, exit_code: exitCode });
}
