import { Select } from "@fluentui/react-components";
import { districtsByArea } from "./reference-data";
import { useReferenceData } from "./use-reference-data";

export interface DistrictSelectProps {
  /** The chosen district's slug; "" for none yet. */
  value: string;
  onChange: (slug: string) => void;
  /** Offer these districts as a flat list instead of every district grouped by area. */
  districts?: readonly { slug: string; name: string }[];
  /** The first option, standing for no district (value ""); null for no such option. */
  noneLabel?: string | null;
  className?: string;
}

const option = (d: { slug: string; name: string }) => (
  <option key={d.slug} value={d.slug}>
    {d.name}
  </option>
);

/** The districts (by default every one, grouped by area), for a page's own Field (which labels it). */
export function DistrictSelect({ value, onChange, districts, noneLabel = "Choose a district", className }: DistrictSelectProps) {
  const reference = useReferenceData();
  return (
    <Select className={className} value={value} onChange={(_, data) => onChange(data.value)}>
      {noneLabel === null ? null : <option value="">{noneLabel}</option>}
      {districts
        ? districts.map(option)
        : districtsByArea(reference).map(({ area, districts: inArea }) => (
            <optgroup key={area} label={`${area} Kent`}>
              {inArea.map(option)}
            </optgroup>
          ))}
    </Select>
  );
}
