import { createContext, useContext } from "react";
import type { ApiClient, Me } from "./api";
import type { TeamsHost, TeamsThemeName } from "./teams";

/** What every page gets once the shell has signed the user in. */
export interface Session {
  me: Me;
  api: ApiClient;
  host: TeamsHost;
  authMode: "local" | "entra";
  themeName: TeamsThemeName;
}

export const SessionContext = createContext<Session | undefined>(undefined);

/** The signed-in session; only for components rendered inside <Shell>. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() must be used inside <Shell> once the user is signed in.");
  return session;
}
