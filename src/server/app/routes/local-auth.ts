import { Router } from "express";
import type { LocalIdentityProvider } from "../../../auth/local-identity-provider";
import type { PeopleDirectory } from "../../../auth/people-directory";
import { AppError } from "../../../errors";
import { ROLE_LABELS } from "../../../schemas/reference/person";

/**
 * /auth/*: how a tab page gets a token. In local mode the local identity provider signs one for a
 * demo user named by `?as=`; in Entra mode the page uses Teams SSO (`authentication.getAuthToken`)
 * and these routes only tell it so.
 */
export function authRoutes(options: { mode: "local" | "entra"; clientId: string; provider?: LocalIdentityProvider; people: PeopleDirectory }) {
  const router = Router();
  const { provider, people } = options;

  router.get("/config", async (_req, res) => {
    if (options.mode === "entra") {
      res.json({ mode: "entra", clientId: options.clientId });
      return;
    }
    const all = await people.list();
    res.json({
      mode: "local",
      clientId: options.clientId,
      demoUsers: all.map((p) => ({ upn: p.upn, displayName: p.displayName, roleLabel: ROLE_LABELS[p.role] })),
    });
  });

  if (provider) {
    router.get("/local/token", async (req, res) => {
      const as = typeof req.query.as === "string" ? req.query.as.trim() : "";
      if (!as) {
        throw new AppError("validation_failed", "Say who to sign in as with ?as=<sign-in name>.", {
          fieldErrors: { as: ["Required: a demo user's sign-in name, e.g. senco.dover@lift.local"] },
        });
      }
      const person = await people.byUpn(as);
      if (!person) throw new AppError("not_found", `There is no demo user called ${as}.`);
      if (person.deactivatedAt) throw new AppError("user_deactivated", `${as} has been switched off in LIFT Hub.`);
      res.set("Cache-Control", "no-store").json(await provider.issue(person));
    });
    router.get("/local/keys", async (_req, res) => {
      res.json(await provider.jwks());
    });
    router.get("/local/.well-known/openid-configuration", (req, res) => {
      res.json(provider.openIdConfiguration(`${req.protocol}://${req.get("host")}/auth/local/keys`));
    });
  }
  return router;
}
