import { colorFor, initials } from "../lib/color";

/** A face for people without photos: their initials on their colour. */
export function Avatar({
  id,
  name,
  size = "medium",
}: {
  id: string;
  name: string;
  size?: "medium" | "large";
}) {
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ background: colorFor(id) }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
