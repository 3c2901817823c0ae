import type { TrainingSessionInput } from "../../../src/schemas/training-events/records";
import { formatDate, ukToday, useSession, type Banner } from "../../shell";
import { useTrainingApi, type AttendanceSetting, type TrainingSessionRecord } from "../api";
import { SESSION_ORDER, blankSession, sessionForm, sessionToSend } from "../forms";
import { sessionMessages } from "../form-checks";
import { RecordEditor } from "./RecordEditor";
import { SessionFields } from "./SessionFields";

export interface SessionEditorProps {
  /** The session to change, or "new" to record one. */
  editing: TrainingSessionRecord | "new";
  districtSlug: string;
  settings: readonly AttendanceSetting[];
  districtName(slug: string): string;
  onDone(banner: Banner, saved?: { date: string }): void;
  onCancel(): void;
}

/** The form to record or change a training session (SessionsPanel loads it when opened). */
export function SessionEditor({ editing, districtSlug, settings, districtName, onDone, onCancel }: SessionEditorProps) {
  const { me } = useSession();
  const training = useTrainingApi();
  return (
    <RecordEditor<TrainingSessionRecord, ReturnType<typeof blankSession>>
      key={editing === "new" ? "new" : editing.id}
      name="session"
      noun="training session"
      record={editing === "new" ? undefined : editing}
      blank={blankSession(ukToday(), me.displayName)}
      formOf={sessionForm}
      toSend={(f) => sessionToSend(f, districtSlug)}
      messagesOf={sessionMessages}
      order={SESSION_ORDER}
      create={(k, sent) => training.recordSession(k, sent as TrainingSessionInput)}
      update={(id, eTag, sent) => training.updateSession(id, eTag, sent as TrainingSessionInput)}
      remove={(id, eTag) => training.deleteSession(id, eTag)}
      fetch={(id) => training.session(id)}
      describe={(s) => `“${s.title}” on ${formatDate(s.date)}, ${s.settingIds.length} settings, ${s.attendees} attendees`}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(f) => <SessionFields f={f} districtSlug={districtSlug} settings={settings} districtName={districtName} />}
    </RecordEditor>
  );
}
