/**
 * Lambert 93 (EPSG:2154, RGF93 / Lambert-93) ⇄ WGS84 longitude/latitude.
 *
 * Lambert conformal conic with two standard parallels on the GRS80 ellipsoid (IGN note NT/G 71,
 * algorithms ALG0003/ALG0004/ALG0054). RGF93 and WGS84 agree to a few centimetres, far below
 * what a FINESS position needs, so no datum shift is applied.
 */
const A = 6_378_137; // GRS80 semi-major axis (m)
const F = 1 / 298.257222101; // GRS80 flattening
const E = Math.sqrt(2 * F - F * F); // first eccentricity
const RAD = Math.PI / 180;
const PHI1 = 44 * RAD;
const PHI2 = 49 * RAD;
const PHI0 = 46.5 * RAD;
const LAMBDA0 = 3 * RAD;
const X0 = 700_000;
const Y0 = 6_600_000;

const m = (phi: number) => Math.cos(phi) / Math.sqrt(1 - E * E * Math.sin(phi) ** 2);
const t = (phi: number) => Math.tan(Math.PI / 4 - phi / 2) / ((1 - E * Math.sin(phi)) / (1 + E * Math.sin(phi))) ** (E / 2);

const N = (Math.log(m(PHI1)) - Math.log(m(PHI2))) / (Math.log(t(PHI1)) - Math.log(t(PHI2)));
const AF = (A * m(PHI1)) / (N * t(PHI1) ** N);
const RHO0 = AF * t(PHI0) ** N;

export interface LonLat {
  longitude: number;
  latitude: number;
}

/** Lambert 93 metres → WGS84 degrees. */
export function lambert93ToWgs84(x: number, y: number): LonLat {
  const dx = x - X0;
  const dy = RHO0 - (y - Y0);
  const rho = Math.hypot(dx, dy);
  const tt = (rho / AF) ** (1 / N);
  const lambda = Math.atan2(dx, dy) / N + LAMBDA0;
  let phi = Math.PI / 2 - 2 * Math.atan(tt);
  for (let i = 0; i < 20; i++) {
    const s = E * Math.sin(phi);
    const next = Math.PI / 2 - 2 * Math.atan(tt * ((1 - s) / (1 + s)) ** (E / 2));
    const done = Math.abs(next - phi) < 1e-12;
    phi = next;
    if (done) break;
  }
  return { longitude: lambda / RAD, latitude: phi / RAD };
}

/** WGS84 degrees → Lambert 93 metres (used by tests and to write fixtures). */
export function wgs84ToLambert93(longitude: number, latitude: number): { x: number; y: number } {
  const rho = AF * t(latitude * RAD) ** N;
  const theta = N * (longitude * RAD - LAMBDA0);
  return { x: X0 + rho * Math.sin(theta), y: Y0 + RHO0 - rho * Math.cos(theta) };
}
