/**
 * The views the configurable tab can show (chosen on /tabs/config, [Teams surfaces](../../docs/reference/architecture.md#teams-surfaces)), and
 * the content URL each one binds. Pages read the same `?view=` and `?district=` back.
 */
import { districtBySlug, type DistrictRef } from "./reference-data";

export type TabViewId = "agenda" | "referrals" | "kpi-summary";

export interface TabView {
  id: TabViewId;
  label: string;
  description: string;
  /** The tab page that shows it (/tabs/<page>). */
  page: "lift-meeting" | "referral" | "summary";
  needsDistrict: boolean;
}

export const TAB_VIEWS: readonly TabView[] = [
  {
    id: "agenda",
    label: "LIFT meeting agenda",
    description: "A district's LIFT meeting: the agenda built from submitted referrals, run case by case. Best in a meeting.",
    page: "lift-meeting",
    needsDistrict: true,
  },
  {
    id: "referrals",
    label: "District referrals",
    description: "The referrals submitted to a district's LIFT meeting, with their status and outcomes.",
    page: "referral",
    needsDistrict: true,
  },
  {
    id: "kpi-summary",
    label: "KPI summary",
    description: "The countywide and per-district KPI summary for each term and year.",
    page: "summary",
    needsDistrict: false,
  },
];

export interface TabConfig {
  entityId: string;
  contentUrl: string;
  suggestedDisplayName: string;
  websiteUrl: string;
}

/**
 * The settings to save for a choice, or undefined while the choice is incomplete. The agenda view may
 * be bound to one LIFT meeting (`meeting=<id>`); without one it follows the district's next meeting.
 */
export function tabConfigFor(viewId: TabViewId, district: DistrictRef | undefined, origin: string, meetingId?: string): TabConfig | undefined {
  const view = TAB_VIEWS.find((v) => v.id === viewId);
  if (!view) return undefined;
  if (view.needsDistrict && !district) return undefined;
  const params = new URLSearchParams({ view: view.id });
  if (view.needsDistrict && district) params.set("district", district.slug);
  const meeting = view.id === "agenda" && meetingId ? meetingId : undefined;
  if (meeting) params.set("meeting", meeting);
  const url = `${origin}/tabs/${view.page}?${params.toString()}`;
  const name = view.id === "agenda" ? "LIFT agenda" : view.id === "referrals" ? "LIFT referrals" : "KPI summary";
  return {
    entityId: view.needsDistrict && district ? `${view.id}-${district.slug}${meeting ? `-${meeting}` : ""}` : view.id,
    contentUrl: url,
    suggestedDisplayName: view.needsDistrict && district ? `${name} – ${district.name}` : name,
    websiteUrl: url,
  };
}

/** `?view=` and `?district=` of a page's address (set by the configurable tab's content URL); an unknown district is ignored. */
export function currentView(districts: readonly DistrictRef[], search: string): { view?: TabViewId; district?: DistrictRef } {
  const params = new URLSearchParams(search);
  const view = TAB_VIEWS.find((v) => v.id === params.get("view"))?.id;
  return { view, district: districtBySlug({ districts }, params.get("district")) };
}
