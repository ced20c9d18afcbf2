/* global fetch */
// Starts code-server (a real VS Code 1.100: server + web workbench) in a throwaway sandbox:
// its own config, user data, extensions folder, XDG folders and TMPDIR, so nothing leaks
// into ~ and nothing from ~ leaks into the test.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { poll } from './poll.mjs';

export const codeServerVersion = '4.100.3';

/** @param {string} repoRoot */
export function codeServerBinary(repoRoot) {
  return path.join(repoRoot, '.cache/code-server/node_modules/.bin/code-server');
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/**
 * Settings that keep the workbench quiet and predictable: no welcome page, no trust prompt,
 * no update or marketplace traffic, and the crmplan protocol trace in the output channel so a
 * failure report shows what the client and server said to each other.
 */
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'window.restoreWindows': 'none',
  'files.autoSave': 'off',
  'chat.commandCenter.enabled': false,
  'crmplan.trace.server': 'messages',
};

/**
 * Runs `code-server --install-extension VSIX` into the given extensions folder, with the same
 * isolated user data and environment a server started on those folders uses.
 * @param {{repoRoot: string, vsix: string, extensionsDir: string, userDataDir: string, env: NodeJS.ProcessEnv}} options
 */
export async function installVsix({ repoRoot, vsix, extensionsDir, userDataDir, env }) {
  const child = spawn(
    codeServerBinary(repoRoot),
    ['--install-extension', vsix, '--force', '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  if (code !== 0) throw new Error(`code-server --install-extension ${vsix} exited with ${code}:\n${output}`);
  return output;
}

/**
 * A sandbox's HOME, XDG folders and TMPDIR, so nothing leaks into ~ and nothing from ~ leaks in.
 * @param {{home: string, tmp: string}} dirs
 */
export function isolatedEnv({ home, tmp }) {
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    TMPDIR: tmp,
  };
  // Variables of an enclosing VS Code or code-server would make this one talk to that one.
  for (const name of Object.keys(env)) {
    if (name.startsWith('VSCODE_') || name === 'ELECTRON_RUN_AS_NODE') delete env[name];
  }
  return env;
}

/**
 * `linkExtension: false` leaves the extensions folder empty, for a caller that loads the
 * extension with `extensionDevelopmentPath` instead (the extension-host tests).
 * `vsix` installs that package instead of linking the repository (npm start).
 * `folder` opens that folder as it is instead of a sandbox copy of `workspaceFixtures`.
 * `port` binds 127.0.0.1:port instead of a free port.
 * @param {{repoRoot: string, workspaceFixtures?: string, folder?: string, linkExtension?: boolean,
 *   vsix?: string, port?: number}} options
 * @returns {Promise<{url: string, authority: string, workspace: string, sandbox: string,
 *   extensionsDir: string, extensionFolder: string, exited: Promise<number | null>, log: () => string,
 *   extensionLogs: () => Promise<string>, stop: () => Promise<void>, removeSandbox: () => Promise<void>,
 *   serverProcesses: () => Promise<number[]>}>}
 */
export async function startCodeServer({ repoRoot, workspaceFixtures, folder, linkExtension = true, vsix, port: requestedPort }) {
  const binary = codeServerBinary(repoRoot);
  if (!existsSync(binary)) {
    throw new Error(`code-server is not installed at ${binary}: run "bash scripts/install-code-server.sh"`);
  }
  for (const bundle of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(path.join(repoRoot, bundle))) {
      throw new Error(`${bundle} is missing: run "npm run build" first`);
    }
  }

  const sandbox = await mkdtemp(path.join(os.tmpdir(), 'crmplan-e2e-'));
  const dirs = {
    workspace: path.join(sandbox, 'workspace'),
    userData: path.join(sandbox, 'user-data'),
    extensions: path.join(sandbox, 'extensions'),
    home: path.join(sandbox, 'home'),
    tmp: path.join(sandbox, 'tmp'),
  };
  await Promise.all(Object.values(dirs).map((dir) => mkdir(dir, { recursive: true })));
  if (!folder) await cp(workspaceFixtures, dirs.workspace, { recursive: true });
  const workspace = folder ? path.resolve(folder) : dirs.workspace;
  await mkdir(path.join(dirs.userData, 'User'), { recursive: true });
  await writeFile(path.join(dirs.userData, 'User/settings.json'), JSON.stringify(userSettings, null, 2));

  // The extension is the repository itself (package.json + dist/ + syntaxes/), linked rather
  // than packaged: what is tested is exactly what `npm run build` produced.
  const manifest = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
  const extensionFolder = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
  const env = isolatedEnv(dirs);
  if (vsix) {
    await installVsix({ repoRoot, vsix, extensionsDir: dirs.extensions, userDataDir: dirs.userData, env }).catch(async (error) => {
      await rm(sandbox, { recursive: true, force: true });
      throw error;
    });
  } else if (linkExtension) await symlink(repoRoot, path.join(dirs.extensions, extensionFolder), 'dir');

  const port = requestedPort ?? (await freePort());
  const configFile = path.join(sandbox, 'config.yaml');
  await writeFile(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const child = spawn(
    binary,
    [
      '--config', configFile,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      workspace,
    ],
    { env, cwd: sandbox, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exitCode = /** @type {number | null | undefined} */ (undefined);
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      resolve(exitCode);
    });
  });

  const stop = async () => {
    if (exitCode === undefined && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM'); // the whole group: code-server, its server, the extension host, our server
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await poll(
      `code-server answers ${url}/healthz`,
      async () => {
        if (exitCode !== undefined) {
          throw new Error(`code-server exited with ${exitCode}:\n${output}`);
        }
        try {
          const response = await fetch(`${url}/healthz`);
          return response.ok;
        } catch {
          return false;
        }
      },
      { timeoutMs: 30_000 },
    );
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url: `${url}/?folder=${encodeURIComponent(workspace)}`,
    /** host:port, for vscode-remote:// URIs. */
    authority: `127.0.0.1:${port}`,
    workspace,
    sandbox,
    /** The folder extensions are installed in (or the repository linked into). */
    extensionsDir: dirs.extensions,
    extensionFolder: path.join(dirs.extensions, extensionFolder),
    /** Resolves with code-server's exit code (-1 after a signal) when it exits, for any reason. */
    exited,
    log: () => output,
    /** The crmplan output channel (server log + protocol trace) and the extension host log. */
    extensionLogs: async () => {
      const found = [];
      const walk = async (dir) => {
        for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) await walk(full);
          else if (/crmplan|exthost\.log$|remoteexthost\.log$/i.test(entry.name)) found.push(full);
        }
      };
      await walk(path.join(dirs.userData, 'logs'));
      const parts = await Promise.all(
        found.map(async (file) => `--- ${path.relative(sandbox, file)}\n${(await readFile(file, 'utf8')).slice(-20_000)}`),
      );
      return parts.join('\n') || '(no crmplan or extension host log files were written)';
    },
    stop,
    /** Process ids of crmplan servers started from this sandbox's extensions folder (Linux /proc). */
    serverProcesses: async () => {
      const serverPath = path.join(dirs.extensions, extensionFolder, 'dist/server.js');
      const pids = [];
      for (const entry of await readdir('/proc').catch(() => [])) {
        if (!/^\d+$/.test(entry)) continue;
        const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
        if (commandLine.split('\0').includes(serverPath)) pids.push(Number(entry));
      }
      return pids;
    },
    removeSandbox: async () => {
      await rm(sandbox, { recursive: true, force: true });
    },
  };
}
