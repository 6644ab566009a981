// Kept vs missed per week: plain SVG bars with <title>/<desc>, and the same numbers as a table.
import type { WeekBar } from '@/lib/dashboard/types';
import { shortDate } from './format';
import { t } from './strings';

export function WeeklyChart({ weeks, id }: { weeks: WeekBar[]; id: string }) {
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.kept, w.missed)));
  const W = 560;
  const H = 200;
  const pad = { l: 36, r: 8, t: 12, b: 36 };
  const band = (W - pad.l - pad.r) / Math.max(1, weeks.length);
  const bw = Math.min(28, band / 3);
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const ticks = [0, Math.round(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  const label = (w: WeekBar) => `${shortDate(w.from)}–${shortDate(w.to)}`;
  const axisLabel = (w: WeekBar) =>
    w.from === w.to ? String(Number(w.from.slice(8))) : `${Number(w.from.slice(8))}–${Number(w.to.slice(8))}`;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="chart-svg">
        <title id={`${id}-title`}>{t('chart.title')}</title>
        <desc id={`${id}-desc`}>
          {t('chart.desc')}{' '}
          {weeks.map((w) => `${label(w)}: ${t('chart.kept')} ${w.kept}, ${t('chart.missed')} ${w.missed}.`).join(' ')}
        </desc>
        {ticks.map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} class="grid" />
            <text x={pad.l - 6} y={y(v) + 4} text-anchor="end" class="axis">
              {v}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => {
          const x = pad.l + band * i + band / 2;
          return (
            <g key={w.from} aria-hidden="true">
              <rect x={x - bw - 2} y={y(w.kept)} width={bw} height={Math.max(0, y(0) - y(w.kept))} class="bar kept" rx="3" />
              <rect x={x + 2} y={y(w.missed)} width={bw} height={Math.max(0, y(0) - y(w.missed))} class="bar missed" rx="3" />
              <text x={x} y={H - pad.b + 16} text-anchor="middle" class="axis">
                {axisLabel(w)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        <span>
          <i class="swatch kept" aria-hidden="true" /> {t('chart.kept')}
        </span>
        <span>
          <i class="swatch missed" aria-hidden="true" /> {t('chart.missed')}
        </span>
      </figcaption>
      <details class="chart-table">
        <summary>{t('chart.table')}</summary>
        <table class="table compact">
          <caption class="sr-only">{t('chart.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.week')}</th>
              <th scope="col" class="num">
                {t('chart.kept')}
              </th>
              <th scope="col" class="num">
                {t('chart.missed')}
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.from}>
                <th scope="row">{label(w)}</th>
                <td class="num">{w.kept}</td>
                <td class="num">{w.missed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
