import { FactList, formatTime } from "../../shell";
import type { AgendaCase } from "../api";
import { areaLabel, yearGroupLabel } from "../labels";

/** The current case as the LIFT team sees it in the side panel (child's name included: members only). */
export function CaseDetails({ entry }: { entry: AgendaCase }) {
  const rows: [string, string | undefined][] = [
    ["Case", entry.caseReference],
    ["Child", entry.childName],
    ["Setting", entry.settingName],
    [entry.yearGroup ? "Year group" : "Age", yearGroupLabel(entry)],
    ["Area of need", areaLabel(entry.primaryArea)],
    ["Question", entry.question],
    ["Slot", `${formatTime(entry.startsAt)}, ${entry.minutes} minutes`],
  ];
  return (
    <FactList rows={rows} aria-label="Case details" data-testid="case-details" />
  );
}
