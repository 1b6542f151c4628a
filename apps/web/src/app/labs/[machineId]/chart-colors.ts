// Line colours of the lab charts, distinguishable in order (Tailwind 600 shades; SVG
// cannot take classes), and the reference-line colour shared with the progress charts.
export const LINE_COLORS = ["#2563eb", "#059669", "#d97706", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#475569", "#ea580c"];

export const lineColor = (index: number) => LINE_COLORS[index % LINE_COLORS.length]!;
