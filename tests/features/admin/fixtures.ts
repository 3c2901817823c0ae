/** 2027-28 as a commissioner would enter it, and the GOV.UK file's shape for its bank holidays. */
export const TERMS_2027_28 = [
  { term: 1, start: "2027-09-02", end: "2027-10-22" },
  { term: 2, start: "2027-11-01", end: "2027-12-17" },
  { term: 3, start: "2028-01-04", end: "2028-02-11" },
  { term: 4, start: "2028-02-21", end: "2028-03-31" },
  { term: 5, start: "2028-04-18", end: "2028-05-26" },
  { term: 6, start: "2028-06-05", end: "2028-07-21" },
] as const;

export function govUkFile(events: Array<{ title: string; date: string }>) {
  return {
    "england-and-wales": { division: "england-and-wales", events: events.map((e) => ({ ...e, notes: "", bunting: true })) },
    scotland: { division: "scotland", events: [{ title: "St Andrew's Day", date: "2027-11-30", notes: "", bunting: true }] },
  };
}
