/**
 * The pôle drawn as nested circles (d3-hierarchy's pack): the core group inside the
 * steering committee inside the whole pôle, thematic groups with their project groups
 * around; each sized by its membership and a keyboard-focusable link to its page.
 */
import type { HierarchyCircularNode } from "d3-hierarchy";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Circle } from "../../../shared/api/circles";
import type { CircleKind } from "../../../shared/permissions";
import { type Node, packCircles } from "./tree";
import "./strings";

const LABEL_PX = 13;
/** Small circles get smaller type, down to a size that stays legible. */
const MIN_LABEL_PX = 10;
/** An average glyph of the system sans-serif, as a share of the font size. */
const GLYPH = 0.56;

/** The label that fits the circle, at the largest size that fits, shortened if it must be. */
function fitLabel(name: string, room: number): { text: string; size: number } | null {
  for (let size = LABEL_PX; size >= MIN_LABEL_PX; size--) {
    if (name.length * size * GLYPH <= room) return { text: name, size };
  }
  const chars = Math.floor(room / (MIN_LABEL_PX * GLYPH)) - 1;
  return chars >= 4 ? { text: `${name.slice(0, chars).trimEnd()}…`, size: MIN_LABEL_PX } : null;
}

export function CirclesMap({
  poleId,
  poleName,
  circles,
}: {
  poleId: string;
  poleName: string;
  circles: readonly Circle[];
}) {
  const { t } = useTranslation("collective");
  const { t: tc } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState(640);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      if (width > 0) setSize(Math.min(width, 760));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const nodes = useMemo(() => packCircles(poleName, circles, size), [circles, poleName, size]);

  const label = (d: HierarchyCircularNode<Node>) => {
    if (d.data.kind === "pole") return d.data.name;
    const kind = tc(`circleKinds.${d.data.kind as CircleKind}`);
    const count = t("circles.memberCount", { count: d.data.members });
    return kind === d.data.name ? `${d.data.name}, ${count}` : `${d.data.name} — ${kind}, ${count}`;
  };

  return (
    <div ref={box} className="circles-map">
      <svg
        width={size}
        height={size}
        viewBox={`0 0 ${size} ${size}`}
        aria-label={t("circles.mapLabel", { count: circles.length })}
      >
        {nodes.map((d) => {
          const circle = (
            <circle
              cx={d.x}
              cy={d.y}
              r={d.r}
              className={`circles-map__circle circles-map__circle--${d.data.kind}`}
            />
          );
          if (d.data.kind === "pole") {
            return (
              <g key={d.data.id} className="circles-map__pole">
                <title>{label(d)}</title>
                {circle}
              </g>
            );
          }
          return (
            <Link
              key={d.data.id}
              to={`/p/${poleId}/cercles/${d.data.id}`}
              aria-label={label(d)}
              className="circles-map__link"
              data-circle={d.data.id}
            >
              {circle}
            </Link>
          );
        })}
        {/* Drawn names, on top and hidden from assistive technology: each link's name says
            it all (with the kind and count), while a drawn name may be shortened. */}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a group of SVG text, never focusable */}
        <g aria-hidden="true">
          {nodes.map((d) => {
            const hasChildren = (d.children ?? []).some((c) => c.data.kind !== "self");
            const drawn = fitLabel(d.data.name, d.r * (hasChildren ? 1.5 : 1.85));
            if (!drawn) return null;
            // Containers carry their name near the top so their inner circles stay readable.
            const y = hasChildren ? d.y - d.r + drawn.size + 8 : d.y + drawn.size / 3;
            return (
              <text
                key={d.data.id}
                x={d.x}
                y={y}
                className="circles-map__label"
                textAnchor="middle"
                style={{ fontSize: drawn.size }}
              >
                {drawn.text}
              </text>
            );
          })}
        </g>
      </svg>
      <ul className="circles-map__legend" aria-label={t("circles.legend")}>
        {(["core", "steering", "thematic", "project"] as const).map((kind) => (
          <li key={kind}>
            <span
              className={`circles-map__swatch circles-map__circle--${kind}`}
              aria-hidden="true"
            />
            {tc(`circleKinds.${kind}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
