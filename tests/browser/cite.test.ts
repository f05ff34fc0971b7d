/** "引用本页" / "Cite this page" (issue 11): document, page title, address and date, copied with one button. */
import { describe, expect, it } from 'vitest';
import { DESKTOP } from '../helpers/browser';
import { usePages } from '../helpers/site';

const { env, open } = usePages({ viewport: DESKTOP });
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('Cite this page', () => {
  it('copies the site, the page title, its address, the date and the document, on a county page', async () => {
    const { page, w } = await open('/county/150421/?utm_source=x');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    await page.click('#cite-copy');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toBe(
      `赤峰节水地图：阿鲁科尔沁旗。${env.server.url}/county/150421/（访问日期：${today()}）。数据依据：赤峰市人民政府《赤峰市节水行动实施方案》（赤政发〔2025〕11号，2025年4月11日印发）。`,
    );
    expect(await page.locator('#cite-text').innerText()).toBe(text);
    expect(await page.locator('#cite-status').innerText()).toBe('已复制');
    expect(w.errors).toEqual([]);
  });

  it('on the map page, cites the view: its normalised address', async () => {
    const { page } = await open('/en/?x=1&c=150402&i=gdp_water_decline');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    await page.click('#cite-copy');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain(`Chifeng Water-Saving Atlas: “Targets of the Chifeng Water-Saving Action Plan”. ${env.server.url}/en/?i=gdp_water_decline&c=150402 (accessed ${today()}).`);
    expect(text).toContain('赤政发〔2025〕11号');
  });

  it('is on every page with the site chrome', async () => {
    for (const p of ['/', '/en/', '/sources/', '/en/downloads/', '/county/150402/']) {
      const { page } = await open(p);
      expect(await page.locator('#cite-copy').count(), p).toBe(1);
      expect(await page.locator('#cite-text').innerText(), p).toContain(env.server.url);
    }
  });
});
