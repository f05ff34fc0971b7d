/**
 * What the embed does as a guest on someone else's page: it becomes a live map only when wanted
 * (a touch, a click, a key on its button, or being in view for a moment), and it tells the host
 * page the height that suits its width (auto-height, as Datawrapper's embeds do), for the few
 * lines of script the embed dialog offers with the code.
 */

/** the message an embed posts to its host page; the dialog's snippet listens for exactly this */
export const HEIGHT_MESSAGE = 'chifeng-atlas:height';
/**
 * "in view for a moment": this long, at least half of the frame visible, the tab in front (ms). Long
 * enough that a reader scrolling through the article never starts the map (on a phone a cross-site
 * frame often shares the news page's process, so starting WebGL there would stall its scrolling),
 * short enough that one who stops to look gets the live map without asking.
 */
export const LOOK_MS = 4000;
/**
 * The map's height for a frame `width` px wide, before the controls, legend and source: the city is
 * about as tall as it is wide (the static SVG fits it in 696 × 718 px), so a square, within bounds
 * that keep a phone's frame on one screen and a wide frame from growing without end.
 */
export const preferredMapHeight = (width: number): number => Math.round(Math.min(Math.max(width * 0.95, 240), 720));

/**
 * Calls `start` once: on the first pointer press or click on the map, on the activate button, or
 * once the frame has been at least half in view for LOOK_MS with the tab visible. A page that
 * scrolls past the embed never loads the map library or opens a WebGL context.
 */
export function whenWanted(mapEl: HTMLElement, button: HTMLElement | null, start: () => void): void {
  let done = false;
  let timer = 0;
  let inView = false;
  const go = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    io?.disconnect();
    document.removeEventListener('visibilitychange', watchTime);
    start();
  };
  mapEl.addEventListener('pointerdown', go, { once: true });
  mapEl.addEventListener('click', go, { once: true });
  button?.addEventListener('click', go, { once: true });
  function watchTime() {
    clearTimeout(timer);
    if (inView && !document.hidden) timer = window.setTimeout(go, LOOK_MS);
  }
  const io = 'IntersectionObserver' in window
    ? new IntersectionObserver(
        (es) => {
          inView = es.some((e) => e.isIntersecting && e.intersectionRatio >= 0.5);
          watchTime();
        },
        { threshold: [0, 0.5, 1] },
      )
    : null;
  io?.observe(mapEl);
  document.addEventListener('visibilitychange', watchTime);
}

/**
 * Post the height this embed wants at its current width to the host page: the frame's fixed
 * parts (controls, legend, source) as laid out now, plus the map's preferred height. Again on
 * every change of width; the same height is never posted twice. Nothing is sent when the page is
 * not in a frame. The message holds only a number: any host may read it.
 */
export function postHeight(root: HTMLElement, mapEl: HTMLElement): void {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const fixed = root.getBoundingClientRect().height - mapEl.getBoundingClientRect().height;
    const height = Math.ceil(fixed + preferredMapHeight(root.clientWidth));
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  new ResizeObserver(() => send()).observe(root);
  send();
}

/**
 * The host page's side, as the embed dialog offers it: on our message, from our origin, resize
 * the iframe that sent it, only if its src is one of our embeds. Written out as plain ES5 so it
 * runs in any CMS; `prefix` is the embed pages' address start ("https://host/jieshui/").
 */
export function autoHeightScript(origin: string, prefix: string): string {
  const o = JSON.stringify(origin);
  const p = JSON.stringify(prefix);
  return (
    `<script>(function(){window.addEventListener("message",function(e){var d=e.data;` +
    `if(e.origin!==${o}||!d||d.type!=="${HEIGHT_MESSAGE}"||!(d.height>0))return;` +
    `var f=document.getElementsByTagName("iframe");for(var i=0;i<f.length;i++){` +
    `if(f[i].contentWindow===e.source&&f[i].src.indexOf(${p})===0)f[i].style.height=Math.min(d.height,2000)+"px"}})})();</script>`
  );
}
