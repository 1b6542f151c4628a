// A PostgreSQL server owned by this process, for `npm start` without DATABASE_URL and for
// tests on machines without a server. Data lives in `<dataDir>/postgres`; the password
// is generated once and kept beside it (0600). The server is our child process, listens
// on 127.0.0.1 only, and is stopped with a fast shutdown (SIGINT), which checkpoints and
// never leaves the data directory inconsistent.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort } from "./free-port";
import { waitForPostgres } from "./database-admin";
import { resolvePostgresBinaries } from "./postgres-binaries";
import { ensurePostgresRunAs, findUntraversableAncestor, type TRunAs } from "./system-user";

const SUPERUSER = "postgres";
const STARTUP_TIMEOUT_MS = 60_000; // initdb + first start on a slow disk
const FAST_SHUTDOWN_TIMEOUT_MS = 30_000;
const LOG_TAIL_CHARS = 2_000;

export interface TEmbeddedPostgresOptions {
  /** Parent directory; the cluster goes in `<dataDir>/postgres`. */
  dataDir: string;
  /** A fixed port; by default a free one is chosen at each start. */
  port?: number;
  onLog?: (line: string) => void;
}

interface TCredentials {
  user: string;
  password: string;
}

export class EmbeddedPostgres {
  readonly clusterDir: string;
  private readonly credentialsFile: string;
  private child: ChildProcess | null = null;
  private exited: Promise<void> | null = null;
  private logTail = "";
  port = 0;

  constructor(private readonly options: TEmbeddedPostgresOptions) {
    this.clusterDir = join(options.dataDir, "postgres");
    this.credentialsFile = join(options.dataDir, "postgres-credentials.json");
  }

  /** A URL for `database` on this server (default: the maintenance database). */
  url(database = "postgres"): string {
    const { user, password } = this.readCredentials();
    return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  get isInitialised(): boolean {
    return existsSync(join(this.clusterDir, "PG_VERSION"));
  }

  async start(): Promise<void> {
    const runAs = ensurePostgresRunAs();
    const binaries = await resolvePostgresBinaries();
    if (runAs) {
      // Both its data and its programs (under node_modules of this checkout) must be reachable.
      const blocked = findUntraversableAncestor(this.clusterDir) ?? findUntraversableAncestor(binaries.initdb);
      if (blocked) throw new Error(`The embedded PostgreSQL runs as the "postgres" user (perflab was started as root), which cannot enter ${blocked}. Run "chmod o+x ${blocked}", choose another PERFLAB_DATA_DIR or checkout directory, or set DATABASE_URL.`);
    }
    await this.stopOrphanedServer();
    if (!this.isInitialised) await this.initialise(binaries.initdb, runAs);
    this.port = this.options.port ?? (await findFreePort());
    const child = spawn(
      binaries.postgres,
      ["-D", this.clusterDir, "-p", String(this.port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
      { stdio: ["ignore", "pipe", "pipe"], ...(runAs ?? {}) },
    );
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      this.logTail = (this.logTail + text).slice(-LOG_TAIL_CHARS);
      for (const line of text.split("\n")) if (line.trim()) this.options.onLog?.(line);
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    const exitedEarly = this.exited.then(() => {
      throw new Error(`The embedded PostgreSQL exited during start-up:\n${this.logTail.trim()}`);
    });
    await Promise.race([waitForPostgres(this.url(), STARTUP_TIMEOUT_MS), exitedEarly]);
  }

  /** Fast shutdown; falls back to an immediate one (crash-safe through WAL) if it hangs. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGINT");
    const timedOut = await Promise.race([this.exited!.then(() => false), sleep(FAST_SHUTDOWN_TIMEOUT_MS).then(() => true)]);
    if (timedOut) {
      child.kill("SIGQUIT");
      await this.exited;
    }
    this.child = null;
  }

  /**
   * A launcher that was killed hard (SIGKILL, power loss of the terminal) leaves its
   * PostgreSQL running, holding the data directory. The launcher's own lock guarantees no
   * live launcher owns it, so we shut that server down cleanly before starting ours.
   */
  private async stopOrphanedServer(): Promise<void> {
    const pidFile = join(this.clusterDir, "postmaster.pid");
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    if (!Number.isSafeInteger(pid) || pid <= 0) return;
    try {
      process.kill(pid, "SIGINT");
    } catch {
      return; // not running: PostgreSQL removes its stale pid file itself
    }
    this.options.onLog?.(`stopping a PostgreSQL left running by an earlier start (pid ${pid})`);
    const deadline = Date.now() + FAST_SHUTDOWN_TIMEOUT_MS;
    while (existsSync(pidFile) && Date.now() < deadline) await sleep(100);
  }

  private async initialise(initdb: string, runAs: TRunAs | null): Promise<void> {
    mkdirSync(this.options.dataDir, { recursive: true }); // default mode: the postgres user must pass through
    mkdirSync(this.clusterDir, { mode: 0o700 });
    if (runAs) chownSync(this.clusterDir, runAs.uid, runAs.gid);
    const credentials: TCredentials = { user: SUPERUSER, password: randomBytes(24).toString("base64url") };
    writeFileSync(this.credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
    // initdb reads the password from a file that the postgres user must be able to read.
    const passwordFile = join(tmpdir(), `perflab-pg-password-${process.pid}-${randomBytes(4).toString("hex")}`);
    writeFileSync(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
    if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
    try {
      const result = spawnSync(
        initdb,
        [`--pgdata=${this.clusterDir}`, `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale"],
        { encoding: "utf8", ...(runAs ?? {}) },
      );
      if (result.status !== 0) {
        rmSync(this.clusterDir, { recursive: true, force: true }); // a half-initialised cluster cannot start
        throw new Error(`initdb failed (exit ${result.status ?? result.signal}):\n${(result.stderr || result.stdout || String(result.error ?? "")).trim()}`);
      }
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  private readCredentials(): TCredentials {
    return JSON.parse(readFileSync(this.credentialsFile, "utf8")) as TCredentials;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
