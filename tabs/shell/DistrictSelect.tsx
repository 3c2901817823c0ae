import { Select } from "@fluentui/react-components";
import { districtsByArea } from "./reference-data";
import { useReferenceData } from "./use-reference-data";

export interface DistrictSelectProps {
  /** The chosen district's slug; "" for none yet. */
  value: string;
  onChange: (slug: string) => void;
}

/** The districts grouped by area, for a page's own Field (which labels it). */
export function DistrictSelect({ value, onChange }: DistrictSelectProps) {
  const reference = useReferenceData();
  return (
    <Select value={value} onChange={(_, data) => onChange(data.value)}>
      <option value="">Choose a district</option>
      {districtsByArea(reference).map(({ area, districts }) => (
        <optgroup key={area} label={`${area} Kent`}>
          {districts.map((d) => (
            <option key={d.slug} value={d.slug}>
              {d.name}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}
