import { useCallback, useEffect, useState } from "react";
import { Tab, TabList, makeStyles } from "@fluentui/react-components";
import { Briefcase24Regular } from "@fluentui/react-icons";
import { Notice, Shell, lazyPart, useSession } from "../shell";
import { sharedStyles } from "../shell/styles";
import { Caseload } from "./components/Caseload";
import { OutcomesWithoutCase } from "./components/OutcomesWithoutCase";

// The caseload is the first paint; a case, the clinic log and the form to open a case (their forms
// and the schemas they check with) load when first shown.
const CaseView = lazyPart(() => import("./components/CaseView").then((m) => m.CaseView), "the case");
const ClinicLog = lazyPart(() => import("./components/ClinicLog").then((m) => m.ClinicLog), "the clinic log");
const OpenCaseForm = lazyPart(() => import("./components/OpenCaseForm").then((m) => m.OpenCaseForm), "the form");

const useStyles = makeStyles({ column: sharedStyles.column });

/** The people who work cases or follow their setting's (access: src/domain/casework/access.ts). */
const CASEWORK_ROLES = new Set(["specialist_teacher", "district_lead", "senco"]);

/** The case in the page address (`?case=<id>`, as the review reminder card links). */
function caseInAddress(): string | undefined {
  return new URLSearchParams(window.location.search).get("case") ?? undefined;
}

/** Opening a case puts it in the address (so Back works and the link can be shared); the other parameters stay. */
function useCaseAddress(): [string | undefined, (id: string | undefined) => void] {
  const [caseId, setCaseId] = useState(caseInAddress);
  useEffect(() => {
    const follow = () => setCaseId(caseInAddress());
    window.addEventListener("popstate", follow);
    return () => window.removeEventListener("popstate", follow);
  }, []);
  const go = useCallback((id: string | undefined) => {
    const params = new URLSearchParams(window.location.search);
    if (id) params.set("case", id);
    else params.delete("case");
    window.history.pushState(null, "", `${window.location.pathname}?${params.toString()}`);
    setCaseId(id);
    window.scrollTo(0, 0);
  }, []);
  return [caseId, go];
}

type View = "caseload" | "reviews" | "clinics" | "open";

function CaseworkBody() {
  const styles = useStyles();
  const { me } = useSession();
  const [caseId, open] = useCaseAddress();
  const [view, setView] = useState<View>("caseload");
  if (me.role === "commissioner") {
    return (
      <Notice intent="info" title="Casework figures are in the KPI summary">
        Commissioners see casework as anonymised figures only: caseload, actively supported, reviews and closures per district, in the KPI summary and each district&apos;s return.
      </Notice>
    );
  }
  if (!CASEWORK_ROLES.has(me.role)) {
    return <Notice intent="info">Casework is for specialist teachers, district leads and SENCos.</Notice>;
  }
  if (caseId) return <CaseView id={caseId} onBack={() => open(undefined)} />;
  const staff = me.role !== "senco";
  // County teams keep no clinic log (clinics are the district STLS's).
  const clinics = staff && !me.countyTeam;
  return (
    <div className={styles.column}>
      {me.role === "specialist_teacher" ? <OutcomesWithoutCase onOpened={open} /> : null}
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="Casework views">
        <Tab value="caseload">Caseload</Tab>
        <Tab value="reviews">Reviews due</Tab>
        {clinics ? <Tab value="clinics">Clinic log</Tab> : null}
        {staff ? <Tab value="open">Open a case</Tab> : null}
      </TabList>
      {view === "caseload" ? <Caseload title={me.role === "senco" ? "Your setting's cases" : "Caseload"} onOpen={open} /> : null}
      {view === "reviews" ? <Caseload title="Reviews due and overdue" fixed={{ reviews: "due" }} onOpen={open} /> : null}
      {view === "clinics" && clinics ? <ClinicLog /> : null}
      {view === "open" && staff ? <OpenCaseForm onOpened={open} /> : null}
    </div>
  );
}

export function CaseworkPage() {
  return (
    <Shell title="Casework" tagline="Caseload, targets, reviews, visits and clinics after LIFT" icon={<Briefcase24Regular />}>
      <CaseworkBody />
    </Shell>
  );
}
