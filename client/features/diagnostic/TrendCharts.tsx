/** Small line charts of the trends that have values for several years (recharts). */
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Trend } from "../../../shared/diagnostic/fields";
import "./strings";

interface Series {
  key: string;
  title: string;
  unit: string;
  points: Array<{ year: number; value: number }>;
}

/** One series per indicator, unit and scale; the latest value of a year wins. */
export function trendSeries(trends: readonly Trend[]): Series[] {
  const series = new Map<string, Series>();
  for (const trend of trends) {
    if (trend.value === null || trend.year === null || trend.title.trim() === "") continue;
    const key = [trend.title.trim().toLocaleLowerCase(), trend.unit.trim(), trend.scale ?? ""].join(
      "\u0000",
    );
    const entry = series.get(key) ?? {
      key,
      title: trend.title.trim(),
      unit: trend.unit,
      points: [],
    };
    entry.points = entry.points.filter((point) => point.year !== trend.year);
    entry.points.push({ year: trend.year, value: trend.value });
    series.set(key, entry);
  }
  return [...series.values()]
    .filter((entry) => entry.points.length >= 2)
    .map((entry) => ({ ...entry, points: entry.points.sort((a, b) => a.year - b.year) }));
}

export function TrendCharts({ trends }: { trends: readonly Trend[] }) {
  const { t, i18n } = useTranslation("diagnostic");
  const series = useMemo(() => trendSeries(trends), [trends]);
  const format = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "fr-FR", {
    maximumFractionDigits: 2,
  });
  if (series.length === 0) return <p className="small muted">{t("trends.noCharts")}</p>;
  return (
    <section className="trend-charts" aria-labelledby="trend-charts-title">
      <h4 id="trend-charts-title">{t("trends.charts")}</h4>
      <ul className="trend-charts__list">
        {series.map((entry) => {
          const points = entry.points
            .map((point) => `${point.year} : ${format.format(point.value)} ${entry.unit}`.trim())
            .join(" ; ");
          return (
            <li key={entry.key} className="trend-chart">
              <figure>
                <figcaption className="trend-chart__title">
                  {entry.title}
                  {entry.unit ? <span className="muted"> ({entry.unit})</span> : null}
                </figcaption>
                <div role="img" aria-label={t("trends.chartLabel", { title: entry.title, points })}>
                  <ResponsiveContainer width="100%" height={120}>
                    <LineChart
                      data={entry.points}
                      margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
                    >
                      <XAxis dataKey="year" tick={{ fontSize: 12 }} />
                      <YAxis
                        width={48}
                        tick={{ fontSize: 12 }}
                        domain={["auto", "auto"]}
                        tickFormatter={(value: number) => format.format(value)}
                      />
                      <Tooltip formatter={(value) => format.format(Number(value))} />
                      <Line
                        type="monotone"
                        dataKey="value"
                        stroke="#0f5f5c"
                        strokeWidth={2}
                        dot={{ r: 3 }}
                        isAnimationActive={false}
                      />
                    </LineChart>
                  </ResponsiveContainer>
                </div>
              </figure>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
