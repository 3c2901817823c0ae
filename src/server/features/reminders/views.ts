/**
 * From stored facts to the cards' view models: district names, links to the KPI return tab (a Teams
 * deep link, with the plain web address as the fallback) and the return's state in words. Built at
 * send time, so a card never shows a state that changed after the reminder was planned.
 */
import { measureById } from "../../../domain/kpi/catalogue";
import { ukDateOf } from "../../../domain/time/uk-clock";
import type { ReturnRecord } from "../../../domain/reminders/plan";
import type { ReturnReminderView } from "../../../../bot/cards/reminder-cards";
import type { AppConfig } from "../../../config/config";

/** What a return reminder states about its return: the card's own facts. */
export type ReturnFacts = Pick<ReturnReminderView, "key" | "districtSlug" | "districtName" | "academicYear" | "term" | "dueAt" | "late">;

export function kpiReturnLinks(config: Pick<AppConfig, "publicUrl" | "teamsAppId">, districtSlug: string, academicYear: string, term: number) {
  const params = new URLSearchParams({ district: districtSlug, year: academicYear, term: String(term) });
  const webUrl = `${config.publicUrl}/tabs/kpi-return?${params.toString()}`;
  if (!config.teamsAppId) return { openUrl: webUrl, webUrl };
  // Deep link to the personal tab whose entityId is "kpi-return" (appPackage/manifest.json);
  // subEntityId tells the tab which return to open.
  const deep = new URLSearchParams({
    webUrl,
    label: "KPI return",
    context: JSON.stringify({ subEntityId: `${districtSlug}|${academicYear}|${term}` }),
  });
  return { openUrl: `https://teams.microsoft.com/l/entity/${config.teamsAppId}/kpi-return?${deep.toString()}`, webUrl };
}

export function summaryUrl(config: Pick<AppConfig, "publicUrl">): string {
  return `${config.publicUrl}/tabs/summary`;
}

export function missingLabels(missing: readonly string[] | undefined): string[] {
  return (missing ?? []).map((id) => measureById(id)?.label ?? id);
}

export function returnView(
  config: Pick<AppConfig, "publicUrl" | "teamsAppId">,
  facts: ReturnFacts,
  record: ReturnRecord | undefined,
  now: string,
  extra: Partial<ReturnReminderView> = {},
): ReturnReminderView {
  const status = record?.status ?? "not_started";
  return {
    key: facts.key,
    districtSlug: facts.districtSlug,
    districtName: facts.districtName,
    academicYear: facts.academicYear,
    term: facts.term,
    dueAt: facts.dueAt,
    status,
    missing: missingLabels(record?.missing),
    ...kpiReturnLinks(config, facts.districtSlug, facts.academicYear, facts.term),
    overdue: status !== "submitted" && now > facts.dueAt,
    late: facts.late,
    today: ukDateOf(now),
    ...(status === "submitted" ? { buttons: "open-only" as const } : {}),
    ...extra,
  };
}
