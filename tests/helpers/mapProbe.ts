import type { Page } from 'playwright-core';

/**
 * Wait until the map has drawn its first frame with data layers (fails at once, with the reason the
 * page gives the visitor and the console's warning, on the static map).
 */
export async function waitForMap(page: Page, timeout = 45_000): Promise<void> {
  const warnings: string[] = [];
  const onConsole = (m: { type: () => string; text: () => string }) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  };
  page.on('console', onConsole);
  try {
    // the map loads when it comes near the viewport
    await page.locator('#map').scrollIntoViewIfNeeded();
    await page.waitForSelector('#map[data-map-state="ready"], #map[data-map-state="static"]', { timeout });
    if ((await page.getAttribute('#map', 'data-map-state')) === 'static') {
      const note = (await page.locator('#map-static-note').textContent().catch(() => null)) ?? '';
      throw new Error(`the static map instead of the live one: "${note}" (console: ${warnings.join(' | ') || 'nothing'})`);
    }
  } finally {
    page.off('console', onConsole);
  }
}

/** Screen position (relative to #map) of a lon/lat, via the live MapLibre instance. */
export async function project(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const m = (window as unknown as { __atlasMap: { map: { project: (p: [number, number]) => { x: number; y: number } } } }).__atlasMap.map;
    const p = m.project(ll);
    return { x: p.x, y: p.y };
  }, lonLat);
}

/** RGBA of the composited map (base map + deck.gl canvas) at a point in #map. */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number, number]> {
  return page.evaluate(
    async ([px, py]) => {
      const api = (window as unknown as { __atlasMap: { toCanvas: (s: number) => Promise<HTMLCanvasElement> } }).__atlasMap;
      const c = await api.toCanvas(1);
      const d = c.getContext('2d')!.getImageData(Math.round(px), Math.round(py), 1, 1).data;
      return [d[0], d[1], d[2], d[3]] as [number, number, number, number];
    },
    [x, y],
  );
}

export const hexRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
/** colour distance, 0..441 */
export const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
