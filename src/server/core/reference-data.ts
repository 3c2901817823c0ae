import type { District } from "../../domain/reference/districts";
import type { Setting } from "../../domain/reference/settings";
import type { LiftGroup } from "../../schemas/reference/lift-group";
import type { Locality } from "../../schemas/reference/locality";
import type { ReportingCalendar } from "../../domain/time/calendar";

/** Districts, settings and the reporting calendar as the server reads them: from the reference lists once provisioned. */
export interface ReferenceData {
  /** Every district, retired ones too (history keeps naming them): check `retiredOn` before taking new work. */
  districts(): Promise<District[]>;
  /** Localities and clusters beneath districts (none where the service has not set them up). */
  localities(): Promise<Locality[]>;
  /** LIFT groups (meeting series) with their cadence. */
  liftGroups(): Promise<LiftGroup[]>;
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
