import type { ReactNode } from "react";
import { Spinner } from "@fluentui/react-components";
import { LoadFailed } from "./LoadFailed";
import type { Loaded } from "./use-load";

export interface LoadViewProps<T> {
  state: Loaded<T>;
  /** What is loaded, as in "Loading your referrals…" and "Could not load your referrals". */
  what: string;
  /** Instead of "Loading <what>…" (e.g. "Preparing the pack…"). */
  loadingLabel?: string;
  size?: "small" | "medium";
  onRetry?: () => void;
  /** Shown instead of the content when the answer is empty (an empty list unless `isEmpty` says otherwise). */
  empty?: ReactNode;
  isEmpty?: (value: T) => boolean;
  /** What to show once loaded; without it the view shows only the loading and error states and renders the answer itself. */
  children?: (value: T) => ReactNode;
}

const emptyList = (value: unknown) => Array.isArray(value) && value.length === 0;

/** The loading, error and empty states every view shows the same way, around what it shows once loaded. */
export function LoadView<T>({ state, what, loadingLabel, size, onRetry, empty, isEmpty = emptyList, children }: LoadViewProps<T>) {
  if (state.kind === "idle") return null;
  if (state.kind === "loading") return <Spinner size={size} label={loadingLabel ?? `Loading ${what}…`} />;
  if (state.kind === "error") return <LoadFailed title={`Could not load ${what}`} message={state.message} onRetry={onRetry} />;
  if (empty !== undefined && isEmpty(state.value)) return <>{empty}</>;
  return children ? <>{children(state.value)}</> : null;
}
