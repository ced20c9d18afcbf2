/**
 * Node prints process warnings (`process.emitWarning`: a library's
 * "Keys with collection values will be stringified", a deprecation) to
 * stderr, where the CLI promises only its own one-line `crmplan: ...`
 * errors and where an editor shows the server's stderr as errors in its
 * log. A warning is about how the code uses a library, never about the
 * user's plan (whose problems are findings), so the entry points drop them.
 * `node --trace-warnings` (or NODE_OPTIONS) keeps Node's printing, for
 * whoever debugs the tools.
 */
export function keepProcessWarningsOffStderr(): void {
  const traced = process.execArgv.includes('--trace-warnings') || (process.env['NODE_OPTIONS'] ?? '').includes('--trace-warnings');
  if (traced) return;
  // Node's own printer is a 'warning' listener; removing it stops the output.
  process.removeAllListeners('warning');
  // A listener of our own keeps a warning from being printed by a later default.
  process.on('warning', () => undefined);
}
