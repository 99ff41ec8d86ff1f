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
  return (
    <div className="radar" aria-hidden="true">
      <ResponsiveContainer width="100%" height={340}>
        <RadarChart data={points} outerRadius="70%" accessibilityLayer={false}>
          <PolarGrid />
          <PolarAngleAxis dataKey="axis" tick={{ fontSize: 11 }} />
          <PolarRadiusAxis domain={[0, 6]} tickCount={4} />
          {beforeLabel ? (
            <Radar
              name={beforeLabel}
              dataKey="before"
              stroke="#8a877d"
              fill="#8a877d"
              fillOpacity={0.2}
              isAnimationActive={false}
            />
          ) : null}
          <Radar
            name={nowLabel}
            dataKey="now"
            stroke="#0f5f5c"
            fill="#0f5f5c"
            fillOpacity={0.35}
            isAnimationActive={false}
          />
          <Legend />
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}
