import { Select } from "@fluentui/react-components";
import { AREAS, DISTRICTS } from "../../src/domain/reference/districts";

export interface DistrictSelectProps {
  /** The chosen district's slug; "" for none yet. */
  value: string;
  onChange: (slug: string) => void;
}

/** The twelve districts grouped by area, for a page's own Field (which labels it). */
export function DistrictSelect({ value, onChange }: DistrictSelectProps) {
  return (
    <Select value={value} onChange={(_, data) => onChange(data.value)}>
      <option value="">Choose a district</option>
      {AREAS.map((area) => (
        <optgroup key={area} label={`${area} Kent`}>
          {DISTRICTS.filter((d) => d.area === area).map((d) => (
            <option key={d.slug} value={d.slug}>
              {d.name}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}
