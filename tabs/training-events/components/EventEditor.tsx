import type { TransitionEventInput } from "../../../src/schemas/training-events/records";
import { formatDate, ukToday, type Banner } from "../../shell";
import { useTrainingApi, type AttendanceSetting, type TransitionEventRecord } from "../api";
import { EVENT_ORDER, blankEvent, eventForm, eventToSend } from "../forms";
import { eventMessages } from "../form-checks";
import { RecordEditor } from "./RecordEditor";
import { EventFields } from "./EventFields";

export interface EventEditorProps {
  /** The event to change, or "new" to record one. */
  editing: TransitionEventRecord | "new";
  districtSlug: string;
  settings: readonly AttendanceSetting[];
  districtName(slug: string): string;
  onDone(banner: Banner, saved?: { date: string }): void;
  onCancel(): void;
}

/** The form to record or change a transition event (EventsPanel loads it when opened). */
export function EventEditor({ editing, districtSlug, settings, districtName, onDone, onCancel }: EventEditorProps) {
  const training = useTrainingApi();
  return (
    <RecordEditor<TransitionEventRecord, ReturnType<typeof blankEvent>>
      key={editing === "new" ? "new" : editing.id}
      name="event"
      noun="transition event"
      record={editing === "new" ? undefined : editing}
      blank={blankEvent(ukToday())}
      formOf={eventForm}
      toSend={(f) => eventToSend(f, districtSlug)}
      messagesOf={eventMessages}
      order={EVENT_ORDER}
      create={(k, sent) => training.recordEvent(k, sent as TransitionEventInput)}
      update={(id, eTag, sent) => training.updateEvent(id, eTag, sent as TransitionEventInput)}
      remove={(id, eTag) => training.deleteEvent(id, eTag)}
      fetch={(id) => training.event(id)}
      describe={(s) => `“${s.title}” on ${formatDate(s.date)}, ${s.settingIds.length} settings on the register`}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(f) => <EventFields f={f} districtSlug={districtSlug} settings={settings} districtName={districtName} />}
    </RecordEditor>
  );
}
