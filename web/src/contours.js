// Marching squares over a grid of f values the core sampled: returns line
// segments of each level set, for drawing contours. Pure; no calculus here,
// only interpolation between grid samples for display.
//   grid: {nx, ny, values} row-major, values[j*nx + i] = f(x_i, y_j), null = undefined.
// Returns [{level, segments: [[x0, y0, x1, y1], …]}] in grid-index coordinates.
export function contourLevels(grid, count) {
  const finite = grid.values.filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length < 2) return [];
  // Levels at evenly spaced quantiles, so steep functions still get spread-out rings.
  const levels = [];
  for (let k = 1; k <= count; k += 1) {
    const v = finite[Math.floor((k / (count + 1)) * (finite.length - 1))];
    if (!levels.length || v > levels[levels.length - 1]) levels.push(v);
  }
  return levels;
}

export function marchingSquares(grid, levels) {
  const { nx, ny, values } = grid;
  const at = (i, j) => values[j * nx + i];
  const out = [];
  for (const level of levels) {
    const segments = [];
    for (let j = 0; j + 1 < ny; j += 1) {
      for (let i = 0; i + 1 < nx; i += 1) {
        const corners = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
        const v = corners.map(([a, b]) => at(a, b));
        if (v.some((x) => x === null || !Number.isFinite(x))) continue;
        // Crossing points on the four edges of the cell.
        const points = [];
        for (let e = 0; e < 4; e += 1) {
          const a = e;
          const b = (e + 1) % 4;
          const va = v[a] - level;
          const vb = v[b] - level;
          if ((va < 0) !== (vb < 0)) {
            const t = va / (va - vb);
            points.push([
              corners[a][0] + t * (corners[b][0] - corners[a][0]),
              corners[a][1] + t * (corners[b][1] - corners[a][1]),
            ]);
          }
        }
        if (points.length === 2) segments.push([...points[0], ...points[1]]);
        else if (points.length === 4) segments.push([...points[0], ...points[1]], [...points[2], ...points[3]]);
      }
    }
    out.push({ level, segments });
  }
  return out;
}
