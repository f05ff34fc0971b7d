/**
 * The presenter's controls: keys (clickers send PageUp/PageDown or arrows), step links,
 * swipes, full screen, and a pointer that hides when it rests (on a projector it only gets in
 * the way). Knows nothing of maps; it calls back into the presentation controller.
 */
export interface Controls {
  root: HTMLElement;
  current: () => number;
  total: number;
  go: (n: number) => void;
  /** leave the show */
  home: string;
  fsButton: HTMLButtonElement;
  strings: { fullscreen: string; exitFullscreen: string };
}

export function wireControls(c: Controls): void {
  const { root } = c;
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = (e.target as HTMLElement | null)?.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
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
      case 'f':
      case 'F':
        toggleFullscreen();
        break;
      case 'q':
      case 'Q':
        root.classList.toggle('qr-big');
        break;
      case 'Escape':
        // in full screen the browser takes Esc to leave full screen; otherwise close the big
        // QR code, or leave the show for the home page
        if (root.classList.contains('qr-big')) root.classList.remove('qr-big');
        else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        else location.href = c.home;
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  });
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
    if (Math.abs(dx) > 60) c.go(c.current() + (dx < 0 ? 1 : -1));
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
  document.addEventListener('fullscreenchange', () => {
    const on = !!document.fullscreenElement;
    c.fsButton.textContent = on ? c.strings.exitFullscreen : c.strings.fullscreen;
    c.fsButton.setAttribute('aria-pressed', String(on));
    root.classList.toggle('is-fullscreen', on);
  });

  let idleTimer = 0;
  const wake = () => {
    root.classList.remove('pointer-idle');
    clearTimeout(idleTimer);
    idleTimer = window.setTimeout(() => root.classList.add('pointer-idle'), 2500);
  };
  document.addEventListener('pointermove', wake);
  wake();
}
