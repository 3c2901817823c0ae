import { useMemo, useState } from "react";
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { LoadView, Notice, districtsInOrder, useLoad, useReferenceData, useSession } from "../../shell";
import { referralsApi } from "../api";
import { ReferralList } from "./ReferralList";
import { sharedStyles } from "../../shell/styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "60rem" },
  h2: sharedStyles.h2,
  filter: { maxWidth: "24rem" },
  empty: sharedStyles.empty,
});

/**
 * Commissioners do not see referral details: a note saying so, and a district's referrals as a
 * non-identifying summary (case reference, setting, year group, area of need, meeting, status).
 */
export function CommissionerReferrals({ initialDistrict }: { initialDistrict?: string }) {
  const styles = useStyles();
  const { api } = useSession();
  const rapi = useMemo(() => referralsApi(api), [api]);
  const [district, setDistrict] = useState(initialDistrict ?? "");
  const reference = useReferenceData();
  const { state: list } = useLoad(district || undefined, () => rapi.list({ scope: "district", district }));

  return (
    <section className={styles.root} aria-labelledby="commissioner-referrals-title">
      <h2 id="commissioner-referrals-title" className={styles.h2}>
        LIFT referrals
      </h2>
      <Notice intent="info" layout="multiline" data-testid="commissioner-note" title="Referral details are not shown to commissioners">
        Referrals are about individual children, so only the school or setting that wrote them and the district&apos;s
        LIFT team can read them. You can see a summary without anything that identifies a child: case reference,
        school or setting, year group, area of need, meeting and status.
      </Notice>
      <Field className={styles.filter} label="District">
        <Select value={district} onChange={(_, d) => setDistrict(d.value)}>
          <option value="">Choose a district…</option>
          {districtsInOrder(reference).map((d) => (
            <option key={d.slug} value={d.slug}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      <LoadView state={list} what="the summary" empty={<p className={styles.empty}>No referrals have been submitted yet.</p>}>
        {(items) => <ReferralList items={items} showChild={false} showSetting label="Referral summary" />}
      </LoadView>
    </section>
  );
}
