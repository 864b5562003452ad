/** What a command may touch outside itself: files and the two output streams. Tests pass a fake. */
import * as fs from "fs";

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  exists(path: string): boolean;
  /** Today's date, ISO; the only place the command line reads the clock. */
  today(): string;
}

export function nodeIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
    err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
    readFile: async (p) => new Uint8Array(await fs.promises.readFile(p)),
    writeFile: async (p, d) => fs.promises.writeFile(p, d),
    exists: (p) => fs.existsSync(p),
    today: () => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    },
  };
}
