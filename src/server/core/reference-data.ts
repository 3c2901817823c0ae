import type { District } from "../../domain/reference/districts";
import type { Setting } from "../../domain/reference/settings";

/** Districts and settings as the server reads them: from the reference lists once provisioned. */
export interface ReferenceData {
  districts(): Promise<District[]>;
  settings(): Promise<Setting[]>;
}
