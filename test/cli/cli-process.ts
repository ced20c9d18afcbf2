import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (dist/cli.js: `npm run build` first) as CI would. */
export function crmplan(args: readonly string[], cwd = ROOT): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI in this process (no build needed): `runCli` with captured output. */
export async function crmplanInProcess(args: readonly string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const { runCli } = await import('../../server/src/cli/run-cli.js');
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}
