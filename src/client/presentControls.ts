/**
 * The presenter's controls: keys (clickers send PageUp/PageDown or arrows, and B or "." for a
 * black screen), step links, swipes, full screen, the key hints ("?"), and a pointer that hides
 * when it rests (on a projector it only gets in the way). Knows nothing of maps; it calls back
 * into the presentation controller.
 *
 * Esc never loses the presenter's place: it closes what is open (black screen, hints, big QR
 * code) or leaves full screen, and otherwise does nothing. Leaving the show is the visible
 * "退出演示" link.
 */
export interface Controls {
  root: HTMLElement;
  current: () => number;
  total: number;
  go: (n: number) => void;
  fsButton: HTMLButtonElement;
  keysButton: HTMLButtonElement;
  keys: HTMLElement;
  blank: HTMLElement;
  strings: { fullscreen: string; exitFullscreen: string };
}

/** keys that step (and, on a black screen, only bring the picture back) */
const STEP_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', 'ArrowLeft', 'ArrowUp', 'PageUp', ' ', 'Spacebar', 'Home', 'End']);
/** what clickers send for their "blank" button (PowerPoint's keys): B black, "." black too */
const BLANK_KEYS = new Set(['b', 'B', '.']);

export function wireControls(c: Controls): void {
  const { root } = c;
  const isBlank = () => !c.blank.hidden;
  const setBlank = (on: boolean) => {
    c.blank.hidden = !on;
    root.classList.toggle('is-blank', on);
  };
  const setKeys = (on: boolean) => {
    c.keys.hidden = !on;
    c.keysButton.setAttribute('aria-expanded', String(on));
  };
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = (e.target as HTMLElement | null)?.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    // a black screen: its own key or any step key brings the same step back, without stepping
    if (isBlank() && (BLANK_KEYS.has(e.key) || STEP_KEYS.has(e.key) || e.key === 'Escape')) {
      setBlank(false);
      e.preventDefault();
      return;
    }
    let handled = true;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'PageDown':
        c.go(c.current() + 1);
        break;
      case ' ':
      case 'Spacebar':
        c.go(c.current() + (e.shiftKey ? -1 : 1));
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
      case 'PageUp':
        c.go(c.current() - 1);
        break;
      case 'Home':
        c.go(1);
        break;
      case 'End':
        c.go(c.total);
        break;
      case 'b':
      case 'B':
      case '.':
        setBlank(true);
        break;
      case '?':
        setKeys(c.keys.hidden);
        break;
      case 'f':
      case 'F':
        toggleFullscreen();
        break;
      case 'q':
      case 'Q':
        root.classList.toggle('qr-big');
        break;
      case 'Escape':
        // in full screen the browser itself takes Esc to leave full screen (and the step stays);
        // otherwise close what is open, one thing per press, and never leave the show
        if (!c.keys.hidden) setKeys(false);
        else if (root.classList.contains('qr-big')) root.classList.remove('qr-big');
        else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  });
  c.keysButton.addEventListener('click', () => {
    setKeys(c.keys.hidden);
    c.keysButton.blur(); // so that Space goes on stepping
  });
  c.blank.addEventListener('click', () => setBlank(false));
  root.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-go]');
    if (!a) return;
    e.preventDefault();
    c.go(Number(a.dataset.go));
    a.blur();
  });
  let touchX: number | null = null;
  root.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'mouse') touchX = e.clientX;
  });
  root.addEventListener('pointerup', (e) => {
    if (touchX === null) return;
    const dx = e.clientX - touchX;
    touchX = null;
    if (Math.abs(dx) > 60 && !isBlank()) c.go(c.current() + (dx < 0 ? 1 : -1));
  });

  function toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }
  if (document.fullscreenEnabled) {
    c.fsButton.hidden = false;
    c.fsButton.addEventListener('click', () => {
      toggleFullscreen();
      c.fsButton.blur(); // so that Space goes on stepping instead of pressing the button again
    });
  }
  // the browser's own full screen (F11, or the View menu) is presenting too: the page's full screen
  // API does not see it, the display-mode media query does
  const browserFullscreen = window.matchMedia?.('(display-mode: fullscreen)');
  let presenting = false;
  const syncFullscreen = () => {
    const api = !!document.fullscreenElement;
    const on = api || !!browserFullscreen?.matches;
    c.fsButton.textContent = api ? c.strings.exitFullscreen : c.strings.fullscreen;
    c.fsButton.setAttribute('aria-pressed', String(api));
    root.classList.toggle('is-fullscreen', on);
    // presenting now: the hints and the presenter's notes step back (the hints come back with "?")
    if (on && !presenting) setKeys(false);
    presenting = on;
  };
  document.addEventListener('fullscreenchange', syncFullscreen);
  browserFullscreen?.addEventListener?.('change', syncFullscreen);
  syncFullscreen();

  let idleTimer = 0;
  const wake = () => {
    root.classList.remove('pointer-idle');
    clearTimeout(idleTimer);
    idleTimer = window.setTimeout(() => root.classList.add('pointer-idle'), 2500);
  };
  document.addEventListener('pointermove', wake);
  wake();
}
