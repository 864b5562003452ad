/**
 * The file host (zip and XML code), loaded by a command when it first needs it, so
 * that `phuluc --help` and bad usage never load it.
 *
 * A bundle (esbuild) and Jest both resolve import() of our own modules; tsx's require
 * hook, which runs bin/phuluc.js straight from the sources, does not, and there the
 * CommonJS require() it does support is used instead.
 */
type FileModules = typeof import("./file-modules");

let loaded: Promise<FileModules> | null = null;

export function fileHost(): Promise<FileModules> {
  loaded ??= import("./file-modules").catch((e: unknown) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the one place import() is not resolved (see above)
    if (typeof require === "function") return require("./file-modules") as FileModules;
    throw e;
  });
  return loaded;
}
