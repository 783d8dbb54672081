import * as echarts from 'echarts';
import type { Digest } from '../../../shared/api/digest.js';
import { FONT } from '../print/document.js';

// The report's two charts, drawn by ECharts on the server into SVG strings and placed inline in the print page:
// vector, so they print as sharply as the text, and nothing to load (the page's policy allows no fetches).
// Sized in CSS pixels of the 156 mm text block (156 mm = 590 px), so a 14 px label prints at 10.5 pt.
// Drawn in black and greys with the figures written on the bars and points: most offices print in black and white.

const WIDTH = 590;
const TEXT = { fontFamily: FONT.body.replace(/"/g, "'"), fontSize: 14, color: '#000' } as const;

function svgOf(option: echarts.EChartsCoreOption, height: number, id: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: TEXT, ...option });
    // ECharts names its CSS classes and clip-path ids per instance (zr3-cls-0, zr3-c0); in a page they are
    // document-wide, so give each chart its own prefix whatever instance number this process reached.
    return chart.renderToSVGString().replace(/\bzr\d+-/g, `${id}-`);
  } finally {
    chart.dispose(); // an undisposed SSR chart keeps timers that hold the process open
  }
}

/** New incidents by category, most first (categories with none are left off the chart, not off the table). */
export function categoryChart(digest: Digest): string | null {
  const rows = digest.byCategory.filter((c) => c.count > 0);
  if (rows.length === 0) return null;
  const height = Math.max(96, 36 + rows.length * 24);
  return svgOf(
    {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { ...TEXT, fontSize: 12 }, splitLine: { lineStyle: { color: '#ccc' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.label),
        axisLabel: TEXT,
        axisLine: { lineStyle: { color: '#000' } },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.count),
          barMaxWidth: 14,
          itemStyle: { color: '#555' },
          label: { show: true, position: 'right', ...TEXT, formatter: '{c}起' },
        },
      ],
    },
    height,
    'yqc',
  );
}

/** New incidents per week (8 weeks) or per month, this period last. */
export function trendChart(digest: Digest): string {
  return svgOf(
    {
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: digest.trend.map((t) => t.label.replace('–', '\n–')), // a week's range on two lines: eight fit the width
        axisLabel: { ...TEXT, fontSize: 12, interval: 0, lineHeight: 15 },
        axisLine: { lineStyle: { color: '#000' } },
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { ...TEXT, fontSize: 12 }, splitLine: { lineStyle: { color: '#ccc' } } },
      series: [
        {
          type: 'line',
          data: digest.trend.map((t, i) => ({
            value: t.count,
            // This period stands out: a larger, filled point.
            ...(i === digest.trend.length - 1 ? { symbolSize: 10, itemStyle: { color: '#000', borderColor: '#000' } } : {}),
          })),
          symbol: 'circle',
          symbolSize: 7,
          lineStyle: { color: '#000', width: 1.5 },
          itemStyle: { color: '#fff', borderColor: '#000', borderWidth: 1.5 },
          label: { show: true, position: 'top', ...TEXT, fontSize: 13 },
        },
      ],
    },
    200,
    'yqt',
  );
}
