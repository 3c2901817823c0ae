/**
 * A row of the Department for Education's "Get Information about Schools" (GIAS) establishment CSV
 * (the download of establishment fields, or a search's results downloaded with all fields) as a
 * register entry. The columns read are named as GIAS names them; the others are ignored. Rules:
 * - **Scope.** Only the council's establishments (`LA (name)`, e.g. "Kent"); universities, Welsh
 *   establishments, online providers, children's centres, secure units and overseas schools are
 *   skipped, and so are pupil referral units and alternative provision, and establishments only
 *   "Proposed to open".
 * - **Status.** "Open" and "Open, but proposed to close" are open; "Closed" is closed.
 * - **Phase.** Special schools (any type with "special", or the "Special schools" group) are
 *   `special`; "16 plus", further education, sixth form centres and 16–19 academies are `post-16`;
 *   otherwise `PhaseOfEducation (name)`: Nursery → early years, Primary and Middle deemed primary →
 *   primary, Secondary and Middle deemed secondary → secondary, All-through → all-through.
 * - **Mainstream** (counted in the "% of settings" totals): not special, not post-16 and not
 *   independent — the state-funded schools the service works with.
 * - **District**: `DistrictAdministrative (name)`, matched to the app's districts (districts.ts).
 */
import type { District } from "../../schemas/reference/district";
import type { Phase, RegisterPhase } from "../../schemas/reference/setting";
import { cell, postcodeAndDates, type ColumnError, type RowOutcome, type SourceRow } from "./entry";

export const GIAS = {
  urn: "URN",
  name: "EstablishmentName",
  la: "LA (name)",
  type: "TypeOfEstablishment (name)",
  group: "EstablishmentTypeGroup (name)",
  status: "EstablishmentStatus (name)",
  phase: "PhaseOfEducation (name)",
  district: "DistrictAdministrative (name)",
  postcode: "Postcode",
  opened: "OpenDate",
  closed: "CloseDate",
} as const;

/** The columns a GIAS file must have; the group, postcode and dates are read when present. */
export const GIAS_REQUIRED: readonly string[] = [GIAS.urn, GIAS.name, GIAS.la, GIAS.type, GIAS.status, GIAS.phase, GIAS.district];

const OUT_OF_SCOPE_TYPES =
  /^(higher education institutions?|welsh establishment|online provider|miscellaneous|british schools overseas|offshore schools|secure units|institution funded by other government department|service children's education|children's centre( linked site)?)$/i;
const OUT_OF_SCOPE_GROUPS = /^(universities|welsh schools|online provider|children's centres)$/i;
const ALTERNATIVE = /pupil referral unit|alternative provision/i;
const POST_16_TYPES = /further education|sixth form|16[- ]?(to|-)?[- ]?19/i;

const PHASES: Record<string, Exclude<RegisterPhase, "special" | "post-16">> = {
  nursery: "early-years",
  primary: "primary",
  "middle deemed primary": "primary",
  secondary: "secondary",
  "middle deemed secondary": "secondary",
  "all-through": "all-through",
  "all through": "all-through",
};

const STATUSES: Record<string, "open" | "closed" | "proposed"> = {
  open: "open",
  "open, but proposed to close": "open",
  closed: "closed",
  "proposed to open": "proposed",
};

/** How LIFT places the setting's referrals (the reference `phase`), from the register's phase. */
function liftPhase(registerPhase: RegisterPhase, giasPhase: RegisterPhase | undefined): Phase {
  switch (registerPhase) {
    case "early-years":
      return "early-years";
    case "post-16":
      return "secondary";
    case "special":
      // A special school's phase is often "Not applicable": LIFT then goes by each child's year group.
      return giasPhase === "primary" || giasPhase === "secondary" ? giasPhase : "all-through";
    default:
      return registerPhase;
  }
}

export function giasRow(row: SourceRow, options: { council: string; districtOf: (name: string) => District | undefined }): RowOutcome {
  const la = cell(row, GIAS.la);
  if (la.toLowerCase() !== options.council.toLowerCase()) return { kind: "skipped", reason: `outside ${options.council} (LA ${la || "blank"})` };
  const type = cell(row, GIAS.type);
  const group = cell(row, GIAS.group);
  if (OUT_OF_SCOPE_TYPES.test(type) || OUT_OF_SCOPE_GROUPS.test(group)) return { kind: "skipped", reason: `not a school or setting the service supports (${type || group})` };
  if (ALTERNATIVE.test(type)) return { kind: "skipped", reason: "pupil referral unit or alternative provision" };

  const errors: ColumnError[] = [];
  const err = (column: string, message: string) => errors.push({ column, message });
  const urn = cell(row, GIAS.urn);
  if (!/^\d{6}$/.test(urn)) err(GIAS.urn, urn ? `'${urn}' is not a URN (6 digits)` : "Enter the URN");
  const name = cell(row, GIAS.name);
  if (!name) err(GIAS.name, "Enter the establishment's name");
  else if (name.length > 200) err(GIAS.name, "At most 200 characters");
  if (!type) err(GIAS.type, "Enter the type of establishment");
  else if (type.length > 120) err(GIAS.type, "At most 120 characters");

  const statusText = cell(row, GIAS.status);
  const status = STATUSES[statusText.toLowerCase()];
  if (status === "proposed") return { kind: "skipped", reason: "proposed to open" };
  if (!status) err(GIAS.status, `'${statusText}' is not a status GIAS uses (Open, Open but proposed to close, Closed, Proposed to open)`);

  const phaseText = cell(row, GIAS.phase);
  const giasPhase = PHASES[phaseText.toLowerCase()];
  const special = /special/i.test(type) || /^special schools$/i.test(group);
  const post16 = !special && (/^16 plus$/i.test(phaseText) || POST_16_TYPES.test(type));
  const registerPhase: RegisterPhase | undefined = special ? "special" : post16 ? "post-16" : giasPhase;
  if (!registerPhase) err(GIAS.phase, phaseText ? `'${phaseText}' is not a phase of a school the register holds (Nursery, Primary, Secondary, All-through, 16 plus)` : "Enter the phase of education");

  const districtText = cell(row, GIAS.district);
  const district = districtText ? options.districtOf(districtText) : undefined;
  if (!district) err(GIAS.district, districtText ? `'${districtText}' is not one of the council's districts` : "Enter the district (DistrictAdministrative)");

  const place = postcodeAndDates(row, { postcode: GIAS.postcode, opened: GIAS.opened, closed: GIAS.closed }, err);

  if (errors.length > 0 || !status || !registerPhase || !district || !place.ok) return { kind: "invalid", errors };
  const independent = /independent/i.test(type) || /^independent schools$/i.test(group);
  return {
    kind: "entry",
    entry: {
      urn,
      name,
      districtSlug: district.slug,
      phase: liftPhase(registerPhase, giasPhase),
      registerPhase,
      status,
      mainstream: !special && !post16 && !independent,
      establishmentType: type,
      ...place.fields,
      registerSource: "gias",
    },
  };
}
