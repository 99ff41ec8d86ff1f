/** A link to hand over by hand: selected at once, with a button that copies it. */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "./kit";

export function CopyableLink({
  link,
  label,
  ...data
}: {
  link: string;
  label: string;
  /** `data-*` attributes that tests find the field by. */
  [attribute: `data-${string}`]: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopyState("copied");
    } catch {
      input.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <>
      <div className="created-link__row">
        <TextField
          inputRef={input}
          label={label}
          value={link}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          className="input input--mono"
          {...data}
        />
        <button type="button" className="button button--secondary" onClick={copy}>
          {t("common.copy")}
        </button>
      </div>
      <p role="status" className="small">
        {copyState === "copied" ? t("common.copied") : null}
        {copyState === "failed" ? t("common.copyFailed") : null}
      </p>
    </>
  );
}
