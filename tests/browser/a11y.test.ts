/** axe-core on every route, both languages, the presentation, the embed page and the no-WebGL page. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { launch, DESKTOP, PHONE } from '../helpers/browser';
import { useSiteAndBrowser } from '../helpers/site';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ROUTES = ['/', '/en/', '/county/150402/', '/en/county/150402/', '/sources/', '/en/sources/', '/downloads/', '/en/downloads/', '/embed/', '/en/embed/', '/present/', '/en/present/'];

const env = useSiteAndBrowser();

async function seriousViolations(page: Page): Promise<string[]> {
  // axe is injected as an inline script, so this context bypasses the page's CSP (test only)
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('accessibility (axe-core, WCAG 2.1 AA): no serious or critical violation', () => {
  for (const route of ROUTES) {
    it(route, async () => {
      const ctx = await env.browser.newContext({ viewport: DESKTOP, bypassCSP: true, serviceWorkers: 'block', reducedMotion: 'reduce' });
      try {
        const page = await ctx.newPage();
        await page.goto(env.server.url + route);
        await page.waitForLoadState('load');
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await ctx.close();
      }
    });
  }

  it('the no-WebGL home page', async () => {
    const noGl = await launch({ webgl: false });
    try {
      const ctx = await noGl.newContext({ viewport: PHONE, bypassCSP: true, serviceWorkers: 'block' });
      const page = await ctx.newPage();
      await page.goto(env.server.url + '/');
      await page.waitForSelector('#map[data-map-state="static"]');
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await noGl.close();
    }
  });
});

describe('keyboard', () => {
  it('reaches the indicator selector, layer toggles, table rows and share controls with Tab, focus visible', async () => {
    const ctx = await env.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', reducedMotion: 'reduce' });
    try {
      const page = await ctx.newPage();
      await page.goto(env.server.url + '/');
      const reached = new Set<string>();
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null; // past the last stop, focus returns to the browser
          const cs = getComputedStyle(el);
          // a focus ring is an outline, or a box-shadow ring as MapLibre's controls draw it
          const visible = cs.outlineStyle !== 'none' || cs.boxShadow !== 'none';
          return { id: el.id || el.getAttribute('name') || el.getAttribute('aria-label') || el.tagName, row: el.closest('tr')?.dataset.adcode ?? null, visible };
        });
        if (!info) continue;
        expect(info.visible, `focus ring on ${info.id}`).toBe(true);
        reached.add(info.row ? 'table-row' : info.id);
      }
      for (const id of ['indicator-select', 'layer', 'table-row', 'share-link', 'embed-toggle']) expect(reached, id).toContain(id);
      // choose a county with the keyboard: its detail panel opens and is announced
      await page.focus('#annex-table tr[data-adcode="150423"]');
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-panel="150423"]').isVisible()).resolves.toBe(true);
      expect(await page.locator('#map-live').innerText()).toContain('巴林右旗');
    } finally {
      await ctx.close();
    }
  });
});
