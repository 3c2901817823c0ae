/** Bot Framework activities as Teams sends them, for tests that post to /api/messages over HTTP. */
import { randomUUID } from "node:crypto";

export const TENANT_ID = "71bfab59-7ffc-5e58-ae5c-6ee57e3f7bfd";
export const BOT_ID = "28:9d7a1c2e-4b5f-4e8a-9c3d-2f1e0a6b7c8d";
/** The demo district lead for Dover (src/domain/reference/people.ts). */
export const LEAD = {
  id: "29:1lead-dover-teams-user-id",
  aadObjectId: "a34e9dd4-6a9d-5cb2-a373-2a9ec36ac300",
  name: "Helen Marsh",
  upn: "lead.dover@lift.local",
};
export const PERSONAL_CHAT_ID = "a:1personal-chat-with-lead-dover";

export function baseActivity(serviceUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl,
    from: { id: LEAD.id, aadObjectId: LEAD.aadObjectId, name: LEAD.name },
    recipient: { id: BOT_ID, name: "LIFT Hub" },
    conversation: { id: PERSONAL_CHAT_ID, conversationType: "personal", tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: "en-GB",
    ...extra,
  };
}

export function messageActivity(serviceUrl: string, text: string, extra: Record<string, unknown> = {}) {
  return baseActivity(serviceUrl, { type: "message", text, textFormat: "plain", ...extra });
}

export function installActivity(serviceUrl: string) {
  return baseActivity(serviceUrl, { type: "conversationUpdate", membersAdded: [{ id: BOT_ID }] });
}

export function installationUpdateActivity(serviceUrl: string, action: "add" | "remove") {
  return baseActivity(serviceUrl, { type: "installationUpdate", action });
}

export function cardActionActivity(serviceUrl: string, verb: string, data: Record<string, unknown> = {}) {
  return baseActivity(serviceUrl, {
    type: "invoke",
    name: "adaptiveCard/action",
    replyToId: randomUUID(),
    value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
  });
}

export async function postActivity(appUrl: string, activity: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${appUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof activity === "string" ? activity : JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text; // not JSON (e.g. an SDK plain-text error); keep it for the assertion message
  }
  return { status: response.status, body };
}

/** The Adaptive Card inside a recorded message activity, if any. */
export function cardOf(activity: Record<string, unknown>): Record<string, unknown> | undefined {
  const attachments = activity.attachments as Array<{ contentType: string; content: Record<string, unknown> }> | undefined;
  return attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content;
}

/** Every `text` in a card, flattened, to assert on wording without depending on layout. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if ((key === "text" || key === "title" || key === "value") && typeof value === "string") out.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return out.join("\n");
}
