import type { Person } from "../schemas/reference/person";

/**
 * Where a signed-in user's role, district and setting come from. The request never says who
 * someone is beyond their token; the server looks them up here on every request.
 * Implementation: the People list in SharePoint (src/server/core/list-people-directory.ts).
 */
export interface PeopleDirectory {
  byOid(oid: string): Promise<Person | undefined>;
  byUpn(upn: string): Promise<Person | undefined>;
  list(): Promise<Person[]>;
  /** Read the people again at the next lookup (after the app changed someone). */
  invalidate?(): void;
}
