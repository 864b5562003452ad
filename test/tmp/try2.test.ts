import { seedDocx } from "../docx";
import { main } from "../../src/cli/main";
it("try", async () => {
  const files: Record<string, Uint8Array> = { "002.docx": seedDocx("002", { rich: true }) };
  const out: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => out.push("ERR " + t), readFile: async (p: string) => files[p], writeFile: async () => undefined, exists: (p: string) => p in files, today: () => "2026-06-30" };
  console.log(await main(["check", "002.docx"], io), out.join("\n"));
  out.length = 0;
  console.log(await main(["check", "002.docx", "--json", "--sheet", "bảng 6"], io), out.join("\n").slice(0, 1500));
});
