/**
 * The embed as an editor's news page shows it: a host page on ANOTHER origin (a second loopback
 * port) with the offered iframe at 600×450 and 300×400. The frame never scrolls, shows the whole
 * city (or the chosen county) and names the chosen county with its figure; it starts as the static
 * SVG and turns live on a click; auto-height resizes only our frames; the home page's embed dialog
 * previews and copies exactly what was chosen; the flow animation rests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { DESKTOP } from '../helpers/browser';
import { useSiteAndBrowser } from '../helpers/site';
import { waitForMap } from '../helpers/mapProbe';
import { countyCell, type CountiesFile, type DictionaryFile } from '../../src/domain/contract';
import { cellWithUnit } from '../../src/lib/display';
import { autoHeightScript, LOOK_MS } from '../../src/client/embedFrame';
import { FLOW_CYCLES, FLOW_PERIOD_MS } from '../../src/map/flow';

const counties = (JSON.parse(readFileSync('dist/data/counties.geojson', 'utf8')) as CountiesFile).features.map((f) => f.properties);
const dict = JSON.parse(readFileSync('dist/data/dictionary.json', 'utf8')) as DictionaryFile;
const figure = (code: string, id: string) =>
  cellWithUnit(countyCell(counties.find((c) => c.adcode === code)!, id as Parameters<typeof countyCell>[1]), dict.indicators.find((m) => m.id === id)!, 'zh');

const env = useSiteAndBrowser();

/** the news site: another origin, serving whatever page a test sets */
let host: { url: string; set: (html: string) => void; close: () => Promise<void> };
beforeAll(async () => {
  let html = '';
  const server = http.createServer((req, res) => {
    // a page of the host's own, not ours: it posts a height message as an embed would
    if (req.url === '/impostor') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<script>parent.postMessage({ type: "chifeng-atlas:height", height: 999 }, "*")</script>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    set: (h) => (html = h),
    close: () => new Promise((r) => server.close(() => r())),
  };
});
afterAll(async () => host?.close());

const page = (body: string) => `<!doctype html><meta charset="utf-8"><body style="margin:0;font:16px serif">${body}</body>`;

async function hostPage(body: string, viewport = DESKTOP): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  host.set(page(body));
  const ctx = await env.browser.newContext({ viewport, serviceWorkers: 'block', reducedMotion: 'reduce' });
  const p = await ctx.newPage();
  const errors: string[] = [];
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(host.url + '/');
  return { page: p, close: () => ctx.close(), errors };
}

const frameOf = async (p: Page, id: string): Promise<Frame> => (await (await p.$(`#${id}`))!.contentFrame())!;

/** inside a frame: does anything scroll, and where are the map and each county (static SVG or live map) */
const layout = (f: Frame) =>
  f.evaluate(() => {
    const de = document.documentElement;
    const map = document.getElementById('map')!.getBoundingClientRect();
    const live = (window as unknown as { __atlasMap?: { map: { project: (p: [number, number]) => { x: number; y: number } } } }).__atlasMap;
    const cfg = JSON.parse(document.getElementById('atlas-config')!.textContent!) as { bboxes: Record<string, [number, number, number, number]> };
    const boxes: Record<string, { l: number; t: number; r: number; b: number }> = {};
    if (document.getElementById('map')!.dataset.mapState === 'ready' && live) {
      for (const [code, [w, s, e, n]] of Object.entries(cfg.bboxes)) {
        const a = live.map.project([w, n]);
        const b = live.map.project([e, s]);
        boxes[code] = { l: map.left + a.x, t: map.top + a.y, r: map.left + b.x, b: map.top + b.y };
      }
    } else {
      for (const p of document.querySelectorAll<SVGPathElement>('#static-map path[data-adcode]')) {
        const r = p.getBoundingClientRect();
        boxes[p.dataset.adcode!] = { l: r.left, t: r.top, r: r.right, b: r.bottom };
      }
    }
    return {
      scroll: { sh: de.scrollHeight, ch: de.clientHeight, sw: de.scrollWidth, cw: de.clientWidth },
      map: { l: map.left, t: map.top, r: map.right, b: map.bottom, h: map.height },
      viewport: { w: innerWidth, h: innerHeight },
      boxes,
      state: document.getElementById('map')!.dataset.mapState,
      canvases: document.querySelectorAll('#map canvas').length,
      county: document.getElementById('embed-county')!.hidden ? null : document.getElementById('embed-county')!.textContent,
      link: document.getElementById('embed-full')!.getBoundingClientRect().bottom,
      source: [...document.querySelectorAll<HTMLElement>('[data-legend] .src')].find((x) => x.offsetParent)?.getBoundingClientRect().bottom ?? null,
    };
  });

type Layout = Awaited<ReturnType<typeof layout>>;
const inside = (b: { l: number; t: number; r: number; b: number }, m: Layout['map'], slack = 1) =>
  b.l >= m.l - slack && b.t >= m.t - slack && b.r <= m.r + slack && b.b <= m.b + slack;

function expectFits(l: Layout, label: string) {
  expect(l.scroll.sh, `${label}: no vertical scroll`).toBeLessThanOrEqual(l.scroll.ch);
  expect(l.scroll.sw, `${label}: no horizontal scroll`).toBeLessThanOrEqual(l.scroll.cw);
  // the map takes most of the frame, and the source and the link back are in it
  expect(l.map.h, label).toBeGreaterThan(l.viewport.h * 0.45);
  expect(l.link, label).toBeLessThanOrEqual(l.viewport.h);
  expect(l.source, label).not.toBeNull();
  expect(l.source!, label).toBeLessThanOrEqual(l.viewport.h);
}

describe('embed in a news page on another origin', () => {
  it('fits 600×450 and 300×400 frames whole, names the chosen county with its figure, and stays a static SVG until wanted', async () => {
    const src = (q: string) => `${env.server.url}/embed/${q}`;
    // below the fold: nobody has looked at them yet
    const { page: p, close, errors } = await hostPage(
      `<div style="height:2000px">News text.</div>` +
        `<iframe id="a" src="${src('')}" width="600" height="450" style="border:0"></iframe>` +
        `<iframe id="b" src="${src('?i=nonconventional_min')}" width="300" height="400" style="border:0"></iframe>` +
        `<iframe id="c" src="${src('?c=150426')}" width="600" height="450" style="border:0"></iframe>` +
        `<iframe id="d" src="${src('?i=industrial_water_decline&c=150421&controls=0')}" width="300" height="400" style="border:0"></iframe>`,
    );
    try {
      const frames = Object.fromEntries(await Promise.all(['a', 'b', 'c', 'd'].map(async (id) => [id, await frameOf(p, id)] as const)));
      for (const f of Object.values(frames)) await f.waitForSelector('#static-map svg path[data-adcode]', { timeout: 30_000 });
      // the whole city, every county inside the map
      for (const id of ['a', 'b']) {
        const l = await layout(frames[id]);
        expectFits(l, id);
        expect(Object.keys(l.boxes), id).toHaveLength(12);
        for (const [code, box] of Object.entries(l.boxes)) expect(inside(box, l.map), `${id} ${code}`).toBe(true);
        expect(l.county, id).toBeNull();
      }
      // a chosen county: framed with its neighbours around it, named with its figure in words
      for (const [id, code, ind, name] of [['c', '150426', 'water_use_cap', '翁牛特旗'], ['d', '150421', 'industrial_water_decline', '阿鲁科尔沁旗']]) {
        const l = await layout(frames[id]);
        expectFits(l, id);
        expect(inside(l.boxes[code], l.map), `${id} county inside`).toBe(true);
        const b = l.boxes[code];
        const fill = Math.max((b.r - b.l) / (l.map.r - l.map.l), (b.b - b.t) / l.map.h);
        expect(fill, `${id}: the county fills much of the frame`).toBeGreaterThan(0.5);
        expect(l.county, id).toBe(`${name}：${figure(code, ind)}`);
      }
      expect(figure('150421', 'industrial_water_decline')).toBe('保持2020年水平');
      // controls=0: the indicator's name instead of the choice, and the address keeps it
      expect(await frames.d.locator('#indicator-select').isVisible()).toBe(false);
      expect(await frames.d.locator('[data-title="industrial_water_decline"]').innerText()).toContain('万元工业增加值用水量');
      expect(frames.d.url()).toContain('controls=0');
      expect(await frames.a.locator('#indicator-select').isVisible()).toBe(true);
      // out of sight for longer than "a moment": still no map library, no WebGL canvas
      await p.waitForTimeout(LOOK_MS + 1000);
      for (const [id, f] of Object.entries(frames)) {
        const l = await layout(f);
        expect(l.state, id).toBe('preview');
        expect(l.canvases, id).toBe(0);
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 90_000);

  it('turns live on a click, still fitting the whole city, and refits when the frame is resized', async () => {
    const { page: p, close, errors } = await hostPage(`<iframe id="f" src="${env.server.url}/embed/" width="300" height="400" style="border:0"></iframe>`);
    try {
      const f = await frameOf(p, 'f');
      await f.waitForSelector('#static-map svg path[data-adcode]');
      expect((await layout(f)).state).toBe('preview');
      await f.click('#map');
      // while it loads, one message: the button says the map is loading, the status line does not repeat it
      const loading = await f.evaluate(() => {
        const shown = (el: Element | null) => !!el && getComputedStyle(el).display !== 'none' && !(el as HTMLElement).hidden;
        return { state: document.getElementById('map')!.dataset.mapState, status: shown(document.getElementById('map-status')), button: shown(document.getElementById('map-activate')), text: document.getElementById('map-activate')!.textContent };
      });
      // (the live map takes seconds to draw its first frame: right after the click it is loading)
      expect(loading.state).toBe('loading');
      expect(loading.status, 'the status line while loading').toBe(false);
      expect(loading.button).toBe(true);
      expect(loading.text).toBe('地图加载中…');
      await f.waitForSelector('#map[data-map-state="ready"]', { timeout: 60_000 });
      const frameSizes: [number, number][] = [[300, 400], [600, 450], [360, 640], [900, 600]];
      for (const [w, h] of frameSizes) {
        await p.evaluate(([fw, fh]) => Object.assign(document.getElementById('f')!, { width: String(fw), height: String(fh) }), [w, h]);
        await f.waitForFunction(([fw, fh]) => innerWidth === fw && innerHeight === fh, [w, h]);
        await p.waitForTimeout(400);
        const l = await layout(f);
        expect(l.state).toBe('ready');
        expect(l.canvases).toBeGreaterThan(0);
        expectFits(l, `${w}×${h}`);
        for (const [code, box] of Object.entries(l.boxes)) expect(inside(box, l.map, 2), `${w}×${h} ${code} ${JSON.stringify(box)} in ${JSON.stringify(l.map)}`).toBe(true);
      }
      // the frame's history is the news page's: changing the indicator adds no entry to its back button
      const before = await p.evaluate(() => history.length);
      await f.selectOption('#indicator-select', 'gdp_water_decline');
      expect(f.url()).toContain('i=gdp_water_decline');
      expect(await p.evaluate(() => history.length)).toBe(before);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it('auto-height: the snippet sets our frame to the height it asks for, and ignores anyone else', async () => {
    const prefix = `${env.server.url}/`;
    const { page: p, close } = await hostPage(
      `<iframe id="ours" src="${env.server.url}/embed/?i=gdp_water_decline" width="340" height="300" style="border:0"></iframe>` +
        `<iframe id="theirs" src="${host.url}/impostor" width="300" height="200" style="border:0"></iframe>` +
        autoHeightScript(env.server.url, prefix),
    );
    try {
      await p.waitForFunction(() => (document.getElementById('ours') as HTMLIFrameElement).getBoundingClientRect().height > 300, null, { timeout: 30_000 });
      const h = await p.evaluate(() => document.getElementById('ours')!.getBoundingClientRect().height);
      const f = await frameOf(p, 'ours');
      await f.waitForFunction((hh) => innerHeight === hh, h);
      const l = await layout(f);
      expectFits(l, 'auto');
      // the height suits the width: the map about as tall as the frame is wide
      expect(l.map.h).toBeGreaterThan(300);
      expect(l.map.h).toBeLessThan(360);
      // a message from another origin's frame changed nothing
      await p.waitForTimeout(500);
      expect(await p.evaluate(() => document.getElementById('theirs')!.getBoundingClientRect().height)).toBe(200);
      // in view for a moment, it turns live without a touch
      await f.waitForSelector('#map[data-map-state="ready"]', { timeout: 60_000 });
    } finally {
      await close();
    }
  }, 120_000);
});

describe('embed dialog on the home page', () => {
  it('previews and copies exactly the chosen indicator, county, height and controls, without the camera unless asked', async () => {
    const ctx = await env.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', reducedMotion: 'reduce' });
    try {
      await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
      const p = await ctx.newPage();
      await p.goto(`${env.server.url}/?i=gdp_water_decline&c=150402&v=119.0000,42.5000,7.50`);
      await p.locator('#embed-toggle').scrollIntoViewIfNeeded();
      await p.click('#embed-toggle');
      // starts from the map's view: its indicator and county, no camera
      expect(await p.inputValue('#embed-i')).toBe('gdp_water_decline');
      expect(await p.inputValue('#embed-c')).toBe('150402');
      expect(await p.inputValue('#embed-code')).not.toContain('v=');
      await p.selectOption('#embed-i', 'irrigation_coefficient');
      await p.selectOption('#embed-c', '150430');
      await p.fill('#embed-h', '420');
      await p.locator('#embed-h').dispatchEvent('change');
      await p.uncheck('#embed-ctl');
      const code = await p.inputValue('#embed-code');
      const src = /src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&');
      expect(src).toBe(`${env.server.url}/embed/?i=irrigation_coefficient&c=150430&controls=0`);
      expect(code).toContain('height="420"');
      expect(code).not.toContain('<script');
      // the preview is that very address, at that height
      expect(await p.getAttribute('#embed-preview', 'src')).toBe(src);
      expect(await p.evaluate(() => document.getElementById('embed-preview')!.getBoundingClientRect().height)).toBeCloseTo(420, 0);
      // each choice above reloaded the preview: read the line once the frame holds the final address
      // (a read in between may land on the previous document as it gives way)
      const preview = await frameOf(p, 'embed-preview');
      await expect.poll(() => preview.url(), { timeout: 30_000 }).toBe(src);
      await expect
        .poll(() => preview.locator('#embed-county').innerText().catch(() => ''), { timeout: 30_000 })
        .toBe(`敖汉旗：${figure('150430', 'irrigation_coefficient')}`);
      // one button copies it, and says so in words
      await p.click('#embed-copy');
      expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(code);
      expect(await p.locator('#embed-status').innerText()).toContain('已复制嵌入代码');
      // asked for: the camera, and the auto-height lines
      await p.check('#embed-v');
      await p.check('#embed-auto');
      const withAll = await p.inputValue('#embed-code');
      expect(withAll).toContain('v=119.0000,42.5000,7.50');
      expect(withAll).toContain(autoHeightScript(env.server.url, `${env.server.url}/`));
      // closed, the preview is unloaded (no embed, no map left running); opened again, it loads again
      await p.click('#embed-toggle');
      expect(await p.getAttribute('#embed-preview', 'src')).toBe('about:blank');
      await p.click('#embed-toggle');
      expect(await p.getAttribute('#embed-preview', 'src')).toMatch(/\/embed\/\?/);
    } finally {
      await ctx.close();
    }
  }, 90_000);
});

describe('flow animation', () => {
  it('rests after a few passes, runs again when the reader interacts, pauses off screen and in a hidden tab', async () => {
    const ctx = await env.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', reducedMotion: 'no-preference' });
    try {
      const p = await ctx.newPage();
      await p.goto(env.server.url + '/');
      await waitForMap(p);
      await p.locator('#map').scrollIntoViewIfNeeded();
      const redraws = () => p.evaluate(() => (window as unknown as { __atlasMap: { redraws: () => number } }).__atlasMap.redraws());
      const animating = () => p.evaluate(() => (window as unknown as { __atlasMap: { animating: () => boolean } }).__atlasMap.animating());
      const drawnIn = async (ms: number) => {
        const a = await redraws();
        await p.waitForTimeout(ms);
        return (await redraws()) - a;
      };
      /** frames keep coming: at least two more within `ms` (≈15 a second; software WebGL next to another test file may draw one every few seconds) */
      const keepsDrawing = async (ms = 8000) => {
        const a = await redraws();
        await expect.poll(redraws, { timeout: ms, interval: 200 }).toBeGreaterThan(a + 1);
      };
      // the flow runs
      expect(await animating()).toBe(true);
      await keepsDrawing();
      // …for FLOW_CYCLES passes of FLOW_PERIOD_MS in view, then rests: no frame drawn at all
      await p.waitForFunction(() => !(window as unknown as { __atlasMap: { animating: () => boolean } }).__atlasMap.animating(), null, {
        timeout: FLOW_CYCLES * FLOW_PERIOD_MS + 20_000,
      });
      expect(await drawnIn(2000)).toBe(0);
      // a key on the map is the reader's: the flow runs again
      await p.focus('#map .maplibregl-canvas');
      await p.keyboard.press('Shift');
      expect(await animating()).toBe(true);
      await keepsDrawing();
      // off screen: paused
      await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await p.waitForFunction(() => !(window as unknown as { __atlasMap: { animating: () => boolean } }).__atlasMap.animating());
      expect(await drawnIn(1500)).toBe(0);
      // back in view: it resumes; then the tab is hidden (headless Chromium never hides a tab, so the
      // page is told it is hidden, as the browser would tell it): paused again
      await p.locator('#map').scrollIntoViewIfNeeded();
      await p.waitForFunction(() => (window as unknown as { __atlasMap: { animating: () => boolean } }).__atlasMap.animating());
      await p.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await p.waitForFunction(() => !(window as unknown as { __atlasMap: { animating: () => boolean } }).__atlasMap.animating());
      expect(await drawnIn(1500)).toBe(0);
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
