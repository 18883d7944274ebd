/**
 * The `etransfer` command line: parses arguments (DESIGN section 2 is the contract), calls the
 * client or the server, and maps errors to exit codes: 0 all done, 1 some files failed,
 * 2 usage or configuration, 3 could not connect or authenticate.
 */
import { VERSION } from '../common/version.js';
import { Command, CommanderError, Option } from 'commander';
import os from 'node:os';
import { DEFAULT_CONTROL_PORT, type Endpoint, parseEndpoint } from '../common/endpoint.js';
import { EtxError, toEtxError } from '../common/errors.js';
import type { WriteMode } from '../common/messages.js';
import { type ProxyChooser, chooseProxy, parseProxyUrl } from '../common/http-proxy.js';
import { parseSize } from '../common/units.js';
import { type CopyOptions, DEFAULT_COPY_OPTIONS, type Direction, runCopy } from '../client/copy.js';
import { readFilesFrom } from '../client/files-from.js';
import { listingJson } from '../client/json-reporter.js';
import { checkManifestTarget } from '../client/manifest.js';
import { summaryExitCode } from '../client/reporter.js';
import { defaultIdentityFile, loadIdentity } from '../client/identity.js';
import { formatServerStatus, formatStatus, runCancel, runStatus } from '../client/transfer-status.js';
import { formatHostPort } from '../common/host-port.js';
import { formatListing, formatTree, listNeedsExpansion, runList, runListTree, treeJson } from '../client/list.js';
import type { Ed25519PrivateKey } from '../common/ssh-keys.js';
import { errorJsonLine, makeReporter, nothingToCopy, saveManifest, wantsJson } from './copy-output.js';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, exitCodeFor } from './exit-codes.js';
import {
  type ClientConfig,
  EMPTY_CLIENT_CONFIG,
  applySettings,
  defaultClientConfigFile,
  expandAlias,
  loadClientConfig,
  readJsonObject,
} from './config-file.js';
import { bashCompletion } from './completion.js';
import { writeKeyPair } from './keygen-command.js';
import { type ServeFlags, serve } from './serve-command.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function positiveInt(text: string, flag: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new EtxError('E_USAGE', `${flag} must be a positive whole number, not "${text}"`);
  }
  return Number(text);
}

function nonNegativeInt(text: string, flag: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new EtxError('E_USAGE', `${flag} must be a whole number, not "${text}"`);
  }
  return Number(text);
}

interface CopyFlags {
  proxy?: string;
  via?: string;
  streams: string;
  mode: string;
  overwrite?: boolean;
  resume?: boolean;
  skipExisting?: boolean;
  push?: boolean;
  pull?: boolean;
  relay?: boolean;
  quiet?: boolean;
  chunkSize?: string;
  connectTimeoutMs: string;
  idleTimeoutMs: string;
  retries: string;
  retryDelayMs: string;
  identity?: string;
  json?: boolean;
  manifest?: string;
  filesFrom?: string;
  dryRun?: boolean;
  recursive?: boolean;
}

const MODES: readonly WriteMode[] = ['new', 'overwrite', 'resume', 'skip-existing'];

function resolveMode(flags: CopyFlags): WriteMode {
  const chosen = [flags.overwrite && 'overwrite', flags.resume && 'resume', flags.skipExisting && 'skip-existing'].filter(
    Boolean,
  ) as WriteMode[];
  if (chosen.length > 1) throw new EtxError('E_USAGE', 'choose one of --overwrite, --resume, --skip-existing');
  const mode = chosen[0] ?? flags.mode;
  if (!MODES.includes(mode as WriteMode)) throw new EtxError('E_USAGE', `--mode must be one of ${MODES.join(', ')}`);
  return mode as WriteMode;
}

/** The key, read once, if some endpoint names a user (`user@host:/path`). */
async function identityFor(endpoints: readonly Endpoint[], file: string | undefined): Promise<Ed25519PrivateKey | undefined> {
  const named = endpoints.some((e) => e.kind === 'remote' && e.user !== undefined);
  return named ? loadIdentity(file) : undefined;
}

/** What the client tells once, outside the progress output (a server's certificate pinned on first use). */
function printNotice(message: string): void {
  process.stderr.write(`etransfer: ${message}\n`);
}

/**
 * How this client's connections reach servers: through `--proxy URL` if given, else through
 * HTTPS_PROXY / ALL_PROXY (NO_PROXY exempts hosts), else straight.
 */
function proxyFor(flag: string | undefined): ProxyChooser | undefined {
  return chooseProxy(flag === undefined ? undefined : parseProxyUrl(flag, '--proxy'), process.env);
}

async function copyCommand(args: string[], flags: CopyFlags): Promise<number> {
  if (args.length < (flags.filesFrom ? 1 : 2)) throw new EtxError('E_USAGE', 'copy needs at least one source and a destination');
  if ([flags.push, flags.pull, flags.relay].filter(Boolean).length > 1)
    throw new EtxError('E_USAGE', 'choose one of --push, --pull, --relay');
  const endpoints = args.map((a) => parseEndpoint(expandAlias(a, clientConfig.aliases)));
  const destination = endpoints.pop()!;
  if (flags.filesFrom) endpoints.push(...(await readFilesFrom(flags.filesFrom)));
  if (flags.manifest) await checkManifestTarget(flags.manifest);
  const direction: Direction = flags.push ? 'push' : flags.pull ? 'pull' : flags.relay ? 'relay' : 'auto';
  const via = flags.via ? parseServer(flags.via) : undefined;
  // `--via alice@relay` needs the key as much as `alice@hostA:/x` does.
  const viaEndpoint: Endpoint[] = via ? [{ kind: 'remote', ...via, path: '/' }] : [];
  const identity = await identityFor([...endpoints, destination, ...viaEndpoint], flags.identity);
  const reporter = makeReporter(flags);
  const copyOptions: CopyOptions = {
    ...DEFAULT_COPY_OPTIONS,
    streams: positiveInt(flags.streams, '--streams'),
    mode: resolveMode(flags),
    direction,
    chunkSizeBytes: flags.chunkSize ? parseSize(flags.chunkSize) : 0,
    connectTimeoutMs: positiveInt(flags.connectTimeoutMs, '--connect-timeout-ms'),
    idleTimeoutMs: positiveInt(flags.idleTimeoutMs, '--idle-timeout-ms'),
    retries: nonNegativeInt(flags.retries, '--retries'),
    retryDelayMs: nonNegativeInt(flags.retryDelayMs, '--retry-delay-ms'),
    identity,
    onNotice: printNotice,
    proxyFor: proxyFor(flags.proxy),
    ...(via ? { via } : {}),
    dryRun: flags.dryRun === true,
    recursive: flags.recursive === true,
    reporter,
  };
  // `--files-from` may name nothing left to do (a manifest without failures): that is success.
  const summary =
    endpoints.length > 0 ? await runCopy(endpoints, destination, copyOptions) : nothingToCopy(reporter, flags.dryRun === true);
  if (flags.manifest) await saveManifest(flags.manifest, summary, endpoints, destination);
  const failed = summary.files.filter((f) => f.status === 'failed');
  if (failed.length > 0 && process.stderr.isTTY && !flags.quiet && !flags.json && !flags.dryRun) {
    for (const f of failed) process.stderr.write(`failed: ${f.source} (${f.error?.code})\n`);
  }
  return summaryExitCode(summary);
}

/** `ls -r`, or `ls` of a wildcard: the server's expansion; exit 1 when some entry was refused. */
async function listTree(
  endpoint: Endpoint,
  flags: { long?: boolean; recursive?: boolean; json?: boolean; identity?: string; proxy?: string },
): Promise<number> {
  const identity = await identityFor([endpoint], flags.identity);
  const tree = await runListTree(endpoint, flags.recursive === true, undefined, identity, {
    onNotice: printNotice,
    proxyFor: proxyFor(flags.proxy),
  });
  const { out, errors } = formatTree(tree, flags.long ?? false);
  process.stdout.write(flags.json ? treeJson(endpoint.path, tree) : out);
  if (!flags.json) process.stderr.write(errors);
  return tree.lines.some((l) => l.error) ? EXIT_SOME_FAILED : EXIT_OK;
}

/** `[user@]host[#port]` or `et://[user@]host[:port]` (an alias works too): a server, no path. */
function parseServer(text: string): { host: string; port: number; user: string | undefined } {
  const endpoint = /^et:\/\//i.test(text)
    ? parseEndpoint(`${text.replace(/\/+$/, '')}/`)
    : parseEndpoint(expandAlias(`${text}:/`, clientConfig.aliases));
  if (endpoint.kind !== 'remote' || endpoint.path !== '/')
    throw new EtxError('E_USAGE', `"${text}" is not a server: write [user@]host[#port]`);
  return { host: endpoint.host, port: endpoint.port, user: endpoint.user };
}

/** The client's config file (`~/.config/etransfer/config.json`), read once per command. */
let clientConfig: ClientConfig = EMPTY_CLIENT_CONFIG;

/**
 * Before a command runs: `serve --config FILE`, or the client's config file for `copy` and `ls`,
 * fill in every option the command line left at its default.
 */
async function applyConfigFiles(command: Command): Promise<void> {
  const name = command.name();
  if (name === 'serve') {
    const file = command.opts().config as string | undefined;
    if (file) applySettings(command, (await readJsonObject(file, false))!, file, new Set(['config']));
    return;
  }
  if (name !== 'copy' && name !== 'ls' && name !== 'status' && name !== 'cancel') return;
  const file = defaultClientConfigFile();
  clientConfig = await loadClientConfig(file, process.env.ETRANSFER_CONFIG === undefined);
  applySettings(command, clientConfig.commands.get(name) ?? {}, file);
}

export function buildProgram(): Command {
  const program = new Command('etransfer')
    .description('Third-party file transfer between etransfer servers, over parallel TCP streams.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .hook('preAction', async (_root, action) => applyConfigFiles(action));

  program
    .command('serve')
    .description('run a transfer server')
    .option(
      '--config <file>',
      'JSON file of serve options: keys are the long flags without dashes ("max-streams": 8); flags given here win',
    )
    .option('--control <host:port>', 'control channel (WebSocket) address', `127.0.0.1:${DEFAULT_CONTROL_PORT}`)
    .addOption(
      new Option('--data <host:port>', 'data port; repeat to advertise several, in order').argParser(collect).default([], '127.0.0.1:8008'),
    )
    .option('--acl <file>', 'ACL file (JSON); default: anyone may list, read and write under /tmp/**')
    .option('--state-dir <dir>', 'folder for the server state: the list of partial files, to sweep abandoned ones (created, mode 0700)')
    .option(
      '--orphan-grace-ms <ms>',
      'at start-up, remove partial files older than this that no transfer resumed',
      String(7 * 24 * 3600 * 1000),
    )
    .option('--proxy <url>', "this server's own data dials go out through this HTTP CONNECT proxy (http://[user:password@]host:port)")
    .option(
      '--allow-relay [users]',
      "splice the two ends of other servers' transfers (copy --via this server) for these users (comma-separated, as in the ACL: names, '*', anonymous; default: '*', any authenticated user); counts against --max-transfers-per-user",
    )
    .option(
      '--relay-pair-timeout-ms <ms>',
      'with --allow-relay: close a relayed connection whose partner has not come within this',
      '30000',
    )
    .option(
      '--connect-timeout-ms <ms>',
      'give up a data dial to one address after this (the client then tries the other direction)',
      '5000',
    )
    .option(
      '--no-inbound',
      'listen on no data port and advertise none (behind a firewall): this server dials out (its control port still takes a relaying client: copy --relay)',
    )
    .option('--advertise <host>', 'host peers are told to dial for the data ports, in place of the bind address')
    .addOption(
      new Option('--allow-peer <cidr|host>', 'dial only peers in this network, at this address or by this name; repeatable (default: any)')
        .argParser(collect)
        .default([]),
    )
    .addOption(
      new Option('--metrics-allow <cidr>', 'who may read GET /metrics and /healthz on the control port; repeatable')
        .argParser(collect)
        .default([], '127.0.0.0/8 and ::1'),
    )
    .option('--tls-cert <file>', 'PEM certificate: the control channel becomes wss:// and the data ports TLS (with --tls-key)')
    .option('--tls-key <file>', 'PEM private key of --tls-cert (unencrypted)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent', 'info')
    .option('--log-file <file>', 'append the log (JSON lines) to this file; SIGUSR2 reopens it (for logrotate)')
    .option('--max-streams <n>', 'data streams granted per transfer (requests above are clamped)', '16')
    .option('--chunk-size <size>', 'chunk size offered to clients (64KiB..16MiB)', '4MiB')
    .option('--max-inflight-bytes <size>', 'bytes a sending transfer may have unacknowledged over all its streams', '64MiB')
    .option(
      '--small-file-bytes <size>',
      'files up to this size are read and written whole, many per frame, with synchronous metadata calls (0: off, e.g. on NFS)',
      '64KiB',
    )
    .option('--idle-timeout-ms <ms>', 'close a data connection silent this long (its chunks go to the other streams)', '60000')
    .option('--inactive-timeout-ms <ms>', 'free a transfer left without any data connection this long (its partial is kept)', '120000')
    .option('--handshake-timeout-ms <ms>', 'absolute deadline of a data handshake, and of a control upgrade plus first request', '10000')
    .option('--max-handshakes-per-address <n>', 'connections one address may have handshaking at once, per port', '32')
    .option('--max-control-connections-per-address <n>', 'control connections one address may hold open at once', '256')
    .option('--max-transfers-per-user <n>', 'transfers one user (anonymous: one address) may run at once', '64')
    .option('--ticket-lifetime-ms <ms>', 'how long a ticket waits for its first data connection', '60000')
    .option('--max-control-message-bytes <n>', 'largest control message accepted', String(1024 * 1024))
    .option('--drain-timeout-ms <ms>', 'on SIGTERM, wait this long for running transfers to finish before stopping', '300000')
    .option('--max-list-entries <n>', 'entries in one listing reply (more are cut, and the reply says so); ls -r past it fails', '100000')
    .option('--max-files-per-request <n>', 'files in one stat or transfer request, and entries a copy -r or wildcard may reach', '10000')
    .addHelpText(
      'after',
      '\nExamples:\n  etransfer serve\n  etransfer serve --control 0.0.0.0:4004 --data 10.0.0.5:8008 --data 192.0.2.7:8008 --acl /etc/etransfer/acl.json\n  etransfer serve --control 0.0.0.0:4004 --data 10.0.0.5:8008 --tls-cert /etc/etransfer/cert.pem --tls-key /etc/etransfer/key.pem',
    )
    .action(async (flags: ServeFlags) => {
      await serve(flags);
    });

  program
    .command('copy')
    .description('copy files: host to host (third party), host to here, or here to host')
    .argument('<src...>', 'sources, then the destination')
    .option('-r, --recursive', 'copy folders and all they hold (links inside are skipped, with a notice)')
    .option('-p, --streams <n>', 'parallel TCP data streams per transfer', '4')
    .addOption(new Option('--mode <mode>', 'new, overwrite, resume or skip-existing').default('new'))
    .option('--overwrite', 'same as --mode overwrite')
    .option('--resume', 'same as --mode resume')
    .option('--skip-existing', 'same as --mode skip-existing')
    .option('--push', 'the source dials the destination (the default when it can)')
    .option('--pull', 'the destination dials the source')
    .option('--relay', 'the data goes through this client (when the servers can reach neither each other nor a relay); it says so')
    .option('--via <host>', 'when neither server can reach the other, relay through this server (one running with --allow-relay)')
    .option(
      '--proxy <url>',
      'reach servers through this HTTP CONNECT proxy (http://[user:password@]host:port); default: HTTPS_PROXY, ALL_PROXY, less NO_PROXY',
    )
    .option('-q, --quiet', 'print only failures')
    .option('--chunk-size <size>', 'chunk size (default: the destination server decides)')
    .option('--connect-timeout-ms <ms>', 'give up connecting after this', '10000')
    .option('--idle-timeout-ms <ms>', 'fail a data stream silent this long', '60000')
    .option('--retries <n>', 'retry files that failed for a passing reason (lost connection, timeout) this many times', '3')
    .option('--retry-delay-ms <ms>', 'wait before the first retry; each next one waits twice as long', '1000')
    .option(
      '--identity <file>',
      'ed25519 key proving the user in user@host (default ~/.config/etransfer/id_ed25519, then ~/.ssh/id_ed25519)',
    )
    .option('--json', 'print NDJSON events on stdout (plan, file_start, progress, file_done, file_failed, ..., summary)')
    .option('--manifest <file>', 'write the per-file results to FILE (JSON, replaced atomically) after the copy')
    .option('--files-from <file>', 'take sources from FILE: one endpoint per line (# comments), or a manifest (its files not done)')
    .option('--dry-run', 'ask both ends and print the plan (to copy, skipped, refused, free space); move nothing')
    .addHelpText(
      'after',
      `
Endpoints: [user@]host[#port]:/abs/path, et://[user@]host[:port]/abs/path, or a local path.
A user name is proved with a key (etransfer keygen); without one the servers see "anonymous".
A TLS server's certificate is pinned on first use in ~/.config/etransfer/known_hosts; a changed one is refused.
Special: source /dev/zero:SIZE (e.g. /dev/zero:10GiB) and sink /dev/null, for throughput tests.

Examples:
  etransfer copy hostA:/data/x.vdif hostB:/incoming/            third party, 4 streams
  etransfer copy -p 8 --pull hostA:/data/x hostB#4005:/incoming/x
  etransfer copy hostA:/data/x ./                                pull to this machine
  etransfer copy a.dat b.dat et://hostB/incoming/                push from this machine
  etransfer copy hostA:/dev/zero:10GiB hostB:/dev/null           throughput test
  etransfer copy alice@hostA:/data/x bob@hostB:/incoming/        as users (their keys in each ACL)
  etransfer copy -r hostA:/data/run42 hostB:/incoming/           a folder tree, into /incoming/run42
  etransfer copy 'hostA:/data/*.vdif' hostB:/incoming/           wildcards (* and ?) expanded by hostA
  etransfer copy --dry-run hostA:/data/x hostB:/incoming/        what would be copied, skipped, refused
  etransfer copy --json --manifest run.json hostA:/data/x hostB:/incoming/
  etransfer copy --files-from run.json hostB:/incoming/          retry what run.json lists as not done
  etransfer copy --via relay.example.org hostA:/x hostB:/in/     both sites firewalled: through a relay
  etransfer copy --proxy http://proxy:3128 hostA:/x ./           reach hostA through an HTTP proxy

Exit codes: 0 all done, 1 some files failed, 2 usage error, 3 could not connect or authenticate.
A dry run exits 0 when every file would go, 1 when some would fail or the space is short.`,
    )
    .action(async (args: string[], flags: CopyFlags) => {
      process.exitCode = await copyCommand(args, flags);
    });

  program
    .command('ls')
    .description('list a remote folder')
    .argument('<url>', 'host:/path or et://host/path')
    .option('-l, --long', 'type, mode, size and modification time')
    .option('-r, --recursive', 'list everything below, one path a line (relative to URL)')
    .option('--json', 'print the listing as one JSON object on one line')
    .option('--identity <file>', 'ed25519 key proving the user in user@host')
    .option(
      '--proxy <url>',
      'reach servers through this HTTP CONNECT proxy (http://[user:password@]host:port); default: HTTPS_PROXY, ALL_PROXY, less NO_PROXY',
    )
    .addHelpText(
      'after',
      "\nExamples:\n  etransfer ls hostA:/data/\n  etransfer ls -l et://alice@hostA:4004/data\n  etransfer ls -r hostA:/data/run42\n  etransfer ls 'hostA:/data/*.vdif'",
    )
    .action(async (url: string, flags: { long?: boolean; recursive?: boolean; json?: boolean; identity?: string; proxy?: string }) => {
      const endpoint = parseEndpoint(expandAlias(url, clientConfig.aliases));
      if (flags.recursive || listNeedsExpansion(endpoint)) {
        process.exitCode = await listTree(endpoint, flags);
        return;
      }
      const outcome = await runList(endpoint, undefined, await identityFor([endpoint], flags.identity), {
        onNotice: printNotice,
        proxyFor: proxyFor(flags.proxy),
      });
      process.stdout.write(flags.json ? listingJson(endpoint.path, outcome) : formatListing(outcome, flags.long ?? false));
    });

  program
    .command('status')
    .description("list a server's active transfers: id, owner, direction, files, bytes, rate, streams")
    .argument('<host>', '[user@]host[#port] or et://[user@]host[:port]')
    .option('--json', 'one JSON object per transfer')
    .option('--identity <file>', 'ed25519 key proving the user in user@host')
    .option(
      '--proxy <url>',
      'reach servers through this HTTP CONNECT proxy (http://[user:password@]host:port); default: HTTPS_PROXY, ALL_PROXY, less NO_PROXY',
    )
    .addHelpText('after', '\nExamples:\n  etransfer status hostA\n  etransfer status alice@hostB#4005')
    .action(async (host: string, flags: { json?: boolean; identity?: string; proxy?: string }) => {
      const server = parseServer(host);
      const status = await runStatus(server, {
        identity: await identityFor([{ kind: 'remote', ...server, path: '/' }], flags.identity),
        onNotice: printNotice,
        proxyFor: proxyFor(flags.proxy),
      });
      if (flags.json) {
        // The server's own object first (`{"server": {...}}`), then one object per transfer.
        const head = status.server ? `${JSON.stringify({ server: status.server })}\n` : '';
        process.stdout.write(head + status.transfers.map((t) => `${JSON.stringify(t)}\n`).join(''));
      } else {
        const head = status.server ? `${formatServerStatus(formatHostPort(server.host, server.port), status.server)}\n` : '';
        process.stdout.write(head + formatStatus(status.transfers));
      }
    });

  program
    .command('cancel')
    .description('stop one of your transfers on a server (both ends stop; nothing partial is published)')
    .argument('<host>', '[user@]host[#port] or et://[user@]host[:port]')
    .argument('<id>', 'the transfer id, as `etransfer status` shows it')
    .option('--identity <file>', 'ed25519 key proving the user in user@host')
    .option(
      '--proxy <url>',
      'reach servers through this HTTP CONNECT proxy (http://[user:password@]host:port); default: HTTPS_PROXY, ALL_PROXY, less NO_PROXY',
    )
    .addHelpText(
      'after',
      '\nOnly the user who started a transfer may cancel it (for anonymous clients: the same address).\n\nExample:\n  etransfer cancel hostA 3f2a...e9',
    )
    .action(async (host: string, id: string, flags: { identity?: string; proxy?: string }) => {
      const server = parseServer(host);
      await runCancel(server, id, {
        identity: await identityFor([{ kind: 'remote', ...server, path: '/' }], flags.identity),
        onNotice: printNotice,
        proxyFor: proxyFor(flags.proxy),
      });
      process.stdout.write(`cancelled ${id}\n`);
    });

  program
    .command('keygen')
    .description('make an ed25519 key pair to prove a user name to servers')
    .argument('[file]', 'private key file (its public key goes to FILE.pub)', defaultIdentityFile())
    .option('-C, --comment <text>', 'comment on the public key line', `${os.userInfo().username}@${os.hostname()}`)
    .addHelpText(
      'after',
      '\nThe private key is written mode 0600 in OpenSSH format (ssh can use it too); an existing\nfile is never overwritten. Give the .pub line to each server admin for the ACL\'s "users".',
    )
    .action(async (file: string, flags: { comment: string }) => {
      const made = await writeKeyPair(file, flags.comment);
      process.stdout.write(`private key: ${made.privateFile}\npublic key:  ${made.publicFile}\n${made.publicLine}\n`);
    });

  program
    .command('completion')
    .description('print a shell completion script')
    .argument('<shell>', 'bash')
    .addHelpText(
      'after',
      '\nExample:\n  etransfer completion bash > /etc/bash_completion.d/etransfer    (or: source <(etransfer completion bash))',
    )
    .action((shell: string) => {
      if (shell !== 'bash') throw new EtxError('E_USAGE', `no completion for "${shell}" (only bash)`);
      process.stdout.write(bashCompletion(program));
    });

  return program;
}

/** A reader that went away (`etransfer ls | head -1`) is not an error worth a stack trace. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? EXIT_OK);
  });
}

export async function main(argv: string[]): Promise<void> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; anything commander refused is a usage error.
      process.exitCode = err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
      if (err.exitCode !== 0 && wantsJson(argv)) process.stdout.write(errorJsonLine({ code: 'E_USAGE', message: err.message }, EXIT_USAGE));
      return;
    }
    const e = toEtxError(err);
    process.stderr.write(`etransfer: ${e.code}: ${e.message}\n`);
    process.exitCode = exitCodeFor(e.code);
    if (wantsJson(argv)) process.stdout.write(errorJsonLine(e, process.exitCode));
  }
}

await main(process.argv);
