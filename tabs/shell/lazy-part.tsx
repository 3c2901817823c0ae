/**
 * A part of a page that is not on screen at first paint (a second view, a form, an editor, a
 * dialog), loaded when first shown: its code, and the zod schemas its checks use, stay out of the
 * JavaScript the page loads before it paints (`npm run bench:tabs`). It waits behind a small spinner.
 *
 *   const CaseView = lazyPart(() => import("./components/CaseView").then((m) => m.CaseView), "the case");
 */
import { lazy, Suspense, type ComponentType, type JSX } from "react";
import { Spinner } from "@fluentui/react-components";

export function lazyPart<P extends JSX.IntrinsicAttributes & object>(load: () => Promise<ComponentType<P>>, what: string): ComponentType<P> {
  // lazy() types its props with refs added; the part takes exactly the props it was given.
  const Part = lazy(() => load().then((component) => ({ default: component }))) as unknown as ComponentType<P>;
  return function WhenLoaded(props: P) {
    return (
      <Suspense fallback={<Spinner size="small" label={`Loading ${what}…`} />}>
        <Part {...props} />
      </Suspense>
    );
  };
}
