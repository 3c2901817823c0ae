/** The person form's working copy (text as typed) and its mapping to the API's person. */
import type { PersonInput, PersonView } from "./api";

export interface PersonDraft {
  oid: string;
  upn: string;
  displayName: string;
  role: PersonInput["role"] | "";
  districtSlug: string;
  settingId: string;
  areaName: string;
  /** LIFT groups chaired, one per line or separated by ";". */
  chairOf: string;
  /** Kept as it is: the form does not change a countywide team. */
  countyTeam?: PersonInput["countyTeam"];
}

export const EMPTY_DRAFT: PersonDraft = { oid: "", upn: "", displayName: "", role: "", districtSlug: "", settingId: "", areaName: "", chairOf: "" };

export function draftFrom(p: PersonView): PersonDraft {
  return {
    oid: p.oid,
    upn: p.upn,
    displayName: p.displayName,
    role: p.role,
    districtSlug: p.districtSlug ?? "",
    settingId: p.settingId ?? "",
    areaName: p.areaName ?? "",
    chairOf: (p.chairOf ?? []).join("; "),
    ...(p.countyTeam ? { countyTeam: p.countyTeam } : {}),
  };
}

/** The person to send: empty boxes are left out, so the server's rules say what is missing. */
export function personFrom(d: PersonDraft): PersonInput {
  const chairOf = d.chairOf
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    oid: d.oid.trim(),
    upn: d.upn.trim(),
    displayName: d.displayName.trim(),
    role: d.role as PersonInput["role"],
    ...(d.districtSlug ? { districtSlug: d.districtSlug } : {}),
    ...(d.settingId.trim() ? { settingId: d.settingId.trim().toUpperCase() } : {}),
    ...(d.areaName ? { areaName: d.areaName as PersonInput["areaName"] } : {}),
    ...(chairOf.length > 0 ? { chairOf } : {}),
    ...(d.countyTeam ? { countyTeam: d.countyTeam } : {}),
  };
}
