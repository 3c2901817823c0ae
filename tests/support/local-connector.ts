/**
 * A tiny Bot Framework connector for tests: the bot sends its replies and proactive messages to the
 * activity's `serviceUrl`, so pointing that at this server lets a test see exactly what Teams would
 * have received. Routes follow the Bot Connector REST API (v3):
 *   POST /v3/conversations                                   create a conversation
 *   POST /v3/conversations/:id/activities                    send to a conversation
 *   POST /v3/conversations/:id/activities/:activityId        reply to an activity
 *   PUT  /v3/conversations/:id/activities/:activityId        update an activity
 *   GET  /v3/conversations/:id/members/:memberId             one member (TeamsInfo.getMember)
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";

export interface RecordedActivity {
  conversationId: string;
  /** Set when the bot replied to a specific activity. */
  replyToId?: string;
  /** The id this connector gave the activity. */
  id: string;
  activity: Record<string, unknown>;
  authorization?: string;
}

export interface RecordedUpdate {
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
}

export interface ConnectorMember {
  id: string;
  name?: string;
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
}

export interface LocalConnector {
  /** Base URL to use as the activity's `serviceUrl` (ends with "/"). */
  url: string;
  activities: RecordedActivity[];
  updates: RecordedUpdate[];
  conversations: Array<Record<string, unknown>>;
  /** Every request seen, failed ones included, in order. */
  requests: Array<{ method: string; path: string; status: number }>;
  /** Members GET .../members/:id answers with; unknown ids get 404 ConversationNotFound/MemberNotFound. */
  members: Map<string, ConnectorMember>;
  /** Answer the next `count` requests with `status` (e.g. 429) and, if given, a Retry-After header. */
  failNext(count: number, status?: number, retryAfterSeconds?: number): void;
  /** Resolves once `count` activities have been recorded (or rejects after `timeoutMs`). */
  waitForActivities(count: number, timeoutMs?: number): Promise<RecordedActivity[]>;
  stop(): Promise<void>;
}

/** `tls`: serve https with this certificate (tenant mode refuses a serviceUrl that is not https). */
export async function startLocalConnector(options: { members?: ConnectorMember[]; tls?: { cert: string; key: string } } = {}): Promise<LocalConnector> {
  const activities: RecordedActivity[] = [];
  const updates: RecordedUpdate[] = [];
  const conversations: Array<Record<string, unknown>> = [];
  const requests: LocalConnector["requests"] = [];
  const members = new Map((options.members ?? []).map((m) => [m.id, m]));
  let failures: { remaining: number; status: number; retryAfterSeconds?: number } = { remaining: 0, status: 429 };
  const waiters: Array<{ count: number; resolve: () => void }> = [];

  const notify = () => {
    for (const waiter of [...waiters]) {
      if (activities.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://connector").pathname;
      const method = req.method ?? "GET";
      const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        requests.push({ method, path, status });
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(body === undefined ? "" : JSON.stringify(body));
      };

      if (failures.remaining > 0) {
        failures.remaining -= 1;
        const headers: Record<string, string> =
          failures.retryAfterSeconds !== undefined ? { "retry-after": String(failures.retryAfterSeconds) } : {};
        send(failures.status, { error: { code: "Throttled", message: "Too many requests (local connector)." } }, headers);
        return;
      }

      let body: Record<string, unknown> = {};
      const text = Buffer.concat(chunks).toString("utf8");
      if (text) {
        try {
          body = JSON.parse(text) as Record<string, unknown>;
        } catch {
          send(400, { error: { code: "BadArgument", message: "Body is not JSON." } });
          return;
        }
      }
      const auth = req.headers.authorization;
      const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
      // parts: ["v3", "conversations", id?, "activities"|"members", activityId?]
      if (parts[0] !== "v3" || parts[1] !== "conversations") {
        send(404, { error: { code: "NotFound", message: `No route ${method} ${path}` } });
        return;
      }
      const [, , conversationId, kind, itemId] = parts;

      if (method === "POST" && parts.length === 2) {
        conversations.push(body);
        send(201, { id: `a:${randomUUID()}` });
        return;
      }
      if (conversationId && kind === "activities" && (method === "POST" || method === "PUT")) {
        if (method === "PUT" && itemId) {
          updates.push({ conversationId, activityId: itemId, activity: body });
          send(200, { id: itemId });
          return;
        }
        if (method === "POST") {
          const id = randomUUID();
          activities.push({ conversationId, id, activity: body, ...(itemId ? { replyToId: itemId } : {}), ...(auth ? { authorization: auth } : {}) });
          send(200, { id });
          notify();
          return;
        }
      }
      if (conversationId && kind === "members" && method === "GET" && itemId) {
        const member = members.get(itemId) ?? [...members.values()].find((m) => m.aadObjectId === itemId);
        if (member) send(200, member);
        else send(404, { error: { code: "MemberNotFound", message: "The member is not in this conversation." } });
        return;
      }
      send(404, { error: { code: "NotFound", message: `No route ${method} ${path}` } });
    });
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handler) : http.createServer(handler);

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}/`,
    activities,
    updates,
    conversations,
    requests,
    members,
    failNext(count, status = 429, retryAfterSeconds) {
      failures = { remaining: count, status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
    },
    waitForActivities(count, timeoutMs = 5000) {
      if (activities.length >= count) return Promise.resolve(activities);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`local connector: expected ${count} activities, got ${activities.length}`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(activities);
          },
        });
      });
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
