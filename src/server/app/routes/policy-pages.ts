import { Router } from "express";

/**
 * /privacy and /terms: the manifest's developer.privacyUrl and termsOfUseUrl point here
 * ([teams-platform.md §1.2](../../../../docs/reference/teams-platform.md#12-required-root-fields)). The council replaces the wording with its own notices before publishing.
 */
const page = (title: string, body: string) => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — LIFT Hub</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:760px;margin:32px auto;padding:0 16px;line-height:1.5;color:#242424}</style>
</head><body><main><h1>${title}</h1>${body}</main></body></html>`;

export function policyPages() {
  const router = Router();
  router.get("/privacy", (_req, res) => {
    res.type("html").send(
      page(
        "Privacy notice",
        `<p>LIFT Hub holds referrals to Local Inclusion Forum Team (LIFT) meetings, the outcomes of those meetings and
termly service figures for the Specialist Teaching and Learning Service. The council processes children's personal
data under its public task, with the substantial public interest condition for special category data. Parents and
carers agree to engage with the service before a referral is discussed.</p>
<p>Only the people who need a record can see it: a school's SENCo sees their own setting's referrals, LIFT members
and leads see their district's submitted referrals, commissioners see figures without children's details. Every
read and change of a child's record is audited. Records are kept for the period set in the council's retention
schedule. To ask for a copy of the information held about a child, contact the council's information governance team.</p>`,
      ),
    );
  });
  router.get("/terms", (_req, res) => {
    res.type("html").send(
      page(
        "Terms of use",
        `<p>LIFT Hub is for staff of schools, early years settings and the council's Specialist Teaching and Learning
Service, for the LIFT process and service reporting. Use it only for the children and settings you work with, keep
what you see confidential, and report any concern about data to the council's information governance team.</p>`,
      ),
    );
  });
  return router;
}
