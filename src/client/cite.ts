/**
 * "Cite this page": fills the citation with the address the reader is on (on a map page, the
 * view's normalised address: known parameters only, in a fixed order) and today's date, and
 * copies it. The copied word clears after a moment, so it never lingers into the next action.
 */
import { copyText, flash } from './copy';

const el = document.getElementById('cite-text');
const cfgEl = document.getElementById('cite-config');
if (el && cfgEl) {
  const cfg = JSON.parse(cfgEl.textContent!) as { copied: string; lang: 'zh' | 'en' };
  const template = el.dataset.template!;
  /**
   * the text as it stands now. On a map page the atlas keeps the address bar normalised and in step
   * with the view (urlState.ts viewUrl), so its query is the view; other pages have none to keep
   */
  const text = () => {
    const url = `${location.origin}${location.pathname}${document.getElementById('atlas-config') ? location.search : ''}`;
    // the date of access as ISO 8601 (2026-11-28), read the same in both languages
    const d = new Date();
    const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    return template.replace('{url}', url).replace('{date}', date);
  };
  el.textContent = text();
  // the view changes the address without reloading: bring the text up to date whenever it comes into view
  window.addEventListener('popstate', () => (el.textContent = text()));
  if ('IntersectionObserver' in window) new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && (el.textContent = text())).observe(el);
  document.getElementById('cite-copy')?.addEventListener('click', async () => {
    const t = text();
    el.textContent = t;
    await copyText(t);
    flash(document.getElementById('cite-status'), cfg.copied);
  });
}
