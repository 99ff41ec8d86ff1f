/**
 * A bar chart that is its own table of figures: each row names a thing, draws its bar
 * (hidden from assistive technology) and gives its number beside it.
 */
import type { ReactNode } from "react";

export interface BarRow {
  key: string;
  label: ReactNode;
  value: number;
  /** The number as shown, when not the plain value (money, FTE). */
  shown?: string;
}

export function Bars({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: [string, string];
  rows: readonly BarRow[];
}) {
  const max = Math.max(1, ...rows.map((row) => row.value));
  return (
    <table className="bars">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head[0]}</th>
          <th scope="col">{head[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>
              <span className="bars__cell">
                <span
                  className="bars__bar"
                  style={{ width: `${(row.value / max) * 100}%` }}
                  aria-hidden="true"
                />
                <span className="bars__value">{row.shown ?? row.value}</span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A wide table's frame: it scrolls sideways on narrow screens, by keyboard too. */
export function Scroller({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <section
      className="table-scroll"
      aria-labelledby={labelledBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll a wide table
      tabIndex={0}
    >
      {children}
    </section>
  );
}
