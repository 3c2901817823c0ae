/**
 * The "% of settings" figures of the KPI return from the register: the district's own totals
 * (the denominators) and the settings its STLS worked with in the term (the numerators), with the
 * settings of other districts counted apart (src/domain/settings-register/totals.ts and
 * engagement.ts have the rules). Offered on the return with their source, like the other prefilled
 * figures. Only counts leave this module.
 */
import { isHeld, wasDiscussed } from "../../../domain/lift-meetings/counts";
import { engagedSettings, type EngagementInput } from "../../../domain/settings-register/engagement";
import { KPI_PHASES, settingsInDistrict, settingsSupported, type KpiPhase } from "../../../domain/settings-register/totals";
import type { Term } from "../../../domain/time/calendar";
import { formatUkDateShort } from "../../../domain/time/format";
import { ukDateOf, ukToday } from "../../../domain/time/uk-clock";
import type { Setting } from "../../../schemas/reference/setting";
// The KPI feature's port this implements (a type only: the composition root connects the two).
import type { Prefill, PrefillSource } from "../kpi/prefill";

/** What the register's prefill reads: the register, and the district's activity (setting ids, dates, statuses). */
export interface RegisterPrefillReader {
  settings(): Promise<readonly Setting[]>;
  referrals(districtSlug: string): Promise<readonly { settingId: string; status: string; meetingId?: string; outcome?: unknown }[]>;
  meetings(districtSlug: string): Promise<readonly { id: string; startsAt: string; status: string }[]>;
  /** The district STLS's own cases (not the county teams'). */
  cases(districtSlug: string): Promise<EngagementInput["cases"]>;
  visits(): Promise<EngagementInput["visits"]>;
  clinics(districtSlug: string): Promise<EngagementInput["clinics"]>;
  /** The district's training sessions with their audience and attendance (staff sessions count). */
  trainingSessions(districtSlug: string): Promise<readonly { date: string; audience: string; settingIds: readonly string[] }[]>;
}

const WORDS: Record<KpiPhase, string> = { ey: "early years settings", primary: "primary schools", secondary: "secondary schools" };

export function settingsRegisterPrefill(reader: RegisterPrefillReader): PrefillSource {
  return {
    async prefill(districtSlug, districtName, term: Term, now) {
      const today = ukToday(now);
      if (today < term.start) return {};
      const settings = await reader.settings();
      // No setting of the district in the register: the totals are unknown, not zero.
      if (!settings.some((s) => s.districtSlug === districtSlug)) return {};
      const asOf = today < term.end ? today : term.end;
      const on = today < term.end ? `on ${formatUkDateShort(asOf)} (term ${term.term} has not ended)` : `at the end of term ${term.term} (${formatUkDateShort(asOf)})`;
      const during = `in term ${term.term}${today < term.end ? " so far" : ""} (${formatUkDateShort(term.start)} to ${formatUkDateShort(asOf)})`;

      const [referrals, meetings, cases, visits, clinics, sessions] = await Promise.all([
        reader.referrals(districtSlug),
        reader.meetings(districtSlug),
        reader.cases(districtSlug),
        reader.visits(),
        reader.clinics(districtSlug),
        reader.trainingSessions(districtSlug),
      ]);
      const within = (instant: string) => {
        const d = ukDateOf(instant);
        return d >= term.start && d <= asOf;
      };
      const held = new Set(meetings.filter((m) => isHeld(m) && within(m.startsAt)).map((m) => m.id));
      const discussedReferrals = referrals.filter((r) => r.meetingId !== undefined && held.has(r.meetingId) && wasDiscussed({ status: r.status, hasOutcome: r.outcome !== undefined }));
      const training = sessions.filter((s) => s.audience === "staff");
      const engaged = engagedSettings({ term: { start: term.start, end: asOf }, discussedReferrals, cases, visits, clinics, training });

      const totals = settingsInDistrict(settings, districtSlug, asOf);
      const supported = settingsSupported(settings, districtSlug, asOf, engaged);
      const out: Prefill = {};
      for (const p of KPI_PHASES) {
        out[`settings_in_district_${p}`] = {
          value: totals[p],
          source: `${totals[p]} open mainstream ${WORDS[p]} in ${districtName} ${on}, from the settings register (the council's GIAS and early years lists)${p !== "ey" ? "; an all-through school counts as primary and secondary" : ""}`,
        };
        out[`settings_supported_${p}`] = {
          value: supported.byPhase[p],
          source: `${supported.byPhase[p]} of the ${totals[p]} ${WORDS[p]} in ${districtName} that its STLS worked with ${during}: a LIFT referral discussed, a case opened, a visit, a clinic or staff training attended. Other direct contact is not recorded in the app: add any such settings`,
        };
      }
      out.settings_supported_out_of_district = {
        value: supported.outOfDistrict,
        source: `${supported.outOfDistrict} schools and settings of other districts that ${districtName} STLS worked with ${during} (LIFT, cases, visits, clinics, staff training), kept apart from the district's own figures`,
      };
      return out;
    },
  };
}
