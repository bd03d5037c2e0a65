// One `next start` process of the production build, in a process group of its own so that it
// and anything it spawns are stopped together, hard (SIGKILL, the crash) or politely.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";

import { nextBin, nextStartEnv } from "../scripts/next-build";

import { sleep, waitFor } from "./util";

// Detached groups outlive this process unless ended: whatever way the runner exits, they go too.
const liveGroups = new Set<number>();
process.on("exit", () => {
  for (const pid of liveGroups) signalGroup(pid, "SIGKILL");
});

export interface AppServerOptions {
  root: string;
  port: number;
  env: Record<string, string>;
  logFile: string;
}

export class AppServer {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private log: WriteStream;
  kills = 0;

  constructor(private readonly options: AppServerOptions) {
    this.log = createWriteStream(options.logFile, { flags: "a" });
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      nextBin(this.options.root),
      ["start", "-p", String(this.options.port), "-H", "127.0.0.1"],
      {
        cwd: this.options.root,
        env: nextStartEnv({ ...process.env, ...this.options.env, PORT: String(this.options.port) }),
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      },
    );
    this.child = child;
    if (child.pid) liveGroups.add(child.pid);
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });

    await waitFor(`the app on port ${this.options.port}`, () => this.healthy(child), 30_000, 100);
  }

  /** Ends the process group with `signal` and waits (bounded) until the process is gone. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;

    this.child = null;
    signalGroup(child.pid, signal);
    liveGroups.delete(child.pid);
    const gone = await Promise.race([this.exited.then(() => true), sleep(5_000).then(() => false)]);
    if (!gone) {
      signalGroup(child.pid, "SIGKILL");
      await this.exited;
    }
  }

  /** The crash: SIGKILL, no chance to finish a request or close a connection. */
  async kill(): Promise<void> {
    await this.stop("SIGKILL");
    this.kills++;
  }

  async close(): Promise<void> {
    await this.stop("SIGKILL");
    await new Promise((resolve) => this.log.end(resolve));
  }

  private async healthy(child: ChildProcess): Promise<boolean> {
    if (child.exitCode !== null) {
      throw new Error(
        `next start on port ${this.options.port} exited (${child.exitCode}); see ${this.options.logFile}`,
      );
    }
    try {
      const response = await fetch(`${this.url}/api/health`, {
        signal: AbortSignal.timeout(2_000),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
