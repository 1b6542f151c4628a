// A machine's last minute in 120×28 pixels: CPU busy (emerald) and the highest of the PSI
// "some" averages (amber), both 0-100 %. A plain SVG: sixty of these must stay cheap.
import type { TThumbnailPoint } from "./machine-thumbnails";
import { THUMBNAIL_POINTS } from "./machine-thumbnails";

const WIDTH = 120;
const HEIGHT = 28;

const worstPressure = (point: TThumbnailPoint) => {
  const values = [point.psiCpuPct, point.psiMemoryPct, point.psiIoPct].filter((value): value is number => value !== null);
  return values.length > 0 ? Math.max(...values) : null;
};

function polyline(points: readonly TThumbnailPoint[], value: (point: TThumbnailPoint) => number | null): string {
  const step = WIDTH / (THUMBNAIL_POINTS - 1);
  const offset = THUMBNAIL_POINTS - points.length; // newest at the right edge
  return points
    .map((point, index) => {
      const y = value(point);
      return y === null ? null : `${((offset + index) * step).toFixed(1)},${(HEIGHT - (y / 100) * (HEIGHT - 2) - 1).toFixed(1)}`;
    })
    .filter(Boolean)
    .join(" ");
}

const percent = (value: number | null) => (value === null ? "n/a" : `${Math.round(value)} %`);

export function MachineThumbnail({ points }: { points: readonly TThumbnailPoint[] | undefined }) {
  const latest = points?.at(-1);
  if (!points || !latest) return <span className="text-xs text-slate-400">waiting for samples</span>;
  const pressure = worstPressure(latest);
  const label = `CPU busy ${percent(latest.cpuBusyPct)}, PSI cpu ${percent(latest.psiCpuPct)}, memory ${percent(latest.psiMemoryPct)}, io ${percent(latest.psiIoPct)}`;
  return (
    <span className="inline-flex items-center gap-2" title={label} data-testid="machine-thumbnail" data-cpu-busy={latest.cpuBusyPct ?? ""}>
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="rounded bg-slate-50">
        <polyline points={polyline(points, (point) => point.cpuBusyPct)} fill="none" stroke="#059669" strokeWidth="1.5" />
        <polyline points={polyline(points, worstPressure)} fill="none" stroke="#d97706" strokeWidth="1.5" />
      </svg>
      <span className="text-xs tabular-nums text-slate-600">
        <span className="text-emerald-700">{percent(latest.cpuBusyPct)}</span> · <span className="text-amber-700">PSI {percent(pressure)}</span>
      </span>
    </span>
  );
}
