import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (or CHROMIUM_PATH); software WebGL2 through SwiftShader. */
export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p)) {
    throw new Error(
      `No Chromium at ${p}. Install it with \`apt-get install -y chromium fonts-noto-cjk\` ` +
        '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return p;
}

export async function launch(opts: { webgl?: boolean } = {}): Promise<Browser> {
  const webgl = opts.webgl !== false;
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(webgl ? ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--enable-webgl'] : ['--disable-webgl', '--disable-webgl2', '--disable-3d-apis']),
    ],
  });
}

export interface Watched {
  errors: string[];
  offOrigin: string[];
}

/** Collects console errors, page errors and every request that leaves the origin. */
export function watch(page: Page, origin: string): Watched {
  const w: Watched = { errors: [], offOrigin: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) w.offOrigin.push(u);
  });
  return w;
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };
