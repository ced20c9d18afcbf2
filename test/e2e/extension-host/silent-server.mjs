// A language server that starts, answers `initialize` and `shutdown`, and never publishes a
// diagnostic: what broken-server-check.mjs puts in place of dist/server.js to show that the
// extension-host suite fails when the real server does not do its job. It writes
// `initialized` next to itself on `initialize`, so the check can tell "the extension started
// this server" from "nothing started at all".
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createConnection, TextDocumentSyncKind } from 'vscode-languageserver/node';

// The transport (--node-ipc from VS Code, --stdio elsewhere) comes from the command line.
const connection = createConnection();
connection.onInitialize(() => {
  writeFileSync(path.join(__dirname, 'initialized'), `${process.pid}\n`);
  return { capabilities: { textDocumentSync: TextDocumentSyncKind.Full } };
});
connection.listen();
