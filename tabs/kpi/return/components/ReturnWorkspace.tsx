import { useMemo, useState } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { LoadView, districtName as districtNameOf, districtsInOrder, ukToday, useLoad, useReferenceData, useSession } from "../../../shell";
import { GROUPS, measuresFor } from "../../../../src/domain/kpi/catalogue";
import { kpiApi, type ReturnListItem } from "../../api";
import { formatDateTime } from "../../format";
import { academicYearOptions, defaultPeriod, termLabel } from "../../periods";
import { ImportPanel } from "./ImportPanel";
import { PeriodPicker } from "./PeriodPicker";
import { ReturnForm } from "./ReturnForm";
import { StatusBadge } from "../../components/StatusBadge";
import { sharedStyles } from "../../../shell/styles";

const useStyles = makeStyles({
  root: sharedStyles.column,
  titleRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  h2: sharedStyles.h2,
  due: { color: tokens.colorNeutralForeground2 },
});

/** Pick the district (commissioners), year and term; load and edit that return; import past returns. */
export function ReturnWorkspace({ districtSlug: fixedDistrict, initialDistrict }: { districtSlug?: string; initialDistrict?: string }) {
  const styles = useStyles();
  const { api, me } = useSession();
  const kpi = useMemo(() => kpiApi(api), [api]);
  const reference = useReferenceData();
  const today = useMemo(() => ukToday(), []);
  const years = useMemo(() => academicYearOptions(today), [today]);
  const initial = useMemo(() => defaultPeriod(today, reference.terms), [today, reference.terms]);
  const isCommissioner = me.role === "commissioner";
  // A commissioner opens on the first district in the pickers' order unless the tab names one.
  const [district, setDistrict] = useState(fixedDistrict ?? initialDistrict ?? districtsInOrder(reference)[0]?.slug ?? "");
  const [year, setYear] = useState(initial.year);
  const [term, setTerm] = useState(initial.term);
  const { state: list, reload: refreshList } = useLoad(year, () => kpi.list(year));
  const items: ReturnListItem[] = list.kind === "ready" ? list.value : [];
  const { state: load, reload, set } = useLoad(`${district}|${year}|${term}`, () => kpi.get(district, year, term));

  const measures = useMemo(() => measuresFor(year), [year]);
  const districtName = districtNameOf(reference, district);

  const item = items.find((i) => i.districtSlug === district && i.term === term);
  const canWrite = isCommissioner || (me.role === "district_lead" && me.district?.slug === district);

  return (
    <div className={styles.root}>
      <PeriodPicker
        years={years}
        year={year}
        term={term}
        items={items}
        onYear={setYear}
        onTerm={setTerm}
        district={district}
        districts={isCommissioner ? districtsInOrder(reference) : undefined}
        onDistrict={isCommissioner ? setDistrict : undefined}
      />
      <div className={styles.titleRow}>
        <h2 className={styles.h2}>
          {districtName}: {termLabel(term)} {year} return
        </h2>
        {load.kind === "ready" ? <StatusBadge status={load.value.status} /> : null}
        {load.kind === "ready" && load.value.version > 0 ? <Text>Version {load.value.version}</Text> : null}
        {item?.dueAt ? <Text className={styles.due}>Due {formatDateTime(item.dueAt)}</Text> : null}
      </div>
      <LoadView state={load} what="the return" onRetry={() => void reload()} />
      {load.kind === "ready" ? (
        <ReturnForm
          kpi={kpi}
          measures={measures}
          groups={[...GROUPS]}
          value={load.value}
          districtName={districtName}
          canWrite={canWrite}
          canSendBack={isCommissioner}
          onChanged={(value) => {
            set(value);
            void refreshList();
          }}
        />
      ) : null}
      {canWrite ? (
        <ImportPanel
          kpi={kpi}
          onImported={() => {
            void refreshList();
            void reload();
          }}
        />
      ) : null}
    </div>
  );
}
