import { Badge, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PersonProhibited20Regular } from "@fluentui/react-icons";
import { districtName, useReferenceData } from "../../../shell";
import type { Completeness, Reachability } from "../../api";
import { termLabel } from "../../periods";
import { sharedStyles } from "../../../shell/styles";

const useStyles = makeStyles({
  card: sharedStyles.card,
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  terms: { display: "grid", gap: tokens.spacingVerticalM, gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))" },
  term: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  termTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  reach: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/**
 * Which districts have no return for each term (shown as "Missing", never 0), which were not a
 * district in the term (made by a later split, or retired: owed nothing), and which leads the bot cannot reach.
 */
export function CompletenessPanel({ completeness, reachability, districtsInScope }: {
  completeness: Completeness[];
  reachability: Reachability[];
  districtsInScope: Set<string>;
}) {
  const styles = useStyles();
  const reference = useReferenceData();
  const nameOf = (slug: string) => districtName(reference, slug);
  const unreachable = reachability.filter((r) => !r.reachable && districtsInScope.has(r.districtSlug));
  return (
    <Card className={styles.card} role="region" aria-labelledby="completeness-heading" data-testid="completeness">
      <CardHeader
        header={
          <h2 id="completeness-heading" className={styles.heading}>
            Completeness
          </h2>
        }
        description={<Text size={200}>Districts without a submitted return, term by term.</Text>}
      />
      <div className={styles.terms}>
        {completeness.map((c) => {
          const missing = c.missingDistricts.filter((d) => districtsInScope.has(d));
          const submitted = c.submittedDistricts.filter((d) => districtsInScope.has(d));
          const notExpected = c.notExpectedDistricts.filter((d) => districtsInScope.has(d));
          return (
            <section key={`${c.academicYear}-${c.term}`} className={styles.term} aria-label={`${termLabel(c.term)} ${c.academicYear}`}>
              <h3 className={styles.termTitle}>
                {termLabel(c.term)} · {submitted.length} of {submitted.length + missing.length} submitted
              </h3>
              {missing.length === 0 ? (
                <Text className={styles.ok}>{submitted.length === 0 ? "No district was expected to make a return for this term." : "Every district has submitted."}</Text>
              ) : (
                <ul className={styles.list}>
                  {missing.map((slug) => (
                    <li key={slug} className={styles.item} data-testid="missing-district">
                      <Badge appearance="outline" color="danger">
                        Missing
                      </Badge>
                      {nameOf(slug)}
                    </li>
                  ))}
                </ul>
              )}
              {notExpected.length > 0 ? (
                <Text size={200} data-testid="not-expected-districts">
                  Not a district in this term: {notExpected.map(nameOf).join(", ")}
                </Text>
              ) : null}
            </section>
          );
        })}
      </div>
      <div className={styles.reach}>
        <h3 className={styles.termTitle}>Leads the LIFT Hub bot cannot reach</h3>
        {unreachable.length === 0 ? (
          <Text className={styles.ok}>The bot can send reminders to every district lead.</Text>
        ) : (
          <ul className={styles.list} data-testid="unreachable-leads">
            {unreachable.map((r) => (
              <li key={r.districtSlug} className={styles.item}>
                <PersonProhibited20Regular aria-hidden="true" />
                {r.leadName} ({nameOf(r.districtSlug)}) has not installed the app, so reminders cannot reach them: contact them directly.
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
