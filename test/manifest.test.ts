/**
 * Offline manifest test: checks manifest.xml against the rules the add-in
 * relies on (schema order, required values, https, resources, icons, NFC),
 * and checks that each rule catches a deliberately broken manifest.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  at,
  checkHttps,
  checkImages,
  checkManifest,
  checkNfc,
  checkOfficeAppChildren,
  checkRequiredValues,
  checkResids,
  checkStrings,
  child,
  collectImages,
  collectUrls,
  parseManifest,
  pngSize,
  urlToRepoPath,
} from "./manifest-checks";
import { normaliseProdUrl, rewriteManifestUrls } from "../scripts/manifest-urls";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

function readRepoFile(repoPath: string): Uint8Array | null {
  try {
    return readFileSync(path.join(ROOT, repoPath));
  } catch {
    return null;
  }
}

/** Replaces exactly one occurrence of `from` (fails loudly if absent, so a mutation never silently does nothing). */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`mutation did not apply: ${String(from)}`);
  return out;
}

describe("manifest.xml", () => {
  const app = parseManifest(MANIFEST);

  test("is well-formed XML with an OfficeApp TaskPaneApp root", () => {
    expect(app.name).toBe("OfficeApp");
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(app.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(child(app, "VersionOverrides")?.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  test("OfficeApp children are in the order the schema requires", () => {
    expect(app.children.map((c) => c.name)).toEqual([
      "Id",
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
    ]);
    expect(checkOfficeAppChildren(app)).toEqual([]);
  });

  test("required elements have the expected values", () => {
    expect(checkRequiredValues(app)).toEqual([]);
    expect(child(app, "Version")?.text).toBe("1.0.0.0");
    expect(child(app, "DisplayName")?.attrs.DefaultValue).toBe("Phụ lục NQ57");
    expect(child(app, "DisplayName")?.children[0].attrs).toEqual({ Locale: "en-US", Value: "NQ57 Appendices" });
    expect(child(app, "Description")?.attrs.DefaultValue).toBe(
      "Chèn, kiểm tra, tính toán và tổng hợp các phụ lục kế hoạch thực hiện Nghị quyết 57-NQ/TW của xã, phường",
    );
    expect(at(app, "DefaultSettings", "SourceLocation")?.attrs.DefaultValue).toBe("https://localhost:3000/taskpane.html");
    expect(child(app, "Permissions")?.text).toBe("ReadWriteDocument");
  });

  test("every URL is https", () => {
    const urls = collectUrls(app);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(checkHttps(MANIFEST, app)).toEqual([]);
  });

  test("every resid is defined exactly once in Resources, and every resource is used", () => {
    expect(checkResids(app)).toEqual([]);
  });

  test("strings have an en-US override and respect the length limits", () => {
    expect(checkStrings(app)).toEqual([]);
  });

  test("every image URL names a PNG of the right size in assets/", () => {
    const images = collectImages(app);
    expect(images.map((i) => urlToRepoPath(i.url))).toEqual(
      expect.arrayContaining(["assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]),
    );
    expect(checkImages(app, readRepoFile)).toEqual([]);
  });

  test("Vietnamese strings are NFC", () => {
    expect(checkNfc(MANIFEST, app)).toEqual([]);
    expect(MANIFEST).toContain("Phụ lục NQ57");
  });

  test("the ribbon button on the Home tab opens taskpane.html", () => {
    const host = at(app, "VersionOverrides", "Hosts", "Host");
    expect(host?.attrs["xsi:type"]).toBe("Workbook");
    const tab = at(host, "DesktopFormFactor", "ExtensionPoint", "OfficeTab");
    expect(tab?.attrs.id).toBe("TabHome");
    const control = at(tab, "Group", "Control");
    expect(control?.attrs["xsi:type"]).toBe("Button");
    const action = child(control, "Action");
    expect(action?.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(at(control, "Supertip", "Title")?.attrs.resid).toBeDefined();
    expect(at(control, "Supertip", "Description")?.attrs.resid).toBeDefined();
  });

  test("passes all checks together", () => {
    expect(checkManifest(MANIFEST, readRepoFile)).toEqual([]);
  });
});

describe("manifest checks catch broken manifests", () => {
  const problemsOf = (xml: string): string[] => checkManifest(xml, readRepoFile);

  test("malformed XML is rejected", () => {
    expect(() => parseManifest(mutate(MANIFEST, "</Permissions>", ""))).toThrow(/well-formed/);
    expect(() => parseManifest("<Other/>")).toThrow(/OfficeApp/);
  });

  test("children out of order", () => {
    const swapped = mutate(MANIFEST, /(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/, "$3$2$1");
    expect(problemsOf(swapped)).toEqual([expect.stringMatching(/<Id> is out of order/)]);
    const noRequirements = mutate(MANIFEST, /(\s*<Requirements>[\s\S]*?<\/Requirements>)/, "");
    expect(problemsOf(noRequirements)).toContain("required <Requirements> is missing");
  });

  test("wrong or missing required values", () => {
    expect(problemsOf(mutate(MANIFEST, /<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"))).toEqual([
      expect.stringMatching(/<Id> must be a GUID/),
    ]);
    expect(problemsOf(mutate(MANIFEST, "<DefaultLocale>vi-VN", "<DefaultLocale>en-US"))).toEqual([
      expect.stringMatching(/DefaultLocale/),
    ]);
    expect(problemsOf(mutate(MANIFEST, `<Override Locale="en-US" Value="NQ57 Appendices"/>`, ""))).toEqual([
      expect.stringMatching(/<DisplayName> needs exactly one en-US/),
    ]);
    expect(problemsOf(mutate(MANIFEST, `MinVersion="1.8"`, `MinVersion="1.7"`))).toEqual([
      expect.stringMatching(/ExcelApi MinVersion must be >= 1.8/),
    ]);
    expect(problemsOf(mutate(MANIFEST, `MinVersion="1.8"`, `MinVersion="1.10"`))).toEqual([]);
    expect(problemsOf(mutate(MANIFEST, "ReadWriteDocument<", "ReadWriteDocument <"))).toEqual([
      expect.stringMatching(/<Permissions> must be exactly/),
    ]);
    expect(problemsOf(mutate(MANIFEST, "ReadWriteDocument<", "ReadDocument<"))).toEqual([
      expect.stringMatching(/<Permissions> must be exactly/),
    ]);
    expect(problemsOf(mutate(MANIFEST, `<Host Name="Workbook"/>`, `<Host Name="Document"/>`))).toEqual([
      expect.stringMatching(/<Hosts> must list only Workbook/),
    ]);
  });

  test("non-https URLs are reported, namespaces are not", () => {
    const http = mutate(MANIFEST, `"https://localhost:3000/commands.html"`, `"http://localhost:3000/commands.html"`);
    expect(problemsOf(http)).toEqual(["URL is not https: http://localhost:3000/commands.html"]);
    const inText = mutate(MANIFEST, "<AppDomain>https://", "<AppDomain>http://");
    expect(problemsOf(inText)).toEqual(["URL is not https: http://localhost:3000"]);
    const inComment = mutate(MANIFEST, "<!--", "<!-- see http://example.com/ ");
    expect(problemsOf(inComment)).toEqual(["URL is not https: http://example.com/"]);
  });

  test("undefined, duplicated and unused resources are reported", () => {
    expect(problemsOf(mutate(MANIFEST, `<FunctionFile resid="NQ57.Commands.Url"/>`, `<FunctionFile resid="NQ57.Nope"/>`))).toEqual([
      `resid "NQ57.Nope" is not defined in <Resources>`,
      `resource "NQ57.Commands.Url" is never referenced`,
    ]);
    const duplicated = mutate(
      MANIFEST,
      "</bt:Urls>",
      `  <bt:Url id="NQ57.Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>\n      </bt:Urls>`,
    );
    expect(problemsOf(duplicated)).toEqual([`resid "NQ57.Taskpane.Url" is defined 2 times`]);
  });

  test("strings without an en-US override or too long are reported", () => {
    const noOverride = mutate(MANIFEST, `<bt:Override Locale="en-US" Value="Resolution 57"/>`, "");
    expect(problemsOf(noOverride)).toEqual([`string "NQ57.Group.Label" needs exactly one en-US override`]);
    const long = mutate(MANIFEST, `DefaultValue="Nghị quyết 57"`, `DefaultValue="${"x".repeat(126)}"`);
    expect(problemsOf(long)).toEqual([`string "NQ57.Group.Label" is longer than 125 characters`]);
  });

  test("missing, misplaced or wrongly sized images are reported", () => {
    expect(problemsOf(mutate(MANIFEST, "assets/icon-80.png", "assets/icon-99.png"))).toEqual([
      "bt:Image NQ57.Icon.80: assets/icon-99.png does not exist",
      "bt:Image NQ57.Icon.80: assets/icon-99.png does not exist",
    ]);
    expect(problemsOf(mutate(MANIFEST, "assets/icon-64.png", "assets/icon-80.png"))).toEqual([
      "HighResolutionIconUrl: assets/icon-80.png is 80x80, expected 64x64",
    ]);
    expect(problemsOf(mutate(MANIFEST, `"https://localhost:3000/assets/icon-32.png"`, `"https://cdn.example.com/icon-32.png"`))).toEqual([
      "IconUrl: https://cdn.example.com/icon-32.png is not under https://localhost:3000/assets/",
    ]);
    expect(pngSize(new TextEncoder().encode("not a png at all, clearly"))).toBeNull();
  });

  test("decomposed (NFD) Vietnamese text is reported", () => {
    const nfd = mutate(MANIFEST, `DefaultValue="Nghị quyết 57"`, `DefaultValue="${"Nghị quyết 57".normalize("NFD")}"`);
    expect(problemsOf(nfd)).toEqual([`not NFC: "${"Nghị quyết 57".normalize("NFD")}"`]);
  });
});

describe("production URL rewrite (webpack CopyWebpackPlugin transform)", () => {
  test("normaliseProdUrl accepts https, adds the trailing slash, rejects the rest", () => {
    expect(normaliseProdUrl(undefined)).toBe("https://www.contoso.com/");
    expect(normaliseProdUrl("  ")).toBe("https://www.contoso.com/");
    expect(normaliseProdUrl("https://example.org/phuluc")).toBe("https://example.org/phuluc/");
    expect(() => normaliseProdUrl("http://example.org/")).toThrow(/https/);
    expect(() => normaliseProdUrl("example.org")).toThrow(/not a valid URL/);
    expect(() => normaliseProdUrl("https://example.org/?x=1")).toThrow(/query/);
  });

  test("the rewritten manifest has no localhost left and stays valid", () => {
    const prod = rewriteManifestUrls(MANIFEST, "https://example.org/phuluc/");
    expect(prod).not.toMatch(/https?:\/\/localhost/);
    const app = parseManifest(prod);
    expect(at(app, "DefaultSettings", "SourceLocation")?.attrs.DefaultValue).toBe("https://example.org/phuluc/taskpane.html");
    expect(at(app, "AppDomains", "AppDomain")?.text).toBe("https://example.org");
    expect(child(app, "IconUrl")?.attrs.DefaultValue).toBe("https://example.org/phuluc/assets/icon-32.png");
    expect(checkHttps(prod, app)).toEqual([]);
    expect(checkResids(app)).toEqual([]);
  });
});
