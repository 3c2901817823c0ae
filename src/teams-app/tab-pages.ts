/**
 * The tab pages, once: the server answers `/tabs/<slug>` with each (src/server/app/routes/tabs.ts),
 * the start-up banner and the local root page list them, the manifest's personal static tabs open
 * them, and the tabs' build makes one page per slug (tabs/vite.config.ts).
 */
export interface TabPage {
  /** The page's URL segment: `/tabs/<slug>` (a contract: the manifest and links rely on it). */
  slug: string;
  title: string;
  purpose: string;
  /** The personal static tab that opens this page, by the name Teams shows. */
  staticTab?: string;
  /** Listed for people to open (the configuration page is opened by Teams only). */
  listed: boolean;
}

export const TAB_PAGES = [
  { slug: "referral", title: "My referrals", purpose: "SENCos write, save and submit LIFT referrals and see their outcomes.", staticTab: "My referrals", listed: true },
  { slug: "lift-meeting", title: "LIFT meeting", purpose: "LIFT members run the meeting: agenda, current case, outcomes, attendance.", listed: true },
  { slug: "kpi-return", title: "KPI return", purpose: "District leads complete and submit the termly KPI return and Local Activity Report.", staticTab: "KPI return", listed: true },
  { slug: "summary", title: "KPI summary", purpose: "Commissioners read the countywide and per-district KPI summary.", staticTab: "Summary", listed: true },
  { slug: "casework", title: "Casework", purpose: "Specialist teachers, leads and SENCos follow cases after LIFT: targets, reviews, visits, clinics.", staticTab: "Casework", listed: true },
  { slug: "training", title: "Training and transition", purpose: "Specialist teachers and district leads record training sessions and transition events with the settings that attended.", staticTab: "Training", listed: true },
  { slug: "data-protection", title: "Data protection", purpose: "Commissioners answer subject access requests, keep the retention schedule and erase on request.", listed: true },
  { slug: "admin", title: "Administration", purpose: "Commissioners keep the calendar and the people; district leads their own district's part.", staticTab: "Administration", listed: true },
  { slug: "config", title: "Set up the LIFT Hub tab", purpose: "The configurable tab's settings page: what the tab shows.", listed: false },
] as const satisfies readonly TabPage[];

/** The pages people open (not the configuration page). */
export const LISTED_TAB_PAGES = TAB_PAGES.filter((p) => p.listed);
