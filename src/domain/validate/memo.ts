/**
 * The matchers compare a text with every catalog entry (a few milliseconds each); a
 * sheet repeats the same body names on most rows, and the reader and the checker ask
 * about the same indicator names. Results depend only on the catalog (never mutated)
 * and the text, so they are kept per catalog, with a cap against unbounded growth.
 */
import { matchIndicator, splitBodies, type BodyMatch, type Catalog, type MatchResult } from "../match";
import type { CatalogIndicator } from "../../catalog/types";

const LIMIT = 5000;

function memo<T>(fn: (catalog: Catalog, text: string) => T): (catalog: Catalog, text: string) => T {
  const caches = new WeakMap<Catalog, Map<string, T>>();
  return (catalog, text) => {
    let cache = caches.get(catalog);
    if (!cache) caches.set(catalog, (cache = new Map()));
    let hit = cache.get(text);
    if (hit === undefined) {
      hit = fn(catalog, text);
      if (cache.size >= LIMIT) cache.clear();
      cache.set(text, hit);
    }
    return hit;
  };
}

/** matchIndicator remembers its answers itself (match.ts). */
export const matchIndicatorCached: (catalog: Catalog, name: string) => MatchResult<CatalogIndicator> = matchIndicator;
export const splitBodiesCached: (catalog: Catalog, text: string) => BodyMatch[] = memo(splitBodies);
