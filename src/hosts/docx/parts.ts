/**
 * The few things the Word reader needs from a package: which parts it has, a part's
 * bytes, and where relationships point. The zip is opened by the file host's guarded
 * package opener (the same size and bomb limits as workbooks); parts inflate one at a
 * time, on demand, never past the size their directory entry claims.
 */
import { streamXml } from "./xml";
import { type ZipLimits, ZIP_LIMITS } from "../file/zipGuard";
import { openPackage } from "../file/package/zip";

export interface PackageParts {
  /** Part names as stored, without a leading "/". */
  readonly names: readonly string[];
  /** A part's inflated bytes, or null when the package has no such part. */
  read(name: string): Uint8Array | null;
}

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name (resolved against the source part's folder), or the raw target when external. */
  target: string;
  external: boolean;
}

/** A zip checked against the limits before anything is inflated; parts inflate one at a time, on demand. */
export async function openZipParts(bytes: Uint8Array, fileName: string, limits: ZipLimits = ZIP_LIMITS): Promise<PackageParts> {
  const pkg = await openPackage(bytes, fileName, { limits: { zip: limits } });
  return { names: pkg.names(), read: (name) => pkg.read(name) ?? null };
}

/** The relationships part of a source part: "word/document.xml" → "word/_rels/document.xml.rels". */
export function relsPartOf(source: string): string {
  const slash = source.lastIndexOf("/");
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** Resolve a relationship target against its source part's folder ("../media/a.png", "/word/x.xml"). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = source.slice(0, source.lastIndexOf("/") + 1);
  const out: string[] = [];
  for (const seg of (base + target).split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The relationships of a part ("" for the package's own, _rels/.rels). Missing or unreadable: none. */
export function relationships(parts: PackageParts, source: string): Relationship[] {
  const bytes = parts.read(source === "" ? "_rels/.rels" : relsPartOf(source));
  if (!bytes) return [];
  const out: Relationship[] = [];
  try {
    streamXml(bytes, {
      open(tag) {
        if (tag.local !== "Relationship") return;
        const a = tag.attributes;
        const external = a.TargetMode === "External";
        const target = a.Target ?? "";
        out.push({ id: a.Id ?? "", type: a.Type ?? "", external, target: external ? target : resolveTarget(source, safeDecode(target)) });
      },
      close() {},
    });
  } catch {
    return [];
  }
  return out;
}

function safeDecode(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

/** A relationship type's last segment: ".../relationships/officeDocument" → "officeDocument". */
export function relType(r: Relationship): string {
  return r.type.slice(r.type.lastIndexOf("/") + 1);
}
