import { Router } from "express";
import type { ReferenceData } from "../../core/reference-data";
import { ROLE_LABELS } from "../../../schemas/reference/person";
import { currentUser } from "../authenticate";

/** GET /api/me: who the server believes the caller is, from the people data. */
export function meRoutes(reference: ReferenceData) {
  const router = Router();
  router.get("/me", async (req, res) => {
    const me = currentUser(req);
    const district = me.districtSlug ? (await reference.districts()).find((d) => d.slug === me.districtSlug) : undefined;
    const setting = me.settingId ? (await reference.settings()).find((s) => s.id === me.settingId) : undefined;
    res.json({
      oid: me.oid,
      upn: me.upn,
      displayName: me.displayName,
      role: me.role,
      roleLabel: ROLE_LABELS[me.role],
      ...(district ? { district: { slug: district.slug, name: district.name, code: district.code, area: district.area } } : {}),
      ...(setting ? { setting: { id: setting.id, name: setting.name, phase: setting.phase } } : {}),
    });
  });
  return router;
}
