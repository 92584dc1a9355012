// Starts a private stack for browser tests: a fresh database with the demo data, cim-server and
// cim-gateway on free ports, serving the built portal. Stops everything on stop().
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run through ctest / ci/test.sh)`);
  return value;
}

// Resolves with the first capture of `pattern` in the process's stderr.
function waitForLine(child, pattern, what) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${seen}`)), 60_000);
    child.stderr.on('data', (chunk) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`${what} exited with ${code}:\n${seen}`)));
  });
}

function hasExited(p) {
  return p.exitCode !== null || p.signalCode !== null;
}

// Sends SIGTERM and resolves with the exit code (null if a signal ended it).
function terminate(p) {
  if (hasExited(p)) return Promise.resolve(p.exitCode);
  const exited = new Promise((resolve) => p.once('exit', (code) => resolve(code)));
  p.kill('SIGTERM');
  return exited;
}

export async function startStack() {
  const buildDir = required('CIM_BUILD_DIR');
  const server = required('CIM_TEST_DB');
  const socket = server.match(/unix_socket=(\S+)/)[1];
  const dbName = `cim_e2e_${randomBytes(4).toString('hex')}`;
  const sql = (statement) =>
    execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', statement]);
  sql(`CREATE DATABASE ${dbName}`);
  const db = `${server} db=${dbName}`;
  // The key that seals two-step sign-in secrets, readable by its owner only.
  const keyDir = mkdtempSync(join(tmpdir(), 'cim-e2e-'));
  const keyFile = join(keyDir, 'secrets.key');
  writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  const started = [];
  const cleanUp = async () => {
    const codes = [];
    for (const [name, p] of started.reverse()) codes.push([name, await terminate(p)]);
    sql(`DROP DATABASE IF EXISTS ${dbName}`);
    rmSync(keyDir, { recursive: true, force: true });
    return codes;
  };
  try {
    const seed = execFileSync(`${buildDir}/server/cim-server`, [`--db=${db}`, `--secrets_key_file=${keyFile}`, '--seed_demo'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const serverProc = spawn(`${buildDir}/server/cim-server`, [`--db=${db}`, `--secrets_key_file=${keyFile}`, '--listen=127.0.0.1:0', '--metrics_address=127.0.0.1:0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    started.push(['cim-server', serverProc]);
    const grpcPort = await waitForLine(serverProc, /listening on port (\d+)/, 'cim-server');
    const gatewayProc = spawn(
      `${buildDir}/portal-gateway/cim-gateway`,
      [`--backend=127.0.0.1:${grpcPort}`, '--port=0', `--web_root=${buildDir}/web/dist`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    started.push(['cim-gateway', gatewayProc]);
    const httpPort = await waitForLine(gatewayProc, /listening on 127\.0\.0\.1:(\d+)/, 'cim-gateway');
    return {
      baseUrl: `http://127.0.0.1:${httpPort}`,
      seedOutput: seed,
      // The rows of a query on the stack's database, tab-separated (what a test cannot see
      // through the portal, e.g. an email waiting in the outbox).
      query: (statement) =>
        execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-D', dbName, '-N', '-B', '-r', '-e', statement], {
          encoding: 'utf8',
        }),
      // Stops the gateway, then the server; both must drain and exit 0 on SIGTERM.
      async stop() {
        for (const [name, code] of await cleanUp()) {
          if (code !== 0) throw new Error(`${name} exited with ${code} after SIGTERM`);
        }
      },
    };
  } catch (e) {
    await cleanUp();
    throw e;
  }
}
