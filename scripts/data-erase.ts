/**
 * `npm run data:erase -- --case <case reference> --reason <text>`: erase one child's records on a
 * valid request (the reason names the request, never the child), audited with the reason. What is
 * kept and why: src/server/features/data-protection/README.md.
 */
import { AppError } from "../src/errors";
import { EraseBody } from "../src/schemas/data-protection/api";
import { COMMAND_ACTOR } from "../src/server/features/data-protection";
import { runCommand } from "./command-support";
import { option, withDataProtection } from "./data-protection-support";

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const parsed = EraseBody.safeParse({ caseReference: option(argv, "case"), reason: option(argv, "reason") });
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[issue.path.join(".") === "caseReference" ? "--case" : "--reason"] ??= []).push(issue.message);
    throw new AppError("validation_failed", "The erasure needs a case reference and a reason.", { fieldErrors: fields });
  }
  const { caseReference, reason } = parsed.data;
  return withDataProtection(async (service) => {
    const answer = await service.erase(COMMAND_ACTOR, caseReference, reason);
    console.log(`Erasure of case ${caseReference} (audited with the reason):`);
    for (const e of answer.erased) console.log(`  ${e.kind}: ${e.alreadyErased ? "already erased" : `${e.records} list items erased`}`);
    return 0;
  });
}

runCommand("Erasure", main);
