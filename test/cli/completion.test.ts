/** `etransfer completion bash`, loaded into a real bash, completes commands and each command's flags. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/processes.js';

const hasBash = spawnSync('bash', ['--version'], { stdio: 'ignore' }).status === 0;

/** What the completion function offers for the words typed so far (the last one being completed). */
function complete(script: string, words: string[]): string[] {
  const program = `${script}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_etransfer; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['-c', program], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean).sort();
}

describe.skipIf(!hasBash)('bash completion', () => {
  it('completes commands, then the flags of the command being typed', async () => {
    const r = await runCli(['completion', 'bash']);
    expect(r.code, r.stderr).toBe(0);
    expect(complete(r.stdout, ['etransfer', 'st'])).toEqual(['status']);
    expect(complete(r.stdout, ['etransfer', 'copy', '--re'])).toEqual([
      '--recursive',
      '--relay',
      '--resume',
      '--retries',
      '--retry-delay-ms',
    ]);
    expect(complete(r.stdout, ['etransfer', 'serve', '--tls'])).toEqual(['--tls-cert', '--tls-key']);
    const unknown = await runCli(['completion', 'fish']);
    expect(unknown.code).toBe(2);
  });
});
