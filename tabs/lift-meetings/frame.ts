/**
 * Which of the three LIFT meeting views to show, and for which meeting. Inside Teams the frame comes
 * from the host (`page.frameContext`); outside Teams from `?frame=` (so the views can be opened and
 * tested in a browser). The meeting comes from `?meeting=<id>` (bound on /tabs/config), else the
 * district's next meeting.
 */
import type { HostContext } from "../shell";
import type { LiftMeetingSummary } from "./api";

export type MeetingFrame = "content" | "sidePanel" | "meetingStage";

const FRAMES: readonly MeetingFrame[] = ["content", "sidePanel", "meetingStage"];

export function meetingFrame(host: { inTeams: boolean; context: HostContext }, search: string): MeetingFrame {
  if (host.inTeams) {
    const frame = host.context.frameContext;
    // Teams' full-screen "stage" view of a tab shows the same page as the meeting stage.
    if (frame === "stage") return "meetingStage";
    if ((FRAMES as readonly string[]).includes(frame)) return frame as MeetingFrame;
  }
  const asked = new URLSearchParams(search).get("frame");
  return (FRAMES as readonly (string | null)[]).includes(asked) ? (asked as MeetingFrame) : "content";
}

export function meetingParam(search: string): string | undefined {
  const id = new URLSearchParams(search).get("meeting");
  return id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
}

/** The meeting to open when none is named: the next one not cancelled, else the latest. */
export function nextMeeting(meetings: readonly LiftMeetingSummary[], now: Date): LiftMeetingSummary | undefined {
  const open = meetings.filter((m) => m.status !== "cancelled").sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  // A meeting not yet ended is still "next" for the people in it.
  return open.find((m) => new Date(m.endsAt).getTime() >= now.getTime()) ?? open.at(-1);
}

/** The page as the meeting stage shows it: what "Share to stage" sends. */
export function stageUrl(origin: string, meetingId: string, districtSlug?: string): string {
  const params = new URLSearchParams({ view: "agenda" });
  if (districtSlug) params.set("district", districtSlug);
  params.set("meeting", meetingId);
  params.set("frame", "meetingStage");
  return `${origin}/tabs/lift-meeting?${params.toString()}`;
}
