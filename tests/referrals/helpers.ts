import { ukToday } from "../../src/domain/referrals/meeting-rules";

export type Api = (upn: string, method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

export function apiFor(url: string): Api {
  const tokens = new Map<string, string>();
  return async (upn, method, path, body) => {
    let token = tokens.get(upn);
    if (!token) {
      token = ((await (await fetch(`${url}/auth/local/token?as=${encodeURIComponent(upn)}`)).json()) as { access_token: string }).access_token;
      tokens.set(upn, token);
    }
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** A complete Year 4 school referral for White Cliffs Primary (DOV-P1). */
export function completeDraft(childName: string) {
  const today = ukToday(new Date());
  const [year, month] = today.split("-").map(Number) as [number, number];
  const start = month >= 9 ? year : year - 1;
  const cycle = { assess: "Reading age 6y2m", plan: "Phonics target", do: "Daily 1:1", review: "Some progress", impact: "Small gains" };
  return {
    setting: { settingId: "DOV-P1", phase: "primary" },
    referrer: { name: "Jo Bennett", email: "senco.dover@lift.local", headteacherAware: true },
    child: { legalName: childName, dateOfBirth: `${start - 8}-03-03`, yearGroup: "Y4" },
    flags: { senStatus: "sen-support", lookedAfter: false, childProtection: false, childInNeed: false, earlyHelp: false, pupilPremium: false },
    needs: { primaryArea: "CL" },
    question: { question: "How can we help with reading?" },
    profile: { strengths: "Kind", presentingNeeds: "Reading well below peers" },
    apdrCycles: [cycle, cycle],
    strategies: { inPlace: "Visual timetable" },
    agreementToEngage: { given: true, name: "Parent", relationship: "mother", parentalResponsibility: true, date: `${year}-01-01`, method: "signed-form" },
  };
}
