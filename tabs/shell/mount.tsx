import { StrictMode, type ReactElement } from "react";
import { createRoot } from "react-dom/client";

/** Render a tab page into its index.html's #root element. */
export function mountPage(page: ReactElement): void {
  const element = document.getElementById("root");
  if (!element) throw new Error("The page has no #root element.");
  createRoot(element).render(<StrictMode>{page}</StrictMode>);
}
