import { useCallback, useEffect, useMemo, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwise16Regular } from "@fluentui/react-icons";
import { errorMessage, useSession } from "../../shell";
import { GROUPS, measuresFor } from "../../../src/domain/kpi/catalogue";
import { DISTRICTS } from "../../../src/domain/reference/districts";
import { kpiApi, type KpiReturn, type ReturnListItem } from "../api";
import { formatDateTime } from "../format";
import { academicYearOptions, defaultPeriod, termLabel } from "../periods";
import { ImportPanel } from "./ImportPanel";
import { PeriodPicker } from "./PeriodPicker";
import { ReturnForm } from "./ReturnForm";
import { StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  titleRow: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  due: { color: tokens.colorNeutralForeground2 },
});

type Load = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; value: KpiReturn };

/** Pick the district (commissioners), year and term; load and edit that return; import past returns. */
export function ReturnWorkspace({ districtSlug: fixedDistrict, initialDistrict }: { districtSlug?: string; initialDistrict?: string }) {
  const styles = useStyles();
  const { api, me } = useSession();
  const kpi = useMemo(() => kpiApi(api), [api]);
  const today = useMemo(() => new Date(), []);
  const years = useMemo(() => academicYearOptions(today), [today]);
  const initial = useMemo(() => defaultPeriod(today), [today]);
  const isCommissioner = me.role === "commissioner";
  const [district, setDistrict] = useState(fixedDistrict ?? initialDistrict ?? DISTRICTS[0]!.slug);
  const [year, setYear] = useState(initial.year);
  const [term, setTerm] = useState(initial.term);
  const [items, setItems] = useState<ReturnListItem[]>([]);
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const [reloads, setReloads] = useState(0);

  const measures = useMemo(() => measuresFor(year), [year]);
  const districtName = DISTRICTS.find((d) => d.slug === district)?.name ?? district;

  const refreshList = useCallback(() => {
    kpi.list(year).then(setItems, (error: unknown) => console.warn("LIFT Hub: could not list the returns", error));
  }, [kpi, year]);

  useEffect(refreshList, [refreshList]);

  useEffect(() => {
    let cancelled = false;
    setLoad({ kind: "loading" });
    kpi.get(district, year, term).then(
      (value) => !cancelled && setLoad({ kind: "ready", value }),
      (error: unknown) => !cancelled && setLoad({ kind: "error", message: errorMessage(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [kpi, district, year, term, reloads]);

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
        districts={isCommissioner ? DISTRICTS.map((d) => ({ slug: d.slug, name: d.name })) : undefined}
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
      {load.kind === "loading" ? <Spinner label="Loading the return…" /> : null}
      {load.kind === "error" ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>We couldn&apos;t load the return</MessageBarTitle>
            {load.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button icon={<ArrowClockwise16Regular />} onClick={() => setReloads((n) => n + 1)}>
              Try again
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
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
            setLoad({ kind: "ready", value });
            refreshList();
          }}
          onReload={() => setReloads((n) => n + 1)}
        />
      ) : null}
      {canWrite ? (
        <ImportPanel
          kpi={kpi}
          onImported={() => {
            refreshList();
            setReloads((n) => n + 1);
          }}
        />
      ) : null}
    </div>
  );
}
