import { Card, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { signInHref, type DemoUser } from "./auth";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalM },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: "70ch" },
  groups: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))",
    gap: tokens.spacingVerticalL,
  },
  h3: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  upn: { display: "block", color: tokens.colorNeutralForeground2 },
});

function groupByRole(users: DemoUser[]): [string, DemoUser[]][] {
  const groups = new Map<string, DemoUser[]>();
  for (const user of users) {
    const group = groups.get(user.roleLabel);
    if (group) group.push(user);
    else groups.set(user.roleLabel, [user]);
  }
  return [...groups.entries()];
}

/** Local demo mode without `?as=`: links that open this page signed in as each demo user. */
export function SignInPicker({ demoUsers }: { demoUsers: DemoUser[] }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading" className={styles.h2}>
        Choose who to sign in as
      </h2>
      <Text className={styles.intro}>
        This LIFT Hub runs in local demo mode, without Microsoft 365 sign-in. Pick a demo user to see the page as
        they would. You can switch user at any time.
      </Text>
      {demoUsers.length === 0 ? (
        <Text>There are no demo users. Check that the server loaded its reference data.</Text>
      ) : (
        <nav aria-label="Demo users" className={styles.groups}>
          {groupByRole(demoUsers).map(([roleLabel, users]) => (
            <section key={roleLabel} aria-label={roleLabel}>
              <h3 className={styles.h3}>{roleLabel}</h3>
              <ul className={styles.list}>
                {users.map((user) => (
                  <li key={user.upn}>
                    <Link href={signInHref(user.upn)}>{user.displayName}</Link>
                    <Text size={200} className={styles.upn}>
                      {user.upn}
                    </Text>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </nav>
      )}
    </Card>
  );
}
