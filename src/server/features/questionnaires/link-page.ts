/**
 * The answer page behind a questionnaire link, `/q/<token>`: the one page of the app that needs no
 * sign-in (parents and carers have no account). It shows the questionnaire's title, what it is
 * about by date only, and its questions: no child, family or setting name. A plain HTML form (no
 * script), one question per fieldset, large radio buttons, so it works on a phone and with a screen
 * reader; problems are listed at the top, linked to their question, and said again beside it.
 *
 * Answers: 200 the form or "thank you"; 400 the form again with the problems; 404 a link the app did
 * not make (or altered); 409 already answered; 410 closed. Rate limited by address, since there is
 * no person to limit.
 */
import express, { Router, type Request, type Response } from "express";
import { RateLimiter } from "../../app/rate-limit";
import type { QuestionnaireDefinition } from "../../../schemas/questionnaires/records";
import type { QuestionnairesService } from "./service";

const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

const STYLE = `body{font-family:"Segoe UI",system-ui,sans-serif;max-width:640px;margin:0 auto;padding:16px;line-height:1.5;color:#1b1b1b;font-size:1.1875rem}
h1{font-size:1.75rem;line-height:1.2}fieldset{border:0;margin:0 0 24px;padding:0}legend{font-weight:600;margin-bottom:8px}
.choice{display:flex;align-items:center;gap:12px;margin:6px 0;min-height:44px}.choice input{width:28px;height:28px;margin:0;flex:none}
.choice label{cursor:pointer}textarea{width:100%;box-sizing:border-box;min-height:120px;font:inherit;padding:8px;border:2px solid #0b0c0c}
button{font:inherit;font-weight:600;background:#00703c;color:#fff;border:0;padding:12px 20px;min-height:44px;cursor:pointer}
button:focus,input:focus,textarea:focus,a:focus{outline:3px solid #fd0;outline-offset:0}
.problems{border:4px solid #d4351c;padding:12px 16px;margin-bottom:24px}.problems h2{margin-top:0;font-size:1.25rem}
.problem{color:#d4351c;font-weight:600;margin:4px 0}.has-problem{border-left:5px solid #d4351c;padding-left:12px}.hint{color:#505a5f}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)} — LIFT Hub</title><style>${STYLE}</style>
</head><body><main id="main">${body}</main></body></html>`;
}

const MESSAGES: Record<"answered" | "expired" | "invalid", { status: number; title: string; text: string }> = {
  answered: { status: 409, title: "Already answered", text: "This questionnaire has already been answered using this link, thank you. Each link can be used once." },
  expired: { status: 410, title: "This questionnaire has closed", text: "The time to answer this questionnaire has passed, so it can no longer be answered. Thank you all the same." },
  invalid: { status: 404, title: "This link does not work", text: "The link may have been copied incompletely. Check it against the message it came in, or ask the person who sent it for a new one." },
};

function messagePage(res: Response, kind: keyof typeof MESSAGES): void {
  const m = MESSAGES[kind];
  res.status(m.status).type("html").send(page(m.title, `<h1>${esc(m.title)}</h1><p>${esc(m.text)}</p>`));
}

function formPage(d: QuestionnaireDefinition, about: string, action: string, values: Record<string, string> = {}, problems: Record<string, string[]> = {}): string {
  const titleOf = Object.keys(problems).length > 0 ? `Error: ${d.title}` : d.title;
  const summary =
    Object.keys(problems).length === 0
      ? ""
      : `<div class="problems" role="alert" tabindex="-1"><h2>There is a problem</h2><ul>${Object.entries(problems)
          .map(([id, msgs]) => `<li><a href="#${esc(id)}-first">${esc(id)}: ${esc(msgs.join(". "))}</a></li>`)
          .join("")}</ul></div>`;
  const fields = d.questions
    .map((q) => {
      const own = problems[q.id] ?? [];
      const problemHtml = own.map((m) => `<p class="problem" id="${q.id}-problem"><span class="visually-hidden">Error: </span>${esc(m)}</p>`).join("");
      const describedBy = own.length > 0 ? ` aria-describedby="${q.id}-problem"` : "";
      const legend = `${esc(q.id)}. ${esc(q.text)}${q.required ? "" : ' <span class="hint">(optional)</span>'}`;
      if (q.kind === "scale") {
        const choices = [1, 2, 3, 4, 5]
          .map((n, i) => {
            const words = q.scale.labels[String(n) as "1"];
            const id = i === 0 ? `${q.id}-first` : `${q.id}-${n}`;
            const checked = values[q.id] === String(n) ? " checked" : "";
            return `<div class="choice"><input type="radio" id="${id}" name="${q.id}" value="${n}"${checked}${q.required ? " required" : ""}><label for="${id}">${n}${words ? ` – ${esc(words)}` : ""}</label></div>`;
          })
          .join("");
        return `<fieldset${own.length > 0 ? ' class="has-problem"' : ""}${describedBy}><legend>${legend}</legend>${problemHtml}${choices}</fieldset>`;
      }
      return `<fieldset${own.length > 0 ? ' class="has-problem"' : ""}><legend><label for="${q.id}-first">${legend}</label></legend>${problemHtml}<textarea id="${q.id}-first" name="${q.id}" maxlength="${q.maxLength}"${describedBy}>${esc(values[q.id] ?? "")}</textarea></fieldset>`;
    })
    .join("");
  return page(
    titleOf,
    `<h1>${esc(d.title)}</h1><p>About ${esc(about)}.</p><p>${esc(d.introduction)}</p><p class="hint">1 is the lowest and 5 the highest. We do not ask for your name.</p>${summary}<form method="post" action="${esc(action)}" novalidate>${fields}<button type="submit">Send my answers</button></form>`,
  );
}

export interface LinkPageOptions {
  /** Requests a minute from one address, and the burst allowed. */
  perMinute?: number;
  burst?: number;
}

export function questionnaireLinkPage(service: QuestionnairesService, options: LinkPageOptions = {}): Router {
  const router = Router();
  const limiter = new RateLimiter({ perMinute: options.perMinute ?? 30, burst: options.burst ?? 20 });
  router.use("/q", (req, res, next) => {
    // The token is in the address: never keep the page, never send it on as a referrer.
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Referrer-Policy", "no-referrer");
    const wait = limiter.take(req.ip ?? "unknown");
    if (wait !== undefined) {
      res.setHeader("Retry-After", String(Math.ceil(wait / 1000)));
      res.status(429).type("html").send(page("Too many requests", `<h1>Too many requests</h1><p>Please wait a minute and try again.</p>`));
      return;
    }
    next();
  });
  const token = (req: Request) => String(req.params.token ?? "");
  router.get("/q/:token", async (req, res, next) => {
    try {
      if (!TOKEN.test(token(req))) return messagePage(res, "invalid");
      const state = await service.openLink(token(req));
      if (state.state !== "open") return messagePage(res, state.state);
      res.type("html").send(formPage(state.definition, state.about, `/q/${token(req)}`));
    } catch (error) {
      next(error);
    }
  });
  router.post("/q/:token", express.urlencoded({ extended: false, limit: "32kb", parameterLimit: 50 }), async (req, res, next) => {
    try {
      if (!TOKEN.test(token(req))) return messagePage(res, "invalid");
      const result = await service.answerLink(token(req), (req.body ?? {}) as Record<string, unknown>);
      if (result.state === "thanks") {
        res.type("html").send(page("Thank you", `<h1>Thank you</h1><p>Your answers to the ${esc(result.title.toLowerCase())} questionnaire have been recorded. They are counted without your name. You can close this page.</p>`));
        return;
      }
      if (result.state === "problems") {
        res.status(400).type("html").send(formPage(result.definition, result.about, `/q/${token(req)}`, result.values, result.problems));
        return;
      }
      messagePage(res, result.state);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
