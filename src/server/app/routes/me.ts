import { coreApi } from "../../../schemas/core/api";
import { ROLE_LABELS } from "../../../schemas/reference/person";
import type { ReferenceData } from "../../core/reference-data";
import { defineRoutes, type RouteTable } from "../define-routes";

/** GET /api/me: who the server believes the caller is, from the people data. */
export function meRoutes(reference: ReferenceData): RouteTable {
  return defineRoutes({ me: coreApi.me }, {
    me: async ({ user: me }) => {
      const district = me.districtSlug ? (await reference.districts()).find((d) => d.slug === me.districtSlug) : undefined;
      const setting = me.settingId ? (await reference.settings()).find((s) => s.id === me.settingId) : undefined;
      return {
        oid: me.oid,
        upn: me.upn,
        displayName: me.displayName,
        role: me.role,
        roleLabel: ROLE_LABELS[me.role],
        ...(district ? { district: { slug: district.slug, name: district.name, code: district.code, area: district.area } } : {}),
        ...(setting ? { setting: { id: setting.id, name: setting.name, phase: setting.phase } } : {}),
        ...(me.countyTeam ? { countyTeam: me.countyTeam } : {}),
        ...(me.areaName ? { area: me.areaName } : {}),
      };
    },
  });
}
