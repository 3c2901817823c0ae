import { Field, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { DistrictSelect } from "../../../shell";
import type { ReturnListItem } from "../../api";
import { STATUS_LABELS } from "../../format";
import { TERM_NUMBERS, termLabel } from "../../periods";
import { YearSelect } from "../../YearSelect";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalM },
  select: { minWidth: "10em" },
  tabs: { flexWrap: "wrap" },
  tabStatus: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
});

export interface PeriodPickerProps {
  years: string[];
  year: string;
  term: number;
  /** The district's returns for the year (status per term). */
  items: ReturnListItem[];
  onYear(year: string): void;
  onTerm(term: number): void;
  districts?: { slug: string; name: string }[];
  district?: string;
  onDistrict?(slug: string): void;
}

/** District (commissioners), academic year and term, with each term's status in its tab. */
export function PeriodPicker({ years, year, term, items, onYear, onTerm, districts, district, onDistrict }: PeriodPickerProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {districts && onDistrict ? (
        <Field label="District">
          <DistrictSelect className={styles.select} value={district ?? ""} onChange={onDistrict} districts={districts} noneLabel={null} />
        </Field>
      ) : null}
      <YearSelect years={years} value={year} onChange={onYear} />
      <TabList
        aria-label="Term"
        className={styles.tabs}
        selectedValue={String(term)}
        onTabSelect={(_, data) => onTerm(Number(data.value))}
      >
        {TERM_NUMBERS.map((t) => {
          const item = items.find((i) => i.term === t && (!district || i.districtSlug === district));
          return (
            <Tab key={t} value={String(t)}>
              {termLabel(t)}
              {item ? <span className={styles.tabStatus}> · {STATUS_LABELS[item.status]}</span> : null}
            </Tab>
          );
        })}
      </TabList>
    </div>
  );
}
