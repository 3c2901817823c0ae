/**
 * `npm run data:subject-access -- --case <case reference> [--out <file>]`: everything LIFT Hub holds
 * about the child with that case reference, written as JSON (`<file>.json`) and printable HTML
 * (`<file>.html`; default file name `subject-access-<ref>`). The access is audited as the command line.
 */
import { writeFile } from "node:fs/promises";
import { CaseReference } from "../src/schemas/data-protection/records";
import { COMMAND_ACTOR } from "../src/server/features/data-protection";
import { subjectAccessHtml } from "../src/server/features/data-protection/subject-access-html";
import { parseOptions, UsageError, type Command } from "./command-support";
import { withDataProtection } from "./data-protection-support";

export const command: Command = {
  what: "Subject access",
  usage: "--case <case reference> [--out <file>]",
  help: `Everything LIFT Hub holds about the child with that case reference, written as JSON (<file>.json)
and printable HTML (<file>.html). The access is audited as the command line.

  --case <ref>   the child's case reference, e.g. DOV-2526-0042 (required)
  --out <file>   the files' name without extension (default subject-access-<ref>)`,
  async run(argv) {
    const { values } = parseOptions(argv, { case: { type: "string" }, out: { type: "string" } });
    const parsed = CaseReference.safeParse(values.case ?? "");
    if (!parsed.success) throw new UsageError(`--case: ${values.case === undefined ? "a case reference is needed, e.g. DOV-2526-0042" : (parsed.error.issues[0]?.message ?? "not a case reference")}`);
    const ref = parsed.data;
    const out = (values.out ?? `subject-access-${ref}`).replace(/\.(json|html)$/, "");
    const bundle = await withDataProtection((service) => service.subjectAccess(COMMAND_ACTOR, ref));
    await writeFile(`${out}.json`, `${JSON.stringify(bundle, null, 2)}\n`, "utf8");
    await writeFile(`${out}.html`, subjectAccessHtml(bundle), "utf8");
    console.log(`Subject access for case ${ref} (audited):`);
    for (const [section, n] of Object.entries(bundle.counts)) console.log(`  ${section}: ${n}`);
    if (bundle.erased.length > 0) console.log(`  erased: ${bundle.erased.map((e) => e.kind).join(", ")}`);
    console.log(`Wrote ${out}.json and ${out}.html`);
    return 0;
  },
};
