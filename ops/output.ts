// Everything the ops commands write goes through here: results on stdout (human lines, or one
// JSON document with --json), progress and errors on stderr, so a pipe only ever gets results.

export interface OpsIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const processIo: OpsIo = { stdout: process.stdout, stderr: process.stderr };

export class Output {
  constructor(
    private readonly io: OpsIo,
    readonly json: boolean,
  ) {}

  /** A line of the human result; in JSON mode the result document carries the same facts. */
  line(text = ""): void {
    if (!this.json) this.io.stdout.write(`${text}\n`);
  }

  /** Columns padded to their widest cell. */
  table(headers: string[], rows: (string | number | null)[][]): void {
    const cells = [
      headers,
      ...rows.map((row) => row.map((cell) => (cell === null ? "—" : String(cell)))),
    ];
    const widths = headers.map((_, column) =>
      Math.max(...cells.map((row) => row[column]?.length ?? 0)),
    );
    for (const row of cells) {
      this.line(
        `  ${row
          .map((cell, column) => cell.padEnd(widths[column]!))
          .join("  ")
          .trimEnd()}`,
      );
    }
  }

  /** The machine-readable result: written only in JSON mode. */
  result(value: unknown): void {
    if (this.json) this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  progress(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }

  error(text: string): void {
    this.io.stderr.write(`error: ${text}\n`);
  }
}
