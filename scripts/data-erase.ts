/**
 * `npm run data:erase -- --case <case reference> --reason <text>`: erase one child's records on a
 * valid request (the reason names the request, never the child), audited with the reason. What is
 * kept and why: src/server/features/data-protection/README.md.
 */
import { EraseBody } from "../src/schemas/data-protection/api";
import { COMMAND_ACTOR } from "../src/server/features/data-protection";
import { parseOptions, UsageError, type Command } from "./command-support";
import { withDataProtection } from "./data-protection-support";

export const command: Command = {
  what: "Erasure",
  usage: "--case <case reference> --reason <text>",
  help: `Erases one child's records on a valid request, audited with the reason (what is kept and why:
src/server/features/data-protection/README.md in the repository).

  --case <ref>      the child's case reference, e.g. DOV-2526-0042 (required)
  --reason <text>   the request it rests on, never the child's name (required)`,
  async run(argv) {
    const { values } = parseOptions(argv, { case: { type: "string" }, reason: { type: "string" } });
    const parsed = EraseBody.safeParse({ caseReference: values.case, reason: values.reason });
    if (!parsed.success) {
      // One line for every problem, named by option.
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") === "caseReference" ? "--case" : "--reason"}: ${issue.message}`);
      throw new UsageError(problems.join("; "));
    }
    const { caseReference, reason } = parsed.data;
    return withDataProtection(async (service) => {
      const answer = await service.erase(COMMAND_ACTOR, caseReference, reason);
      console.log(`Erasure of case ${caseReference} (audited with the reason):`);
      for (const e of answer.erased) console.log(`  ${e.kind}: ${e.alreadyErased ? "already erased" : `${e.records} list items erased`}`);
      return 0;
    });
  },
};
