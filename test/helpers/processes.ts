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
