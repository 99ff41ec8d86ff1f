/** The frame of the account pages: their heading, then their form, or what came of it. */
import { type FormEvent, type ReactNode, type RefObject, useId } from "react";
import { FormError } from "../../ui/kit";

export function AccountFormPage({
  title,
  intro,
  error,
  formRef,
  onSubmit,
  done,
  after,
  children,
}: {
  title: string;
  intro: string;
  error: string | null;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit(event: FormEvent): void;
  /** Shown instead of the form once it went through. */
  done?: ReactNode;
  /** Below the form (or its outcome): a way on. */
  after?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <div className="page page--narrow">
      <h1 id={titleId}>{title}</h1>
      {done ?? (
        <form
          ref={formRef}
          className="card form"
          onSubmit={onSubmit}
          noValidate
          aria-labelledby={titleId}
        >
          <p className="muted">{intro}</p>
          <FormError error={error} />
          {children}
        </form>
      )}
      {after}
    </div>
  );
}
