/**
 * A plain projection for the map of declarations, with no tile server: longitude scaled by the
 * cosine of the mean latitude (equirectangular), fitted into the drawing with a margin. Enough at
 * a region's scale, where the distortion is a few per cent.
 */
export interface Point {
  latitude: number;
  longitude: number;
}

export interface Frame {
  width: number;
  height: number;
  project: (p: Point) => { x: number; y: number };
}

export function frameOf(points: readonly Point[], width: number, margin = 24): Frame | null {
  if (points.length === 0) return null;
  const lats = points.map((p) => p.latitude);
  const lons = points.map((p) => p.longitude);
  const [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * k, 0.01);
  const spanY = Math.max(north - south, 0.01);
  const scale = (width - 2 * margin) / spanX;
  const height = Math.round(spanY * scale + 2 * margin);
  return { width, height, project: (p) => ({ x: margin + (p.longitude - west) * k * scale, y: margin + (north - p.latitude) * scale }) };
}

/** Where to write each département's name: the mean position of its points. */
export function centres<T extends Point & { group: string; label: string }>(points: readonly T[]): Array<Point & { group: string; label: string }> {
  const sums = new Map<string, { lat: number; lon: number; n: number; label: string }>();
  for (const p of points) {
    const s = sums.get(p.group) ?? { lat: 0, lon: 0, n: 0, label: p.label };
    sums.set(p.group, { lat: s.lat + p.latitude, lon: s.lon + p.longitude, n: s.n + 1, label: s.label });
  }
  return [...sums.entries()].map(([group, s]) => ({ group, label: s.label, latitude: s.lat / s.n, longitude: s.lon / s.n }));
}
