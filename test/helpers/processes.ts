/** Runs the real `bin/etransfer` as child processes (the CLI's end-to-end tests). */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export const BIN = path.resolve(import.meta.dirname, '../../bin/etransfer');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  child: ChildProcess;
  /** Settles when the process has exited, with everything it printed. */
  exited: Promise<CliResult>;
}

/** Starts `etransfer ARGS`; the caller may act on it (kill a server, wait) while it runs. */
export function startCli(args: string[], timeoutMs = 60_000, env: NodeJS.ProcessEnv = process.env): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const exited = new Promise<CliResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  return { child, exited };
}

export function runCli(args: string[], timeoutMs = 60_000, env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  return startCli(args, timeoutMs, env).exited;
}

export interface ServerProcess {
  child: ChildProcess;
  controlPort: number;
  dataAddresses: string[];
  /** With `--tls-cert`: the certificate's `sha256:AB:CD:...` from the "listening" line. */
  certificate: string | undefined;
  /** Every line the server logged so far. */
  log: string[];
  stop(): Promise<void>;
}

/** Where and how `startServerProcess` runs the server; every field is optional and defaults to the old behaviour. */
export interface ServerProcessOptions {
  /** Address both the control and the data listeners bind to [127.0.0.1] (a site's address in a network namespace, say). */
  host?: string;
  /** Data listener ports on `host` [[0]]; `[]` passes no `--data` at all (what `--no-inbound` requires). */
  dataPorts?: number[];
  /**
   * Starts the process instead of node's `spawn`, e.g. inside a network namespace:
   * `(cmd, args, opts) => topology.spawn('a', cmd, args, opts)` (test/helpers/netns.ts).
   */
  spawn?: (cmd: string, args: readonly string[], opts: SpawnOptions) => ChildProcess;
}

/** Starts `etransfer serve` on port 0 and reads the real ports from its "listening" log line. */
export function startServerProcess(
  extraArgs: string[] = [],
  controlPort = 0,
  env: NodeJS.ProcessEnv = process.env,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const host = options.host ?? '127.0.0.1';
  const data = (options.dataPorts ?? [0]).flatMap((port) => ['--data', `${host}:${port}`]);
  const start = options.spawn ?? ((cmd, args, opts) => spawn(cmd, args, opts));
  const child = start(process.execPath, [BIN, 'serve', '--control', `${host}:${controlPort}`, ...data, ...extraArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
  });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stderr! });
    const log: string[] = [];
    lines.on('line', (line) => log.push(line));
    const timer = setTimeout(() => reject(new Error('server did not start')), 15_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    lines.on('line', (line) => {
      let entry: { msg?: string; control?: string; data?: string[]; certificate?: string };
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (entry.msg !== 'etransfer server listening') return;
      clearTimeout(timer);
      const controlPort = Number(entry.control!.split(':').pop());
      resolve({
        child,
        controlPort,
        dataAddresses: entry.data ?? [],
        certificate: entry.certificate,
        log,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** The standalone CONNECT proxy (plain JavaScript, so that `node` runs it anywhere, in a network namespace too). */
export const CONNECT_PROXY_MAIN = path.resolve(import.meta.dirname, 'connect-proxy-main.mjs');

/** One line of the proxy process's log (see connect-proxy-main.mjs). */
export type ProxyEvent =
  | { event: 'listening'; host: string; port: number }
  | { event: 'connect'; target: string; status: number }
  | { event: 'closed'; target: string; up: number; down: number };

export interface ProxyProcess {
  child: ChildProcess;
  /** `http://[user:password@]host:port`. */
  url: string;
  /** Every event it logged so far, in order. */
  events: ProxyEvent[];
  /** The targets of the CONNECT requests it answered with `status` (default 200: the tunnels it opened). */
  targets(status?: number): string[];
  /** Its log and stderr, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export interface ProxyProcessOptions {
  /** The address to listen on [127.0.0.1]. */
  host?: string;
  /** [0: any] */
  port?: number;
  /** Basic credentials the proxy demands (407 otherwise); they are put in `url`. */
  credentials?: { username: string; password: string };
  /** Starts the process instead of node's `spawn`, as in `ServerProcessOptions`. */
  spawn?: (cmd: string, args: readonly string[], opts: SpawnOptions) => ChildProcess;
}

/** Starts connect-proxy-main.mjs and resolves once it listens. */
export function startConnectProxyProcess(options: ProxyProcessOptions = {}): Promise<ProxyProcess> {
  const host = options.host ?? '127.0.0.1';
  const { credentials } = options;
  const args = [CONNECT_PROXY_MAIN, '--listen', `${host}:${options.port ?? 0}`];
  if (credentials) args.push('--auth', `${credentials.username}:${credentials.password}`);
  const start = options.spawn ?? ((cmd, a, opts) => spawn(cmd, a, opts));
  const child = start(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const events: ProxyEvent[] = [];
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const stdout = readline.createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`proxy did not start: ${stderr}`)), 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`proxy exited with ${code}: ${stderr}`));
    });
    stdout.on('line', (line) => {
      lines.push(line);
      let event: ProxyEvent;
      try {
        event = JSON.parse(line) as ProxyEvent;
      } catch {
        return;
      }
      events.push(event);
      if (event.event !== 'listening') return;
      clearTimeout(timer);
      const auth = credentials ? `${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}@` : '';
      resolve({
        child,
        url: `http://${auth}${host}:${event.port}`,
        events,
        targets: (status = 200) => events.flatMap((e) => (e.event === 'connect' && e.status === status ? [e.target] : [])),
        log: () => `${lines.join('\n')}\n${stderr}`,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
