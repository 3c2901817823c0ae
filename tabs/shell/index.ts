export { Shell, type ShellProps } from "./Shell";
export { ComingSoon, type ComingSoonProps } from "./ComingSoon";
export { mountPage } from "./mount";
export { useSession, type Session } from "./session";
export { ApiError, createApiClient, errorMessage, type ApiClient, type DownloadedFile, type Me } from "./api";
export { saveFile } from "./save-file";
export { frameLabel, type FrameKind, type HostContext, type TeamsHost, type TeamsThemeName } from "./teams";
export { TAB_VIEWS, currentView, tabConfigFor, type TabConfig, type TabView, type TabViewId } from "./views";
