/**
 * The local Teams host's answers to teams-js (src/teams-host/protocol.ts), without a browser: what
 * each call gets back, which calls stay unanswered (one-way) and what the host records.
 */
import { describe, expect, it } from "vitest";
import { answer, legacyContext, response, runtimeConfig, type HostEffects, type HostSession, type TabRequest, type TabSettings } from "../../src/teams-host/protocol";

function recorder(token: () => Promise<string> = async () => "signed.jwt.token") {
  const seen: { validity: boolean[]; settings: TabSettings[]; outcomes: unknown[]; shared: string[] } = { validity: [], settings: [], outcomes: [], shared: [] };
  const effects: HostEffects = {
    authToken: token,
    validity: (v) => seen.validity.push(v),
    settings: (c) => seen.settings.push(c),
    saveOutcome: (o) => seen.outcomes.push(o),
    shareToStage: (url) => seen.shared.push(url),
  };
  return { seen, effects };
}

const session = (frame: HostSession["frame"], theme: HostSession["theme"] = "dark"): HostSession => ({
  frame,
  theme,
  entityId: "kpi-return",
  user: { upn: "lead.dover@lift.local", displayName: "Helen Marsh", oid: "oid-1", tenantId: "tid-1" },
});

const req = (func: string, ...args: unknown[]): TabRequest => ({ id: 7, uuidAsString: "u-7", func, args });

describe("local Teams host protocol", () => {
  it("initialize answers the frame context, the web client and a version-4 runtime with pages.config and meeting", async () => {
    const { effects } = recorder();
    const args = await answer(req("initialize", "2.58.0", 4), session("sidePanel"), effects);
    expect(args?.[0]).toBe("sidePanel");
    expect(args?.[1]).toBe("web");
    const runtime = JSON.parse(String(args?.[2])) as ReturnType<typeof runtimeConfig> & { supports: Record<string, unknown> };
    expect(runtime.apiVersion).toBe(4);
    expect(runtime.supports).toHaveProperty("pages.config");
    expect(runtime.supports).toHaveProperty("meeting");
    expect(args?.[3]).toBe("2.58.0");
  });

  it("getContext carries the user, theme and frame; meetings get a meeting id, tabs a team and channel", async () => {
    const { effects } = recorder();
    const [ctx] = (await answer(req("getContext"), session("meetingStage"), effects)) as [Record<string, unknown>];
    expect(ctx).toMatchObject({ frameContext: "meetingStage", theme: "dark", userPrincipalName: "lead.dover@lift.local", userObjectId: "oid-1", tid: "tid-1" });
    expect(ctx.meetingId).toEqual(expect.any(String));
    expect(ctx.teamId).toBeUndefined();
    const content = legacyContext(session("content", "default"));
    expect(content.teamId).toEqual(expect.any(String));
    expect(content.meetingId).toBeUndefined();
  });

  it("getAuthToken answers [true, token], or [false, reason] when the host cannot get one", async () => {
    expect(await answer(req("authentication.getAuthToken"), session("content"), recorder().effects)).toEqual([true, "signed.jwt.token"]);
    const failing = recorder(async () => {
      throw new Error("There is no demo user called x.");
    });
    expect(await answer(req("authentication.getAuthToken"), session("content"), failing.effects)).toEqual([false, "There is no demo user called x."]);
  });

  it("the settings page: validity and save outcome are one-way, setSettings is recorded only in the settings frame", async () => {
    const { seen, effects } = recorder();
    expect(await answer(req("settings.setValidityState", true), session("settings"), effects)).toBeUndefined();
    const config = { contentUrl: "http://localhost:3978/tabs/referral?view=referrals&district=dover", entityId: "referrals-dover" };
    expect(await answer(req("settings.setSettings", config), session("settings"), effects)).toEqual([true]);
    expect(await answer(req("settings.save.success"), session("settings"), effects)).toBeUndefined();
    expect(seen).toMatchObject({ validity: [true], settings: [config], outcomes: [{ ok: true }] });

    const [ok, reason] = (await answer(req("settings.setSettings", config), session("content"), effects)) as [boolean, string];
    expect(ok).toBe(false);
    expect(reason).toMatch(/settings page/);
    expect(await answer(req("settings.setSettings", { entityId: "x" }), session("settings"), effects)).toEqual([false, "The settings need a contentUrl."]);
    expect(seen.settings).toHaveLength(1);
  });

  it("share to stage works from the side panel only and answers the callback's (error, result)", async () => {
    const { seen, effects } = recorder();
    expect(await answer(req("meeting.shareAppContentToStage", "http://localhost:3978/tabs/lift-meeting?frame=stage"), session("sidePanel"), effects)).toEqual([null, true]);
    expect(seen.shared).toEqual(["http://localhost:3978/tabs/lift-meeting?frame=stage"]);
    const [error] = (await answer(req("meeting.shareAppContentToStage", "http://x/"), session("content"), effects)) as [{ errorCode: number }];
    expect(error.errorCode).toBe(100);
    expect(seen.shared).toHaveLength(1);
  });

  it("a call the host does not implement gets a not-supported error rather than silence; responses keep id and uuid", async () => {
    const args = await answer(req("people.selectPeople"), session("content"), recorder().effects);
    expect(args?.[0]).toMatchObject({ errorCode: 100 });
    expect(response(req("getContext"), ["x"])).toEqual({ id: 7, uuidAsString: "u-7", args: ["x"] });
  });
});
