/**
 * Runs the command line straight from the TypeScript sources, for development:
 * `npm run phuluc:dev -- check ke-hoach.xlsx` (through tsx, a development dependency).
 * What people run is bin/phuluc.js over the bundle in dist/cli/.
 */
import { main } from "./main";

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`Lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
