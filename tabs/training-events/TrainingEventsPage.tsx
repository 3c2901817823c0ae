import { useMemo, useState } from "react";
import { Field, Select, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { HatGraduation24Regular } from "@fluentui/react-icons";
import { DistrictSelect, LoadView, Notice, Shell, districtName, formatDate, ukToday, useCurrentView, useLoad, useReferenceData, useSession } from "../shell";
import { sharedStyles } from "../shell/styles";
import { useTrainingApi } from "./api";
import { AutismTargetPanel } from "./components/AutismTargetPanel";
import { EventsPanel } from "./components/EventsPanel";
import { SessionsPanel } from "./components/SessionsPanel";
import { termKey, termsToOffer } from "./forms";

const useStyles = makeStyles({
  column: sharedStyles.column,
  intro: sharedStyles.intro,
  pickers: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
});

/** Who uses the page (access: src/domain/training-events/access.ts); the server checks every request. */
const TRAINING_ROLES = new Set(["specialist_teacher", "district_lead", "commissioner"]);

type View = "sessions" | "events" | "aet";

function TrainingBody() {
  const styles = useStyles();
  const { me } = useSession();
  const reference = useReferenceData();
  const training = useTrainingApi();
  const address = useCurrentView();
  const reader = me.role === "commissioner";
  const [district, setDistrict] = useState(reader ? (address.district?.slug ?? "") : (me.district?.slug ?? ""));
  const { terms, current } = useMemo(() => termsToOffer(reference.terms, ukToday()), [reference.terms]);
  const [termId, setTermId] = useState(current ? termKey(current) : "");
  const [view, setView] = useState<View>("sessions");
  const settings = useLoad(district && !reader ? `settings:${district}` : undefined, () => training.settings(district));

  if (!TRAINING_ROLES.has(me.role)) {
    return <Notice intent="info">Training and transition records are kept by each district&apos;s STLS (lead and specialist teachers) and read by commissioners.</Notice>;
  }
  const term = terms.find((t) => termKey(t) === termId);
  const termLabel = term ? `term ${term.term} ${term.academicYear}` : "";
  const nameOf = (slug: string) => districtName(reference, slug);

  return (
    <div className={styles.column}>
      <p className={styles.intro}>
        Training courses and transition events{reader ? "" : " your district has run"}, the schools and settings that attended, and the evaluation returns. The district&apos;s KPI return is
        prefilled from them (KPIs 3.1 to 4.2 and the training and transition figures).
      </p>
      <div className={styles.pickers}>
        {reader ? (
          <Field label="District">
            <DistrictSelect value={district} onChange={setDistrict} />
          </Field>
        ) : null}
        <Field label={{ children: "Term", htmlFor: "training-term" }}>
          <Select id="training-term" value={termId} onChange={(_, d) => setTermId(d.value)}>
            {terms.map((t) => (
              <option key={termKey(t)} value={termKey(t)}>
                Term {t.term} {t.academicYear} ({formatDate(t.start)} to {formatDate(t.end)})
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {!district ? (
        <Notice intent="info">Choose a district to see its training and transition records.</Notice>
      ) : !term ? (
        <Notice intent="warning">No term is set up in the calendar yet.</Notice>
      ) : (
        <>
          <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="Training and transition views">
            <Tab value="sessions">Training sessions</Tab>
            <Tab value="events">Transition events</Tab>
            <Tab value="aet">Autism education target</Tab>
          </TabList>
          {view === "aet" ? (
            <AutismTargetPanel districtSlug={district} academicYear={term.academicYear} />
          ) : reader ? (
            view === "sessions" ? (
              <SessionsPanel districtSlug={district} term={term} termLabel={termLabel} canWrite={false} settings={[]} districtName={nameOf} />
            ) : (
              <EventsPanel districtSlug={district} term={term} termLabel={termLabel} canWrite={false} settings={[]} districtName={nameOf} />
            )
          ) : (
            <LoadView state={settings.state} what="the settings register">
              {(list) =>
                view === "sessions" ? (
                  <SessionsPanel districtSlug={district} term={term} termLabel={termLabel} canWrite settings={list} districtName={nameOf} />
                ) : (
                  <EventsPanel districtSlug={district} term={term} termLabel={termLabel} canWrite settings={list} districtName={nameOf} />
                )
              }
            </LoadView>
          )}
        </>
      )}
    </div>
  );
}

export function TrainingEventsPage() {
  return (
    <Shell title="Training and transition" tagline="Training sessions, transition events and the autism education target" icon={<HatGraduation24Regular />}>
      <TrainingBody />
    </Shell>
  );
}
