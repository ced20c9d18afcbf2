import { runCli } from '../../server/src/cli/run-cli.js';

/** `crmplan diff ARGS` in-process, in `cwd`, with what it printed. */
export async function runDiff(cwd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['diff', ...args], {
    cwd,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}
