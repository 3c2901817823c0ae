/** The training-events feature's lists: training sessions and transition events. Neither holds anything about a child. */
import { defineList } from "../../../graph/list-definition";
import { TrainingSessionItem, TransitionEventItem } from "../../../schemas/training-events/records";

export const TrainingSessionsList = defineList({
  title: "TrainingSessions",
  description: "Training sessions delivered by each district's STLS: course, audience, settings that attended and evaluation answer counts.",
  schema: TrainingSessionItem,
  itemTitle: (s) => `${s.districtSlug} ${s.date} ${s.title}`.slice(0, 255),
  indexed: ["districtSlug", "date"],
  columns: { districtSlug: { kind: "text", maxLength: 60 }, title: { name: "CourseTitle" } },
});

export const TransitionEventsList = defineList({
  title: "TransitionEvents",
  description: "Transition events facilitated by each district's STLS: attendance register of settings and feedback answer counts.",
  schema: TransitionEventItem,
  itemTitle: (e) => `${e.districtSlug} ${e.date} ${e.title}`.slice(0, 255),
  indexed: ["districtSlug", "date"],
  columns: { districtSlug: { kind: "text", maxLength: 60 }, title: { name: "EventTitle" } },
});

export const TRAINING_EVENTS_LISTS = [TrainingSessionsList, TransitionEventsList] as const;
