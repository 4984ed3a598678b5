import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay, summarize, type Series } from './overview-format';
import type { OverviewDay } from './overview-types';

/** A fixed height: a chart that measured its height from its container would collapse to 0 before layout. */
const CHART_HEIGHT = 200;

/**
 * One series per UTC day as bars. Screen readers get the picture as one summarising sentence (`role="img"`);
 * the figures themselves are in the section's daily table. The chart takes no keyboard focus: inside an
 * image it would be an unreachable control, and the table already gives every value.
 */
export function DailyChart({ series, subject, daily, color }: { series: Series; subject: string; daily: OverviewDay[]; color: string }) {
  return (
    <figure className="overview-chart">
      <figcaption className="overview-chart-title">{series.name}</figcaption>
      <div role="img" aria-label={summarize(series, subject, daily)}>
        <BarChart
          responsive
          accessibilityLayer={false}
          data={daily}
          style={{ width: '100%', height: CHART_HEIGHT }}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid vertical={false} stroke="#e4e7ec" />
          <XAxis dataKey="date" tickFormatter={(date: string) => formatDay(date)} minTickGap={24} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tickFormatter={(value: number) => series.format(value)} width={88} tick={{ fontSize: 12 }} />
          <Tooltip
            labelFormatter={(date) => (typeof date === 'string' ? formatDay(date, 'long') : '')}
            formatter={(value) => [series.format(Number(value)), series.name]}
          />
          <Bar dataKey={series.value} name={series.name} fill={color} isAnimationActive={false} />
        </BarChart>
      </div>
    </figure>
  );
}
