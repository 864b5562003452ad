/**
 * Offline checks for the XML add-in manifest (manifest.xml). Each check
 * returns a list of problems (empty = fine) so the tests can also run them on
 * deliberately broken manifests and see them fail.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** Concatenated direct text content, untrimmed. */
  readonly text: string;
}

/** Order of OfficeApp children required by the manifest schema (1.1). */
export const OFFICE_APP_CHILD_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
] as const;

export const REQUIRED_OFFICE_APP_CHILDREN = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
] as const;

export const DEV_BASE_URL = "https://localhost:3000/";

/* ---------- parsing ---------- */

type RawNode = Record<string, unknown>;

function toNode(raw: RawNode): XmlNode | null {
  const name = Object.keys(raw).find((k) => k !== ":@");
  if (name === undefined || name === "#text" || name.startsWith("?") || name === "#comment") return null;
  const rawChildren = (raw[name] as RawNode[]) ?? [];
  const attrs = (raw[":@"] as Record<string, string> | undefined) ?? {};
  const children: XmlNode[] = [];
  let text = "";
  for (const child of rawChildren) {
    if ("#text" in child) text += String(child["#text"]);
    else {
      const node = toNode(child);
      if (node) children.push(node);
    }
  }
  return { name, attrs, children, text };
}

/** Parses a manifest; throws if the XML is not well-formed or has no OfficeApp root. */
export function parseManifest(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`manifest is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
  });
  const raw = parser.parse(xml) as RawNode[];
  const roots = raw.map(toNode).filter((n): n is XmlNode => n !== null);
  if (roots.length !== 1 || roots[0].name !== "OfficeApp") {
    throw new Error(`expected a single <OfficeApp> root element, got: ${roots.map((r) => r.name).join(", ")}`);
  }
  return roots[0];
}

/* ---------- tree helpers ---------- */

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Follows a path of element names from node. */
export function at(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  return path.reduce<XmlNode | undefined>((n, name) => child(n, name), node);
}

export function walk(node: XmlNode, visit: (n: XmlNode) => void): void {
  visit(node);
  for (const c of node.children) walk(c, visit);
}

/* ---------- checks ---------- */

/** OfficeApp children must be known, not repeated, in schema order, and the required ones present. */
export function checkOfficeAppChildren(app: XmlNode): string[] {
  const problems: string[] = [];
  const order: readonly string[] = OFFICE_APP_CHILD_ORDER;
  let last = -1;
  const seen = new Set<string>();
  for (const c of app.children) {
    const index = order.indexOf(c.name);
    if (index < 0) {
      problems.push(`unexpected OfficeApp child <${c.name}>`);
      continue;
    }
    if (seen.has(c.name)) problems.push(`<${c.name}> appears more than once`);
    seen.add(c.name);
    if (index < last) problems.push(`<${c.name}> is out of order (must come before <${order[last]}>)`);
    last = Math.max(last, index);
  }
  for (const name of REQUIRED_OFFICE_APP_CHILDREN) {
    if (!seen.has(name)) problems.push(`required <${name}> is missing`);
  }
  return problems;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Required elements and their values. */
export function checkRequiredValues(app: XmlNode): string[] {
  const problems: string[] = [];
  const text = (name: string): string => child(app, name)?.text ?? "";

  if (!GUID.test(text("Id"))) problems.push(`<Id> must be a GUID, got "${text("Id")}"`);
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text("Version"))) problems.push(`<Version> is invalid: "${text("Version")}"`);
  if (text("ProviderName").trim() === "") problems.push("<ProviderName> is empty");
  if (text("DefaultLocale") !== "vi-VN") problems.push(`<DefaultLocale> must be vi-VN, got "${text("DefaultLocale")}"`);

  for (const name of ["DisplayName", "Description"]) {
    const el = child(app, name);
    if (!el?.attrs.DefaultValue?.trim()) problems.push(`<${name}> has no DefaultValue`);
    const en = childrenNamed(el, "Override").filter((o) => o.attrs.Locale === "en-US");
    if (en.length !== 1 || !en[0].attrs.Value?.trim()) problems.push(`<${name}> needs exactly one en-US <Override> with a Value`);
  }
  if ((child(app, "DisplayName")?.attrs.DefaultValue ?? "").length > 125) problems.push("<DisplayName> is longer than 125 characters");
  if ((child(app, "Description")?.attrs.DefaultValue ?? "").length > 250) problems.push("<Description> is longer than 250 characters");

  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    if (!child(app, name)?.attrs.DefaultValue) problems.push(`<${name}> has no DefaultValue`);
  }

  const hosts = childrenNamed(child(app, "Hosts"), "Host").map((h) => h.attrs.Name);
  if (hosts.length !== 1 || hosts[0] !== "Workbook") problems.push(`<Hosts> must list only Workbook, got [${hosts.join(", ")}]`);

  const sets = childrenNamed(at(app, "Requirements", "Sets"), "Set");
  const excelApi = sets.find((s) => s.attrs.Name === "ExcelApi");
  if (!excelApi) problems.push("<Requirements> has no ExcelApi set");
  else if (!/^\d+\.\d+$/.test(excelApi.attrs.MinVersion ?? "") || compareVersions(excelApi.attrs.MinVersion, "1.8") < 0) {
    problems.push(`ExcelApi MinVersion must be >= 1.8, got "${excelApi.attrs.MinVersion ?? ""}"`);
  }

  if (!at(app, "DefaultSettings", "SourceLocation")?.attrs.DefaultValue) {
    problems.push("<DefaultSettings><SourceLocation DefaultValue> is missing");
  }
  if (text("Permissions") !== "ReadWriteDocument") {
    problems.push(`<Permissions> must be exactly "ReadWriteDocument", got "${text("Permissions")}"`);
  }
  return problems;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Every URL used by the add-in: non-namespace attribute values and element texts that look like URLs. */
export function collectUrls(app: XmlNode): string[] {
  const urls: string[] = [];
  walk(app, (n) => {
    for (const [key, value] of Object.entries(n.attrs)) {
      if (key === "xmlns" || key.startsWith("xmlns:")) continue; // namespace names, never fetched
      if (URL_LIKE.test(value.trim())) urls.push(value.trim());
    }
    if (URL_LIKE.test(n.text.trim())) urls.push(n.text.trim());
  });
  return urls;
}

/** All URLs must be https; also scans the raw text for any http:// outside namespace declarations. */
export function checkHttps(xml: string, app: XmlNode): string[] {
  const problems = collectUrls(app)
    .filter((u) => !u.toLowerCase().startsWith("https://"))
    .map((u) => `URL is not https: ${u}`);
  const withoutNamespaces = xml.replace(/\sxmlns(:\w+)?="[^"]*"/g, "");
  for (const m of withoutNamespaces.matchAll(/http:\/\/[^\s"'<>]*/gi)) {
    const message = `URL is not https: ${m[0]}`;
    if (!problems.includes(message)) problems.push(message);
  }
  return problems;
}

/** Resources: id -> definitions, by kind (bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings). */
export function resourceDefinitions(app: XmlNode): Map<string, XmlNode[]> {
  const resources = at(app, "VersionOverrides", "Resources");
  const defs = new Map<string, XmlNode[]>();
  for (const group of resources?.children ?? []) {
    for (const def of group.children) {
      const id = def.attrs.id ?? "";
      defs.set(id, [...(defs.get(id) ?? []), def]);
    }
  }
  return defs;
}

/** Every resid is defined exactly once in Resources, ids are unique, and every resource is used. */
export function checkResids(app: XmlNode): string[] {
  const problems: string[] = [];
  const defs = resourceDefinitions(app);
  const referenced = new Set<string>();
  walk(app, (n) => {
    if (n.attrs.resid !== undefined) referenced.add(n.attrs.resid);
  });
  for (const id of referenced) {
    const found = defs.get(id) ?? [];
    if (found.length === 0) problems.push(`resid "${id}" is not defined in <Resources>`);
    if (found.length > 1) problems.push(`resid "${id}" is defined ${found.length} times`);
  }
  for (const [id, found] of defs) {
    if (id.length > 32) problems.push(`resource id "${id}" is longer than 32 characters`);
    if (!referenced.has(id)) problems.push(`resource "${id}" is never referenced`);
    if (found.length > 1 && !referenced.has(id)) problems.push(`resource id "${id}" is defined ${found.length} times`);
  }
  return problems;
}

/** Strings: vi-VN default + one en-US Override each, within the schema's length limits. */
export function checkStrings(app: XmlNode): string[] {
  const problems: string[] = [];
  const resources = at(app, "VersionOverrides", "Resources");
  const limits: Record<string, number> = { "bt:ShortStrings": 125, "bt:LongStrings": 250 };
  for (const [groupName, limit] of Object.entries(limits)) {
    for (const s of childrenNamed(child(resources, groupName), "bt:String")) {
      const id = s.attrs.id;
      const values = [s.attrs.DefaultValue ?? "", ...s.children.map((o) => o.attrs.Value ?? "")];
      if (!s.attrs.DefaultValue?.trim()) problems.push(`string "${id}" has no DefaultValue`);
      const en = childrenNamed(s, "bt:Override").filter((o) => o.attrs.Locale === "en-US");
      if (en.length !== 1) problems.push(`string "${id}" needs exactly one en-US override`);
      if (values.some((v) => v.length > limit)) problems.push(`string "${id}" is longer than ${limit} characters`);
    }
  }
  return problems;
}

/** Maps an add-in URL (dev server) to a repository path, e.g. .../assets/x.png -> assets/x.png. */
export function urlToRepoPath(url: string): string | null {
  return url.startsWith(DEV_BASE_URL) ? url.slice(DEV_BASE_URL.length) : null;
}

/** Width and height of a PNG file, or null if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export interface ImageRef {
  readonly where: string;
  readonly url: string;
  /** Expected square size in pixels. */
  readonly size: number;
}

/** All image URLs with the pixel size each place expects. */
export function collectImages(app: XmlNode): ImageRef[] {
  const images: ImageRef[] = [];
  const icon = child(app, "IconUrl")?.attrs.DefaultValue;
  if (icon) images.push({ where: "IconUrl", url: icon, size: 32 });
  const hiRes = child(app, "HighResolutionIconUrl")?.attrs.DefaultValue;
  if (hiRes) images.push({ where: "HighResolutionIconUrl", url: hiRes, size: 64 });
  const defs = resourceDefinitions(app);
  walk(app, (n) => {
    if (n.name === "bt:Image" && n.attrs.resid && n.attrs.size) {
      const def = defs.get(n.attrs.resid)?.[0];
      if (def?.attrs.DefaultValue) {
        images.push({ where: `bt:Image ${n.attrs.resid}`, url: def.attrs.DefaultValue, size: Number(n.attrs.size) });
      }
    }
  });
  return images;
}

/** Every image URL is on the dev server and names an existing PNG of the expected size. */
export function checkImages(app: XmlNode, readRepoFile: (repoPath: string) => Uint8Array | null): string[] {
  const problems: string[] = [];
  for (const image of collectImages(app)) {
    const repoPath = urlToRepoPath(image.url);
    if (repoPath === null || !repoPath.startsWith("assets/")) {
      problems.push(`${image.where}: ${image.url} is not under ${DEV_BASE_URL}assets/`);
      continue;
    }
    const bytes = readRepoFile(repoPath);
    if (!bytes) {
      problems.push(`${image.where}: ${repoPath} does not exist`);
      continue;
    }
    const size = pngSize(bytes);
    if (!size) problems.push(`${image.where}: ${repoPath} is not a PNG`);
    else if (size.width !== image.size || size.height !== image.size) {
      problems.push(`${image.where}: ${repoPath} is ${size.width}x${size.height}, expected ${image.size}x${image.size}`);
    }
  }
  return problems;
}

/** The whole manifest text, and each attribute value and text, must be in Unicode NFC. */
export function checkNfc(xml: string, app: XmlNode): string[] {
  const problems: string[] = [];
  walk(app, (n) => {
    for (const value of [...Object.values(n.attrs), n.text]) {
      if (value.normalize("NFC") !== value) problems.push(`not NFC: "${value.trim()}"`);
    }
  });
  if (problems.length === 0 && xml.normalize("NFC") !== xml) problems.push("manifest text is not NFC");
  return problems;
}

/** Runs every check on a manifest text. */
export function checkManifest(xml: string, readRepoFile: (repoPath: string) => Uint8Array | null): string[] {
  const app = parseManifest(xml);
  return [
    ...checkOfficeAppChildren(app),
    ...checkRequiredValues(app),
    ...checkHttps(xml, app),
    ...checkResids(app),
    ...checkStrings(app),
    ...checkImages(app, readRepoFile),
    ...checkNfc(xml, app),
  ];
}
