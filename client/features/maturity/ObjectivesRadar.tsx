/**
 * The radar of the nine objectives (where the pôle stands, 1–6), this campaign over the
 * previous one. Loaded on demand: recharts is heavy. The figures are in the table beside it.
 */
import {
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
} from "recharts";

export interface RadarPoint {
  axis: string;
  now: number | null;
  before: number | null;
}

export default function ObjectivesRadar({
  points,
  nowLabel,
  beforeLabel,
}: {
  points: RadarPoint[];
  nowLabel: string;
  beforeLabel: string | null;
}) {
  // The previous campaign first, under this one.
  const series = [
    ...(beforeLabel ? [{ key: "before", name: beforeLabel, color: "#8a877d", opacity: 0.2 }] : []),
    { key: "now", name: nowLabel, color: "#0f5f5c", opacity: 0.35 },
  ];
  return (
    <div className="radar" aria-hidden="true">
      <ResponsiveContainer width="100%" height={340}>
        <RadarChart data={points} outerRadius="70%" accessibilityLayer={false}>
          <PolarGrid />
          <PolarAngleAxis dataKey="axis" tick={{ fontSize: 11 }} />
          <PolarRadiusAxis domain={[0, 6]} tickCount={4} />
          {series.map((line) => (
            <Radar
              key={line.key}
              name={line.name}
              dataKey={line.key}
              stroke={line.color}
              fill={line.color}
              fillOpacity={line.opacity}
              isAnimationActive={false}
            />
          ))}
          <Legend />
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}
