/**
 * Who may see and change casework. Pure: the server calls it on every request with the caller from
 * the People list (and, for the two countywide teams, the caller's team). A case, visit, review or
 * clinic the caller may not see is answered 404, never 403, so its existence is not disclosed.
 *
 * Cases:
 * - a SENCo sees their own setting's cases in full (visits included), whichever team works them,
 *   and no other setting's; they change nothing;
 * - a specialist teacher sees and works their own caseload in full; they see the rest of their
 *   district's caseload (or, in a county team, the rest of their team's) pseudonymised — handle,
 *   setting, phase, need, status, dates and teacher, no child's details and no free text — so a
 *   district knows who is working with whom without every teacher reading every child's file;
 * - a district lead sees and works every case of the district team in their district, opens cases
 *   and reallocates them; a county team's cases in the district are pseudonymised for them;
 * - a county team's lead (a lead whose People entry names the team) does the same for the team's
 *   cases in every district;
 * - LIFT members (not STLS staff) and commissioners see no case: commissioners get anonymised
 *   figures only (`figuresAccess`).
 */
import type { CaseTeam, CountyTeam } from "../../schemas/casework/records";
import type { AreaOfNeed } from "../../schemas/referrals/referral";
import type { CountyTeamName, Person } from "../../schemas/reference/person";
import type { CaseRecord, ClinicRecord } from "./model";

/** The caller: a People entry, plus the countywide team for members of the sensory and physical-disability teams. */
export type CaseworkCaller = Pick<Person, "oid" | "role" | "districtSlug" | "settingId"> & { countyTeam?: CountyTeam };

export type CaseScope = Pick<CaseRecord, "team" | "districtSlug" | "settingId" | "allocatedTeacherOid">;

/** full: everything; pseudonymised: `PSEUDONYMISED_CASE_KEYS` only; none: answer 404. */
export type CaseView = "full" | "pseudonymised" | "none";

export interface CaseAccess {
  view: CaseView;
  /** Record visits, reviews and targets; change the status; close the case. */
  work: boolean;
  /** Reallocate the case to another teacher (and correct its setting or need). */
  manage: boolean;
}

const NONE: CaseAccess = { view: "none", work: false, manage: false };
const FULL_WORK: CaseAccess = { view: "full", work: true, manage: false };
const FULL_MANAGE: CaseAccess = { view: "full", work: true, manage: true };
const PSEUDONYMISED: CaseAccess = { view: "pseudonymised", work: false, manage: false };

/** The People list names a county team ("sensory"); a case names the team that works it ("county-sensory"). */
export function caseTeamOf(countyTeam: CountyTeamName | undefined): CaseTeam {
  return countyTeam ? `county-${countyTeam}` : "district";
}

/** The caller as casework sees them: their People entry, with their county team as a case's team. */
export function caseworkCallerOf(person: Pick<Person, "oid" | "role" | "districtSlug" | "settingId" | "countyTeam">): CaseworkCaller {
  const team = caseTeamOf(person.countyTeam);
  return {
    oid: person.oid,
    role: person.role,
    ...(person.districtSlug ? { districtSlug: person.districtSlug } : {}),
    ...(person.settingId ? { settingId: person.settingId } : {}),
    ...(team !== "district" ? { countyTeam: team } : {}),
  };
}

/**
 * The areas of need each county team takes: both work with sensory and/or physical needs (the
 * catalogue's SP), so a county case whose primary need is another area belongs to the district STLS.
 */
export const COUNTY_TEAM_REMIT: Record<CountyTeam, readonly AreaOfNeed[]> = {
  "county-sensory": ["SP"],
  "county-physical-disability": ["SP"],
};

/** Whether a case of this team may have this primary area of need (the district STLS takes every area). */
export function withinRemit(team: CaseTeam, primaryArea: AreaOfNeed): boolean {
  return team === "district" || COUNTY_TEAM_REMIT[team].includes(primaryArea);
}

/** The team the caller belongs to: their county team, or their district's STLS. */
export function callerTeam(caller: CaseworkCaller): CaseTeam {
  return caller.countyTeam ?? "district";
}

/** Whether the case is in the caller's patch: their team's, and for the district team their district's. */
export function inPatch(caller: CaseworkCaller, c: Pick<CaseScope, "team" | "districtSlug">): boolean {
  const team = callerTeam(caller);
  return c.team === team && (team !== "district" || c.districtSlug === caller.districtSlug);
}

export function caseAccess(caller: CaseworkCaller, c: CaseScope): CaseAccess {
  switch (caller.role) {
    case "senco":
      return caller.settingId !== undefined && caller.settingId === c.settingId ? { view: "full", work: false, manage: false } : NONE;
    case "specialist_teacher":
      if (c.allocatedTeacherOid === caller.oid) return FULL_WORK;
      return inPatch(caller, c) ? PSEUDONYMISED : NONE;
    case "district_lead":
      if (inPatch(caller, c)) return FULL_MANAGE;
      if (c.allocatedTeacherOid === caller.oid) return FULL_WORK;
      // A county team working in the lead's district: visible, so the district does not duplicate it.
      return c.team !== "district" && c.districtSlug === caller.districtSlug ? PSEUDONYMISED : NONE;
    // The read-only SLA roles (the last three) see figures, never a case.
    case "lift_member":
    case "commissioner":
    case "lift_executive":
    case "area_lift_forum":
    case "sla_headteacher":
      return NONE;
  }
}

/**
 * Open a case for a teacher: a lead in their patch, for any teacher; a specialist teacher only for
 * themselves (e.g. from an approved outcome that allocated them), in their patch.
 */
export function canOpenCase(caller: CaseworkCaller, c: Pick<CaseScope, "team" | "districtSlug" | "allocatedTeacherOid">): boolean {
  if (!inPatch(caller, c)) return false;
  if (caller.role === "district_lead") return true;
  return caller.role === "specialist_teacher" && c.allocatedTeacherOid === caller.oid;
}

/**
 * The fields of a case a pseudonymised view keeps. An allow-list: free text (plan, targets, history,
 * the requester's name) can name the child or family, and `child` is the child's identity.
 */
export const PSEUDONYMISED_CASE_KEYS = [
  "id",
  "childRef",
  "team",
  "districtSlug",
  "settingId",
  "phase",
  "yearGroup",
  "primaryArea",
  "secondaryArea",
  "allocatedTeacherOid",
  "allocatedTeacherName",
  "status",
  "openedAt",
  "nextReviewDue",
] as const satisfies readonly (keyof CaseRecord)[];

export type PseudonymisedCase = Pick<CaseRecord, (typeof PSEUDONYMISED_CASE_KEYS)[number]> & {
  originKind: CaseRecord["origin"]["kind"];
  closedAt?: string;
  closureReason?: string;
};

/** The case as the view allows: the whole record, the pseudonymised fields, or nothing. */
export function caseForView(c: CaseRecord, view: "full"): CaseRecord;
export function caseForView(c: CaseRecord, view: CaseView): CaseRecord | PseudonymisedCase | undefined;
export function caseForView(c: CaseRecord, view: CaseView): CaseRecord | PseudonymisedCase | undefined {
  if (view === "full") return c;
  if (view === "none") return undefined;
  const out = Object.fromEntries(PSEUDONYMISED_CASE_KEYS.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])) as PseudonymisedCase;
  out.originKind = c.origin.kind;
  if (c.closure) {
    out.closedAt = c.closure.closedAt;
    out.closureReason = c.closure.reason;
  }
  return out;
}

/** Visits and reviews follow their case: seen with the full view only (they are free text), written with `work`. */
export function caseRecordAccess(caller: CaseworkCaller, c: CaseScope): { read: boolean; write: boolean } {
  const access = caseAccess(caller, c);
  return { read: access.view === "full", write: access.work };
}

export interface ClinicAccess {
  /** The clinic and its entries (questions are anonymised, but are still free text). */
  read: boolean;
  /** Record or change the clinic: its teacher or the district lead. */
  write: boolean;
}

/**
 * Clinics are the district STLS's: its lead and specialist teachers read them; the clinic's teacher
 * and the lead write them. SENCos, LIFT members, county teams and commissioners see no clinic
 * record (commissioners see the counts through `figuresAccess`).
 */
export function clinicAccess(caller: CaseworkCaller, clinic: Pick<ClinicRecord, "districtSlug" | "teacherOid">): ClinicAccess {
  const member =
    (caller.role === "district_lead" || caller.role === "specialist_teacher") &&
    caller.countyTeam === undefined &&
    caller.districtSlug === clinic.districtSlug;
  if (!member) return { read: false, write: false };
  return { read: true, write: caller.role === "district_lead" || clinic.teacherOid === caller.oid };
}

/** Record a new clinic for the district: its lead and specialist teachers. */
export function canRecordClinic(caller: CaseworkCaller, districtSlug: string): boolean {
  return clinicAccess(caller, { districtSlug, teacherOid: caller.oid }).write;
}

/**
 * The district's casework figures (counts only, no child): commissioners for every district, the
 * district's STLS (lead and teachers), and a county team's members for their team.
 */
export function figuresAccess(caller: CaseworkCaller, scope: { districtSlug: string; team: CaseTeam }): boolean {
  if (caller.role === "commissioner") return true;
  if (caller.role !== "district_lead" && caller.role !== "specialist_teacher") return false;
  return inPatch(caller, scope);
}
