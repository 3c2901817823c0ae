/**
 * The API's edge: a body is read only once the caller is authenticated, and each person has a rate
 * limit answered with 429 and Retry-After (small here so the test reaches it; generous by default).
 */
import { describe, expect, it } from "vitest";
import { onTestApp } from "../support/test-app";
import { apiFor, type Api } from "../support/api-client";

let url: string;
let api: Api;

onTestApp(
  (running) => {
    url = running.url;
    api = apiFor(running.url);
  },
  { RATE_LIMIT_BURST: "3", RATE_LIMIT_PER_MINUTE: "6" },
);

describe("the API edge", () => {
  it("does not read an anonymous caller's body: malformed JSON without a token is 401, not 400", async () => {
    const res = await fetch(`${url}/api/referrals`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" });
    expect(res.status).toBe(401);
  });

  it("limits each person's requests, answering 429 with Retry-After; others are not affected", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api("lead.dover@lift.local", "GET", "/api/me")).status);
    expect(statuses).toEqual([200, 200, 200]);
    const res = await fetch(`${url}/api/me`, { headers: { Authorization: `Bearer ${await token("lead.dover@lift.local")}` } });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("too_many_requests");
    expect((await api("teacher.dover@lift.local", "GET", "/api/me")).status).toBe(200);
  });
});

async function token(upn: string): Promise<string> {
  const res = await fetch(`${url}/auth/local/token?as=${encodeURIComponent(upn)}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
