/**
 * The training forms' checks: the messages of the shared input schemas (the ones the server parses
 * with) by field path. Apart from forms.ts, whose labels the lists show at first paint, because these
 * need zod: only the editors (loaded when a record is opened) import them.
 */
import { TrainingSessionInput, TransitionEventInput } from "../../src/schemas/training-events/records";
import { messagesOf } from "../shell/form-messages";

export const sessionMessages = (sent: Record<string, unknown>) => messagesOf(TrainingSessionInput, sent);
export const eventMessages = (sent: Record<string, unknown>) => messagesOf(TransitionEventInput, sent);
