import type { District } from "../../domain/reference/districts";
import type { Setting } from "../../domain/reference/settings";
import type { ReportingCalendar } from "../../domain/time/calendar";

/** Districts, settings and the reporting calendar as the server reads them: from the reference lists once provisioned. */
export interface ReferenceData {
  districts(): Promise<District[]>;
  settings(): Promise<Setting[]>;
  /**
   * The reporting calendar: terms in date order (with any commissioner-set return due dates), the
   * England and Wales bank holidays, and each district's monitoring meetings (the default proposals:
   * second Tuesday of February, May and September, moved off bank holidays) for every academic year
   * that has terms. The one source of term dates, school days and due dates on the server.
   */
  calendar(): Promise<ReportingCalendar>;
  /** Forget what is cached, so the next read sees a write the app just made (an admin change, a settings import). */
  invalidate?(): void;
}
