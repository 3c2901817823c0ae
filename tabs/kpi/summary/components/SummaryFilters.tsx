import { Checkbox, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { DistrictSelect, districtBySlug, districtsIn, districtsInOrder, useReferenceData } from "../../../shell";
import { TERM_NUMBERS, termLabel } from "../../periods";
import { YearSelect } from "../../YearSelect";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalM },
  select: { minWidth: "11em" },
  terms: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, border: "none", margin: 0, padding: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
});

export interface Filters {
  year: string;
  terms: number[];
  area: string;
  district: string;
}

/** Where a reader's figures are fixed (the SLA's read-only roles): their area or district, not a choice. */
export interface SummaryScope {
  area?: string;
  district?: string;
}

/** Academic year, terms, area and district (those the reader may choose); a change applies at once. */
export function SummaryFilters({ years, value, onChange, scope = {} }: { years: string[]; value: Filters; onChange(next: Filters): void; scope?: SummaryScope }) {
  const styles = useStyles();
  const reference = useReferenceData();
  const districts = districtsIn({ districts: districtsInOrder(reference) }, value.area);
  return (
    <div className={styles.root} role="search" aria-label="Summary filters">
      <YearSelect years={years} value={value.year} onChange={(year) => onChange({ ...value, year })} />
      <fieldset className={styles.terms}>
        <legend className={styles.legend}>Terms</legend>
        {TERM_NUMBERS.map((t) => (
          <Checkbox
            key={t}
            label={termLabel(t)}
            checked={value.terms.includes(t)}
            onChange={(_, d) => {
              const terms = d.checked ? [...value.terms, t].sort() : value.terms.filter((x) => x !== t);
              // At least one term: the summary of no terms is empty.
              if (terms.length > 0) onChange({ ...value, terms });
            }}
          />
        ))}
      </fieldset>
      {scope.area || scope.district ? null : (
      <Field label="Area">
        <Select
          className={styles.select}
          value={value.area}
          onChange={(_, d) => {
            const stillIn = districtBySlug(reference, value.district)?.area === d.value;
            onChange({ ...value, area: d.value, district: d.value && !stillIn ? "" : value.district });
          }}
        >
          <option value="">All areas</option>
          {reference.areas.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </Field>
      )}
      {scope.district ? null : (
        <Field label="District">
          <DistrictSelect
            className={styles.select}
            value={value.district}
            onChange={(district) => onChange({ ...value, district })}
            districts={districts}
            noneLabel="All districts"
          />
        </Field>
      )}
    </div>
  );
}
