/**
 * Requests the fuzz (npm run fuzz) found answered 5xx, each kept here as a plain regression test:
 * the client's mistakes are 4xx with a code, never a server error.
 */
import { describe, expect, it } from "vitest";
import { onTestApp } from "../support/test-app";
import { apiFor, type Api } from "../support/api-client";

let api: Api;

onTestApp((running) => {
  api = apiFor(running.url);
});

describe("requests the fuzz found", () => {
  it("a path value with a broken %-escape is 400 bad_request, not 500", async () => {
    for (const [method, path] of [["GET", "/api/referrals/%"], ["POST", "/api/referrals/%E0%A4%A/submit"], ["GET", "/api/casework/cases/%zz"]] as const) {
      const res = await api("lead.dover@lift.local", method, path, method === "POST" ? { meetingId: "1" } : undefined);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBe("bad_request");
    }
  });
});
