export { Shell, type ShellProps } from "./Shell";
export { ComingSoon, type ComingSoonProps } from "./ComingSoon";
export { mountPage } from "./mount";
export { useSession, type Session } from "./session";
export { ApiError, createApiClient, errorMessage, type ApiClient, type DownloadedFile, type Me } from "./api";
export { saveFile } from "./save-file";
export { frameLabel, type FrameKind, type HostContext, type TeamsHost, type TeamsThemeName } from "./teams";
export { TAB_VIEWS, currentView, tabConfigFor, type TabConfig, type TabView, type TabViewId } from "./views";
export { useCurrentView } from "./use-current-view";
export { useReferenceData } from "./use-reference-data";
export {
  districtBySlug,
  districtName,
  districtsByArea,
  districtsIn,
  districtsInOrder,
  type DistrictRef,
  type ReferenceData,
  type TermRef,
} from "./reference-data";
export { useLoad, type LoadHandle, type Loaded } from "./use-load";
export { LoadView, type LoadViewProps } from "./LoadView";
export { lazyPart } from "./lazy-part";
export { ActionBar } from "./ActionBar";
export { DistrictSelect, type DistrictSelectProps } from "./DistrictSelect";
export { ErrorSummary, focusField, type ErrorSummaryProps, type SummaryEntry } from "./ErrorSummary";
export { fieldId, formatDate, formatDateTime, formatTime, newKey, ukToday } from "./format";
export { getAt, setAt } from "./paths";
export { LoadFailed } from "./LoadFailed";
export { useEditableRecord, type Banner, type EditableRecord, type EditableRecordOptions } from "./use-editable-record";
export { reapplyEdits, sameValue } from "./reapply";
export { currentFromDetail } from "./current-from-detail";
export { Notice, BannerNotice, type NoticeProps } from "./Notice";
export { StaleNotice, type StaleNoticeProps } from "./StaleNotice";
export { Form, type FormProps } from "./Form";
export { FactList, type FactListProps } from "./FactList";
export { DataTable, type DataTableProps, type DataTableRow } from "./DataTable";
export { fieldPropsFor, messagesOf, summaryOf, unwrapFieldErrors, type Messages } from "./form-messages";
