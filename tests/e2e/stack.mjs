// Starts a private stack for browser tests: a fresh database with the demo data, cim-server and
// cim-gateway on free ports, serving the built portal. Stops everything on stop().
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

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

export async function startStack() {
  const buildDir = required('CIM_BUILD_DIR');
  const server = required('CIM_TEST_DB');
  const socket = server.match(/unix_socket=(\S+)/)[1];
  const dbName = `cim_e2e_${randomBytes(4).toString('hex')}`;
  const sql = (statement) =>
    execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', statement]);
  sql(`CREATE DATABASE ${dbName}`);
  const db = `${server} db=${dbName}`;
  const seed = execFileSync(`${buildDir}/server/cim-server`, [`--db=${db}`, '--seed_demo'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const serverProc = spawn(`${buildDir}/server/cim-server`, [`--db=${db}`, '--listen=127.0.0.1:0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const grpcPort = await waitForLine(serverProc, /listening on port (\d+)/, 'cim-server');
  const gatewayProc = spawn(
    `${buildDir}/portal-gateway/cim-gateway`,
    [`--backend=127.0.0.1:${grpcPort}`, '--port=0', `--web_root=${buildDir}/web/dist`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const httpPort = await waitForLine(gatewayProc, /listening on 127\.0\.0\.1:(\d+)/, 'cim-gateway');
  return {
    baseUrl: `http://127.0.0.1:${httpPort}`,
    seedOutput: seed,
    async stop() {
      // Both binaries drain and exit 0 on SIGTERM.
      const codes = [];
      for (const [name, p] of [['cim-gateway', gatewayProc], ['cim-server', serverProc]]) {
        const exited = p.exitCode !== null ? Promise.resolve(p.exitCode) : new Promise((r) => p.once('exit', r));
        p.kill('SIGTERM');
        codes.push([name, await exited]);
      }
      sql(`DROP DATABASE IF EXISTS ${dbName}`);
      for (const [name, code] of codes) {
        if (code !== 0) throw new Error(`${name} exited with ${code} after SIGTERM`);
      }
    },
  };
}
