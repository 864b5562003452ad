/** Loads the seed fixtures (test/fixtures/seeds/*.json) as sheet snapshots. */
import * as fs from "fs";
import * as path from "path";
import type { SheetSnapshot } from "../src/domain/snapshot";
import { parseA1 } from "../src/domain/address";

export interface SeedFixture {
  seed: string;
  commune: string;
  file: string;
  sheets: SheetSnapshot[];
  sheet(name: string): SheetSnapshot;
}

interface RawSheet {
  name: string;
  values: SheetSnapshot["values"];
  numberFormats?: Record<string, string>;
  merges?: string[];
}

export const SEED_DIR = path.join(__dirname, "fixtures", "seeds");
export const SEED_IDS = ["000", "001", "002", "004"] as const;

export function loadSeed(id: string): SeedFixture {
  const file = fs.readdirSync(SEED_DIR).find((f) => f.startsWith(id + "-") && f.endsWith(".json"));
  if (!file) throw new Error(`no seed fixture ${id}`);
  const raw = JSON.parse(fs.readFileSync(path.join(SEED_DIR, file), "utf8")) as { seed: string; commune: string; sheets: RawSheet[] };
  const sheets = raw.sheets.map(toSnapshot);
  return {
    seed: raw.seed,
    commune: raw.commune,
    file: path.join(SEED_DIR, file),
    sheets,
    sheet(name: string) {
      const s = sheets.find((x) => x.name === name);
      if (!s) throw new Error(`seed ${id} has no sheet ${name}`);
      return s;
    },
  };
}

function toSnapshot(s: RawSheet): SheetSnapshot {
  const numberFormats = s.values.map((row) => row.map(() => null as string | null));
  for (const [addr, fmt] of Object.entries(s.numberFormats ?? {})) {
    const { row, col } = parseA1(addr);
    numberFormats[row - 1][col - 1] = fmt;
  }
  return { name: s.name, values: s.values, numberFormats, merges: s.merges ?? [] };
}

export const UNSEEN_DIR = path.join(__dirname, "fixtures", "unseen");

/**
 * A grid fixture written for the tests (test/fixtures/unseen/*.json), in the seeds'
 * format: `{ source, commune, sheets: [{ name, values, numberFormats?, merges? }] }`.
 */
export function loadGrid(file: string): { commune: string; sheets: SheetSnapshot[]; sheet(name: string): SheetSnapshot } {
  const full = path.isAbsolute(file) ? file : path.join(UNSEEN_DIR, file);
  const raw = JSON.parse(fs.readFileSync(full, "utf8")) as { commune: string; sheets: RawSheet[] };
  const sheets = raw.sheets.map(toSnapshot);
  return {
    commune: raw.commune,
    sheets,
    sheet(name: string) {
      const s = sheets.find((x) => x.name === name);
      if (!s) throw new Error(`${file} has no sheet ${name}`);
      return s;
    },
  };
}
