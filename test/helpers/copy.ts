/** Runs a copy in-process with test-friendly defaults. */
import { type CopyOptions, DEFAULT_COPY_OPTIONS, runCopy } from '../../src/client/copy.js';
import { type CopyReporter, type CopySummary, silentReporter } from '../../src/client/reporter.js';
import type { Endpoint } from '../../src/common/endpoint.js';

export function copy(sources: Endpoint[], destination: Endpoint, options: Partial<CopyOptions> = {}): Promise<CopySummary> {
  const reporter: CopyReporter = options.reporter ?? silentReporter;
  return runCopy(sources, destination, { ...DEFAULT_COPY_OPTIONS, ...options, reporter });
}

export function local(path: string): Endpoint {
  return { kind: 'local', path };
}
