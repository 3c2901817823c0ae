import { useState } from "react";
import { Tab, TabList, makeStyles } from "@fluentui/react-components";
import { Settings24Regular } from "@fluentui/react-icons";
import { Notice, Shell, lazyPart, useSession } from "../shell";
import { sharedStyles } from "../shell/styles";
import { CalendarPanel } from "./components/CalendarPanel";

// The calendar is the first view; the people and the structure load when their tab is chosen.
const PeoplePanel = lazyPart(() => import("./components/PeoplePanel").then((m) => m.PeoplePanel), "the people");
const StructurePanel = lazyPart(() => import("./components/StructurePanel").then((m) => m.StructurePanel), "the structure");

const useStyles = makeStyles({ column: sharedStyles.column, intro: sharedStyles.intro });

type View = "calendar" | "people" | "structure";

function AdminBody() {
  const styles = useStyles();
  const { me } = useSession();
  const [view, setView] = useState<View>("calendar");
  if (me.role !== "commissioner" && me.role !== "district_lead") {
    return <Notice intent="info">Administration is for commissioners, and for district leads for their own district.</Notice>;
  }
  return (
    <div className={styles.column}>
      {me.role === "district_lead" ? (
        <p className={styles.intro}>You keep {me.district?.name ?? "your district"}&apos;s part: its INSET and closure days, monitoring meetings, people and LIFT groups.</p>
      ) : null}
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="Administration">
        <Tab value="calendar">Calendar</Tab>
        <Tab value="people">People</Tab>
        <Tab value="structure">Structure</Tab>
      </TabList>
      {view === "calendar" ? <CalendarPanel /> : view === "people" ? <PeoplePanel /> : <StructurePanel />}
    </div>
  );
}

export function AdminPage() {
  return (
    <Shell title="Administration" tagline="The calendar, the people who use LIFT Hub and the service's structure" icon={<Settings24Regular />}>
      <AdminBody />
    </Shell>
  );
}
