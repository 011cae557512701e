// Bar charts drawn as plain SVG, with the numbers beside the bars and a table for screen readers.

export interface Segment {
  key: string;
  label: string;
  value: number;
  className: string;
}

export interface StackedRow {
  key: string;
  label: string;
  segments: Segment[];
}

/** One horizontal bar per row, split into segments, on a shared scale; the figures beside it. */
export function StackedBars({ rows, legend, caption }: { rows: StackedRow[]; legend: Array<{ label: string; className: string }>; caption: string }) {
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0)));
  return (
    <figure className="chart stacked">
      <figcaption className="sr-only">{caption}</figcaption>
      <Legend items={legend} />
      <ul className="bar-rows">
        {rows.map((row) => {
          let x = 0;
          const total = row.segments.reduce((s, seg) => s + seg.value, 0);
          return (
            <li key={row.key} className="bar-row" data-key={row.key}>
              <span className="bar-label">{row.label}</span>
              <svg className="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect x="0" y="0" width="100" height="10" className="bar-track" />
                {row.segments.map((seg) => {
                  const w = (seg.value / max) * 100;
                  const rect = <rect key={seg.key} x={x} y="0" width={w} height="10" className={seg.className} />;
                  x += w;
                  return rect;
                })}
              </svg>
              <span className="bar-figures">
                {row.segments.map((seg) => (
                  <span key={seg.key} className={`figure ${seg.className}`}>
                    <span className="swatch" aria-hidden="true" />
                    <span className="sr-only">{seg.label}: </span>
                    {seg.value}
                  </span>
                ))}
                <span className="figure total" aria-hidden="true">
                  = {total}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

export function Legend({ items }: { items: Array<{ label: string; className: string }> }) {
  return (
    <ul className="legend">
      {items.map((i) => (
        <li key={i.className}>
          <span className={`swatch ${i.className}`} aria-hidden="true" />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

export interface Series {
  key: string;
  label: string;
  className: string;
}

/** Grouped vertical bars: one group per category (month), one bar per series, value on top. */
export function GroupedBars({
  categories,
  series,
  values,
  caption,
}: {
  categories: Array<{ key: string; label: string }>;
  series: Series[];
  values: (category: string, series: string) => number;
  caption: string;
}) {
  const groupWidth = series.length * 14 + 12;
  const height = 160;
  const top = 18;
  const bottom = 22;
  const width = Math.max(1, categories.length) * groupWidth + 8;
  const max = Math.max(1, ...categories.flatMap((c) => series.map((s) => values(c.key, s.key))));
  const scale = (v: number) => (v / max) * (height - top - bottom);
  return (
    <figure className="chart grouped">
      <Legend items={series} />
      <svg viewBox={`0 0 ${width} ${height}`} className="grouped-svg" role="img" aria-label={caption}>
        <title>{caption}</title>
        <line x1="4" x2={width - 4} y1={height - bottom} y2={height - bottom} className="axis" />
        {categories.map((c, ci) => (
          <g key={c.key} transform={`translate(${8 + ci * groupWidth},0)`}>
            {series.map((s, si) => {
              const v = values(c.key, s.key);
              const h = scale(v);
              const x = si * 14;
              return (
                <g key={s.key}>
                  <rect x={x} y={height - bottom - h} width="12" height={h} className={s.className}>
                    <title>{`${c.label} — ${s.label}: ${v}`}</title>
                  </rect>
                  <text x={x + 6} y={height - bottom - h - 3} textAnchor="middle" className="bar-value">
                    {v}
                  </text>
                </g>
              );
            })}
            <text x={(series.length * 14) / 2} y={height - 6} textAnchor="middle" className="bar-category">
              {c.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
