/**
 * The embed's first map, before any map library: the pipeline's choropleth SVG of the indicator
 * (public/data/choropleth-<id>[.en].svg, the same drawing as the downloads and the no-WebGL map),
 * or in the progress view the static progress map of the indicator and year (progressSvg.ts),
 * put into the page and cropped to the map itself (the embed shows its own title, legend and
 * source), framed on the whole city or on the chosen county and its neighbours. The browser fits
 * the frame to any size (viewBox, "meet"); labels are rescaled to stay readable. The chosen county
 * is outlined, never refilled, as on the live map. No WebGL: an embed nobody touches costs one SVG.
 */
import { countyFrame } from '../lib/geometry';

/** label size on screen, CSS px: never smaller (a small frame), never larger (a county up close) */
const LABEL_MIN_PX = 10;
const LABEL_MAX_PX = 15;
/** the SVG's own label size (renderChoroplethSvg), user units */
const LABEL_SVG_PX = 13;
/** below this scale the value lines under the names are left out: the chosen county's value is in the text line */
const VALUES_MIN_SCALE = 0.62;
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface StaticMap {
  /**
   * draw a map framed on `frame` (and its neighbours) or the whole city, `selected` outlined: the
   * indicator's SVG by URL (fetched once per URL), or a drawing made on the page (the progress view,
   * from county-paths.json) by a key and the function that makes its text (called once per key)
   */
  show: (svg: string | { key: string; text: () => Promise<string> }, frame: string | null, selected: string | null) => Promise<void>;
  /** the county a click or tap landed on, or null */
  countyAt: (target: EventTarget | null) => string | null;
}

export function staticMap(host: HTMLElement, names: Record<string, string>): StaticMap {
  const texts = new Map<string, Promise<string>>();
  const byName = new Map(Object.entries(names).map(([code, name]) => [name, code]));
  let svg: SVGSVGElement | null = null;
  /** the drawing's counties and labels groups */
  let shapes: SVGGElement | null = null;
  let labels: SVGGElement | null = null;
  let shown = '';
  let framed = '';
  let asked = 0;

  function insert(text: string) {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const el = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
    // the drawing's children: <title>, <defs>, the white page, its title, the counties <g>, the
    // labels <g>, the legend <g>, the source line. Keep the map; the page has the rest in HTML.
    const [g0, g1, ...rest] = [...el.querySelectorAll<SVGGElement>(':scope > g')];
    for (const x of [...rest, ...el.querySelectorAll(':scope > text, :scope > rect')]) x.remove();
    shapes = g0;
    labels = g1;
    el.removeAttribute('width');
    el.removeAttribute('height');
    el.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    el.classList.add('static-svg');
    host.replaceChildren(el);
    svg = el;
    // each county path by its code: the path's tooltip starts with the county's name in the page's language
    for (const p of g0.querySelectorAll<SVGPathElement>(':scope > path')) {
      const name = p.querySelector('title')?.textContent?.split(': ')[0] ?? '';
      const code = byName.get(name);
      if (code) p.dataset.adcode = code;
    }
  }

  /** outlined as the live map marks it: a white halo under a dark line, the class fill kept */
  function mark(county: string | null) {
    if (!svg || !shapes) return;
    svg.querySelector('[data-selected]')?.remove();
    const path = county ? svg.querySelector<SVGPathElement>(`path[data-adcode="${county}"]`) : null;
    if (!path) return;
    const g = document.createElementNS(SVG_NS, 'g');
    g.dataset.selected = county!;
    for (const [stroke, width] of [['#ffffff', 6], ['#141414', 3]] as const) {
      const line = document.createElementNS(SVG_NS, 'path');
      line.setAttribute('d', path.getAttribute('d')!);
      line.setAttribute('fill', 'none');
      line.setAttribute('stroke', stroke);
      line.setAttribute('stroke-width', String(width));
      line.setAttribute('vector-effect', 'non-scaling-stroke');
      line.setAttribute('stroke-linejoin', 'round');
      g.append(line);
    }
    shapes.after(g);
  }

  function frame(county: string | null) {
    if (!svg || !shapes || !labels) return;
    const path = county ? svg.querySelector<SVGPathElement>(`path[data-adcode="${county}"]`) : null;
    let x: number, y: number, w: number, h: number;
    if (path) {
      const b = path.getBBox();
      const c = shapes.getBBox();
      const [x0, y0, x1, y1] = countyFrame([b.x, b.y, b.x + b.width, b.y + b.height], [c.x, c.y, c.x + c.width, c.y + c.height]);
      [x, y, w, h] = [x0, y0, x1 - x0, y1 - y0];
    } else {
      // the whole city with its names (the 红山区 callout reaches outside the counties)
      const a = shapes.getBBox();
      const b = labels.getBBox();
      x = Math.min(a.x, b.x) - 4;
      y = Math.min(a.y, b.y) - 4;
      w = Math.max(a.x + a.width, b.x + b.width) + 4 - x;
      h = Math.max(a.y + a.height, b.y + b.height) + 4 - y;
    }
    svg.setAttribute('viewBox', [x, y, w, h].map((v) => v.toFixed(1)).join(' '));
    fitLabels();
  }

  /** keep the names readable at the frame's size: each label scaled about its own anchor */
  function fitLabels() {
    if (!svg || !labels || !svg.clientWidth) return;
    const vb = svg.viewBox.baseVal;
    const scale = Math.min(svg.clientWidth / vb.width, svg.clientHeight / vb.height);
    const px = LABEL_SVG_PX * scale;
    const k = px < LABEL_MIN_PX ? LABEL_MIN_PX / px : px > LABEL_MAX_PX ? LABEL_MAX_PX / px : 1;
    svg.classList.toggle('no-values', scale < VALUES_MIN_SCALE);
    for (const el of labels.querySelectorAll<SVGGraphicsElement>(':scope > text, :scope > g > text, :scope > g > rect')) {
      const t = el.tagName === 'rect' ? el.parentElement!.querySelector('text')! : el;
      const ax = Number(t.getAttribute('x'));
      const ay = Number(t.getAttribute('y'));
      el.setAttribute('transform', k === 1 ? '' : `translate(${ax} ${ay}) scale(${k.toFixed(3)}) translate(${-ax} ${-ay})`);
    }
  }

  new ResizeObserver(() => fitLabels()).observe(host);

  return {
    async show(source, county, selected) {
      const ask = ++asked;
      const url = typeof source === 'string' ? source : source.key;
      if (!texts.has(url)) {
        texts.set(
          url,
          typeof source === 'string'
            ? fetch(url).then((r) => {
                if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
                return r.text();
              })
            : source.text(),
        );
      }
      const text = await texts.get(url)!;
      // a later call (another indicator chosen while this one loaded) wins
      if (ask !== asked) return;
      if (shown !== url) {
        insert(text);
        shown = url;
        framed = '\u0000';
      }
      if (framed !== (county ?? '')) frame(county);
      framed = county ?? '';
      mark(selected);
    },
    countyAt(target) {
      const p = (target as Element | null)?.closest?.('path[data-adcode]') as SVGPathElement | null;
      return p?.dataset.adcode ?? null;
    },
  };
}
