/**
 * `npm run data:subject-access -- --case <case reference> [--out <file>]`: everything LIFT Hub holds
 * about the child with that case reference, written as JSON (`<file>.json`) and printable HTML
 * (`<file>.html`; default file name `subject-access-<ref>`). The access is audited as the command line.
 */
import { writeFile } from "node:fs/promises";
import { AppError } from "../src/errors";
import { CaseReference } from "../src/schemas/data-protection/records";
import { COMMAND_ACTOR } from "../src/server/features/data-protection";
import { subjectAccessHtml } from "../src/server/features/data-protection/subject-access-html";
import { runCommand } from "./command-support";
import { option, withDataProtection } from "./data-protection-support";

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const parsed = CaseReference.safeParse(option(argv, "case") ?? "");
  if (!parsed.success) throw new AppError("bad_request", `--case: ${parsed.error.issues[0]?.message ?? "a case reference is needed"}.`);
  const ref = parsed.data;
  const out = (option(argv, "out") ?? `subject-access-${ref}`).replace(/\.(json|html)$/, "");
  const bundle = await withDataProtection((service) => service.subjectAccess(COMMAND_ACTOR, ref));
  await writeFile(`${out}.json`, `${JSON.stringify(bundle, null, 2)}\n`, "utf8");
  await writeFile(`${out}.html`, subjectAccessHtml(bundle), "utf8");
  console.log(`Subject access for case ${ref} (audited):`);
  for (const [section, n] of Object.entries(bundle.counts)) console.log(`  ${section}: ${n}`);
  if (bundle.erased.length > 0) console.log(`  erased: ${bundle.erased.map((e) => e.kind).join(", ")}`);
  console.log(`Wrote ${out}.json and ${out}.html`);
  return 0;
}

runCommand("Subject access", main);
