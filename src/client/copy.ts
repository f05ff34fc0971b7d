/** Copy to the clipboard and say so briefly: shared by the map's share tools and "Cite this page". */

/** Copy text to the clipboard; where the browser refuses (no permission, plain http), offer it to copy by hand. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    window.prompt('', text);
  }
}

/** A status line that says its word, then clears: "已复制" must not linger into the next dialog. */
export function flash(el: HTMLElement | null, text: string, ms = 2500): void {
  if (!el) return;
  el.textContent = text;
  const stamp = String(performance.now());
  el.dataset.flash = stamp;
  setTimeout(() => {
    if (el.dataset.flash === stamp) el.textContent = '';
  }, ms);
}
