/**
 * The districts, areas and terms every page picks from. They come from the API (the Districts and
 * Terms lists are the source of truth, and a commissioner may change them without a release), loaded
 * once by the shell; these helpers read them.
 */

export interface DistrictRef {
  slug: string;
  name: string;
  area: string;
}

export interface TermRef {
  academicYear: string;
  term: number;
  /** First and last day (ISO dates, inclusive). */
  start: string;
  end: string;
}

export interface ReferenceData {
  districts: DistrictRef[];
  /** In their usual order, each holding at least one district. */
  areas: string[];
  /** The current and next academic year's terms, in date order. */
  terms: TermRef[];
}

export function districtBySlug(reference: { readonly districts: readonly DistrictRef[] }, slug: string | null | undefined): DistrictRef | undefined {
  return slug ? reference.districts.find((d) => d.slug === slug) : undefined;
}

/** A district's name, or its slug when the lists no longer hold it (an old link). */
export function districtName(reference: { readonly districts: readonly DistrictRef[] }, slug: string): string {
  return districtBySlug(reference, slug)?.name ?? slug;
}

/** The districts grouped by area, areas in order, districts A–Z within each. */
export function districtsByArea(reference: Pick<ReferenceData, "areas" | "districts">): Array<{ area: string; districts: DistrictRef[] }> {
  return reference.areas.map((area) => ({
    area,
    districts: reference.districts.filter((d) => d.area === area).sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

/** The districts in an area ("" for every area). */
export function districtsIn(reference: { readonly districts: readonly DistrictRef[] }, area: string): readonly DistrictRef[] {
  return area ? reference.districts.filter((d) => d.area === area) : reference.districts;
}

/** Every district, area by area: the order the pickers list them in. */
export function districtsInOrder(reference: Pick<ReferenceData, "areas" | "districts">): DistrictRef[] {
  return districtsByArea(reference).flatMap((group) => group.districts);
}
