import type { FormHTMLAttributes, ReactNode } from "react";

export interface FormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "noValidate"> {
  /** Called on submit (Enter or a submit button); the browser's own submission never happens. */
  onSubmit(): void;
  children?: ReactNode;
}

/**
 * A form that checks with our own rules, not the browser's (noValidate: messages come from the shared
 * schemas, shown beside each field and in the ErrorSummary), and never navigates.
 */
export function Form({ onSubmit, children, ...rest }: FormProps) {
  return (
    <form
      noValidate
      {...rest}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
