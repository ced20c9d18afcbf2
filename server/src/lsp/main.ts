import { keepProcessWarningsOffStderr } from '../util/process-warnings.js';
import { endWhenClientIsLost } from './lost-client.js';
import { startServer } from './server.js';

keepProcessWarningsOffStderr();
endWhenClientIsLost();
// `createConnection` picks the transport from argv: --node-ipc when VS Code
// starts us, --stdio for other editors (Neovim, Helix, Emacs...).
startServer();
