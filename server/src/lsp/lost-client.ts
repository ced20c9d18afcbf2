/**
 * A client that is gone cannot be told anything. vscode-languageserver ends
 * the process when stdin closes or the `--clientProcessId` process is gone,
 * but not when only the way back is: a write to a closed stdout (or IPC
 * channel) fails, the library logs that failure through the same closed
 * connection, and the process dies with a `Connection is closed` stack on
 * stderr. So the server ends quietly as soon as its output is lost, with
 * exit code 1 as for `exit` without `shutdown` (the client did not ask).
 */
export function endWhenClientIsLost(): void {
  const end = (): never => process.exit(1);
  process.stdout.on('error', end);
  if (process.send) process.on('disconnect', end);
}
