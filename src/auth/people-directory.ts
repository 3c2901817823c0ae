import type { Person } from "../schemas/person";

/**
 * Where a signed-in user's role, district and setting come from. The request never says who
 * someone is beyond their token; the server looks them up here on every request.
 * Implementations: in-memory over the reference data (tests, before provisioning) and the People
 * list in SharePoint (issue 3).
 */
export interface PeopleDirectory {
  byOid(oid: string): Promise<Person | undefined>;
  byUpn(upn: string): Promise<Person | undefined>;
  list(): Promise<Person[]>;
}

export class InMemoryPeopleDirectory implements PeopleDirectory {
  private readonly people: Person[];
  constructor(people: readonly Person[]) {
    this.people = [...people];
  }
  async byOid(oid: string) {
    const id = oid.toLowerCase();
    return this.people.find((p) => p.oid.toLowerCase() === id);
  }
  async byUpn(upn: string) {
    const name = upn.trim().toLowerCase();
    return this.people.find((p) => p.upn === name);
  }
  async list() {
    return [...this.people];
  }
}
