import { startServer } from './server.js';

// `createConnection` picks the transport from argv: --node-ipc when VS Code
// starts us, --stdio for other editors (Neovim, Helix, Emacs...).
startServer();
