import { Field, Select, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({ select: { minWidth: "10em" } });

/** The academic year a KPI view shows, newest first. */
export function YearSelect({ years, value, onChange }: { years: readonly string[]; value: string; onChange(year: string): void }) {
  const styles = useStyles();
  return (
    <Field label="Academic year">
      <Select className={styles.select} value={value} onChange={(_, data) => onChange(data.value)}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </Select>
    </Field>
  );
}
