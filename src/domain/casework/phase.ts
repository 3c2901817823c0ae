/**
 * A case's phase — early years, primary or secondary — from the setting's phase and, in an
 * all-through school, the child's year group (the same rule LIFT uses to place such a child). The KPI
 * return splits school age (primary and secondary) from early years everywhere.
 */
import type { CasePhase, StandardsFramework } from "../../schemas/casework/records";
import type { Phase as SettingPhase } from "../../schemas/reference/setting";
import { yearGroupStage, type YearGroup } from "../time/year-groups";

/** The phase of a case; undefined for an all-through school when the year group is not known. */
export function casePhase(settingPhase: SettingPhase, yearGroup?: YearGroup): CasePhase | undefined {
  switch (settingPhase) {
    case "early-years":
      return "early-years";
    case "primary":
    case "secondary":
      return settingPhase;
    case "all-through":
      return yearGroup ? yearGroupStage(yearGroup) : undefined;
  }
}

/** "school" (primary and secondary) or "ey": the split the KPI catalogue uses. */
export type PhaseGroup = "school" | "ey";

export function phaseGroup(phase: CasePhase): PhaseGroup {
  return phase === "early-years" ? "ey" : "school";
}

/** Schools refer to the Mainstream Core Standards, early years settings to the Best Practice Guidance. */
export function standardsFrameworkFor(phase: CasePhase): StandardsFramework {
  return phase === "early-years" ? "ey-best-practice-guidance" : "mainstream-core-standards";
}
