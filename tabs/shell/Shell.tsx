import { useEffect, useMemo, useState, type ReactElement, type ReactNode } from "react";
import { Button, FluentProvider, Link, Persona, Spinner, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowClockwise16Regular, HatGraduation24Filled, PersonSwap16Regular } from "@fluentui/react-icons";
import { coreApi } from "../../src/schemas/core/api";
import { createApiClient, errorMessage, type Me } from "./api";
import { beginSignIn, getAuthConfig, switchUser, type DemoUser } from "./auth";
import { ContextDetails } from "./ContextDetails";
import { Notice } from "./Notice";
import { getReferenceData } from "./reference-api";
import type { ReferenceData } from "./reference-data";
import { SignInPicker } from "./SignInPicker";
import { SessionContext, type Session } from "./session";
import { connectToHost, type TeamsHost } from "./teams";
import { fluentTheme, useThemeName } from "./theme";
import { ReferenceDataContext } from "./use-reference-data";

type ShellState =
  | { kind: "loading" }
  | { kind: "choose-user"; demoUsers: DemoUser[] }
  | { kind: "needs-teams" }
  | { kind: "error"; title: string; message: string; authMode?: "local" | "entra" }
  | { kind: "ready"; me: Me; session: Omit<Session, "themeName">; reference: ReferenceData };

export interface ShellProps {
  /** The page title: the h1 and the document title. */
  title: string;
  /** One line under the title saying what the page is for. */
  tagline?: string;
  icon?: ReactElement;
  /** The page body, rendered once the user is signed in (use useSession() inside). */
  children: ReactNode;
}

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  skipLink: {
    position: "absolute",
    left: "-10000px",
    top: tokens.spacingVerticalS,
    zIndex: 100,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    ":focus": { left: tokens.spacingHorizontalS },
  },
  header: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalM,
    "@media (max-width: 480px)": { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  },
  titleBlock: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, minWidth: 0 },
  appIcon: {
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    flexShrink: 0,
    width: "40px",
    height: "40px",
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: "24px",
  },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  brand: { color: tokens.colorNeutralForeground2 },
  h1: {
    margin: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  tagline: { color: tokens.colorNeutralForeground2 },
  user: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  main: {
    flexGrow: 1,
    width: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    outlineStyle: "none",
    "@media (max-width: 480px)": { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}` },
  },
  compact: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  loading: { paddingTop: tokens.spacingVerticalXXXL },
});

/**
 * The frame every tab page shares: theme, Teams connection, sign-in, header with the page title and
 * the signed-in user, the main landmark and a small context footer. Pages render inside it and read
 * the session with useSession().
 */
export function Shell({ title, tagline, icon, children }: ShellProps) {
  const styles = useStyles();
  const [host, setHost] = useState<TeamsHost>();
  const [state, setState] = useState<ShellState>({ kind: "loading" });
  const themeName = useThemeName(host);
  const theme = fluentTheme(themeName, host?.inTeams ?? false);

  useEffect(() => {
    document.title = `${title} · LIFT Hub`;
  }, [title]);

  useEffect(() => {
    document.documentElement.style.colorScheme = themeName === "dark" ? "dark" : "light";
    // The theme in force, for styles outside Fluent and for tests (Teams' theme changes land here).
    document.documentElement.dataset.theme = themeName;
  }, [themeName]);

  useEffect(() => {
    let cancelled = false;
    const run = async () => {
      const connected = await connectToHost();
      if (cancelled) return;
      setHost(connected);
      let authMode: "local" | "entra" | undefined;
      try {
        const config = await getAuthConfig();
        authMode = config.mode;
        const signIn = await beginSignIn(connected, config);
        if (signIn.kind !== "token") {
          if (!cancelled) setState(signIn);
          return;
        }
        const api = createApiClient(signIn.getToken);
        // The districts, areas and terms come with the user, once per page: every page picks from them.
        const [me, reference] = await Promise.all([api.call(coreApi.me, {}), getReferenceData(api)]);
        if (!cancelled) setState({ kind: "ready", me, session: { me, api, host: connected, authMode: signIn.mode }, reference });
      } catch (error) {
        console.warn("LIFT Hub: sign-in failed", error);
        if (!cancelled) setState({ kind: "error", title: "We couldn't sign you in", message: errorMessage(error), authMode });
      } finally {
        // Tell Teams the page is ready to show, whatever the outcome: our own message explains errors.
        if (!cancelled) connected.notifySuccess();
      }
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, []);

  const session = useMemo<Session | undefined>(
    () => (state.kind === "ready" ? { ...state.session, themeName } : undefined),
    [state, themeName],
  );

  const compact = host?.context.frameContext === "sidePanel";

  return (
    // The layout lives on an inner div: FluentProvider copies its className onto every portal (tooltips,
    // dialogs, popovers), and a full-height, painted portal would cover the page.
    <FluentProvider theme={theme}>
      <div className={styles.root}>
        <a className={styles.skipLink} href="#main">
          Skip to main content
        </a>
        <header className={mergeClasses(styles.header, compact && styles.compact)}>
          <div className={styles.titleBlock}>
            <span className={styles.appIcon} aria-hidden="true">
              {icon ?? <HatGraduation24Filled />}
            </span>
            <div className={styles.titles}>
              <Text size={200} className={styles.brand}>
                LIFT Hub · Specialist Teaching and Learning Service
              </Text>
              <h1 className={styles.h1}>{title}</h1>
              {tagline && !compact ? (
                <Text size={300} className={styles.tagline}>
                  {tagline}
                </Text>
              ) : null}
            </div>
          </div>
          {state.kind === "ready" ? (
            <div className={styles.user}>
              <SignedInUser me={state.me} />
              {state.session.authMode === "local" && !state.session.host.inTeams ? (
                <Button appearance="subtle" size="small" icon={<PersonSwap16Regular />} onClick={switchUser}>
                  Switch user
                </Button>
              ) : null}
            </div>
          ) : null}
        </header>
        <main id="main" tabIndex={-1} className={mergeClasses(styles.main, compact && styles.compact)}>
          {state.kind === "loading" ? (
            <Spinner className={styles.loading} label="Signing you in…" labelPosition="below" />
          ) : null}
          {state.kind === "choose-user" ? <SignInPicker demoUsers={state.demoUsers} /> : null}
          {state.kind === "needs-teams" ? (
            <Notice intent="warning" layout="multiline" title="Open LIFT Hub in Microsoft Teams">
              This page signs you in with your Microsoft 365 account through Teams. Open the LIFT Hub app in Teams to
              use it.
            </Notice>
          ) : null}
          {state.kind === "error" ? (
            <>
              <Notice intent="error" layout="multiline" title={state.title}>
                {state.message}
              </Notice>
              <div className={styles.actions}>
                <Button icon={<ArrowClockwise16Regular />} onClick={() => window.location.reload()}>
                  Try again
                </Button>
                {state.authMode === "local" && !host?.inTeams ? (
                  <Link as="button" onClick={switchUser}>
                    Choose a demo user
                  </Link>
                ) : null}
              </div>
            </>
          ) : null}
          {session && state.kind === "ready" ? (
            <SessionContext.Provider value={session}>
              <ReferenceDataContext.Provider value={state.reference}>{children}</ReferenceDataContext.Provider>
            </SessionContext.Provider>
          ) : null}
        </main>
        {host ? <ContextDetails host={host} /> : null}
      </div>
    </FluentProvider>
  );
}

function SignedInUser({ me }: { me: Me }) {
  const where = me.setting?.name ?? me.district?.name;
  return (
    <Persona
      name={me.displayName}
      secondaryText={me.roleLabel}
      tertiaryText={where}
      avatar={{ color: "colorful" }}
      textAlignment="center"
      size={where ? "large" : "medium"}
      data-testid="signed-in-user"
    />
  );
}
