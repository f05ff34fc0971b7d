/**
 * npm start — build, then serve dist/ (astro preview).
 *
 *   npm start                          http://127.0.0.1:4321/ on this computer only
 *   npm start -- --host                also on this computer's network addresses, for phones on the
 *                                      same Wi-Fi (or HOST=0.0.0.0 npm start)
 *   npm start -- --host 192.168.1.23   on that address only
 *   npm start -- --port 8080           another port (or PORT=8080)
 *   npm start -- --no-build            serve the existing dist/
 *
 * SITE_URL and BASE_PATH are passed to the build as always (README, "Publish"). To try the
 * presentation's QR codes from a phone before an event, build them for this computer's address:
 *   SITE_URL=http://192.168.1.23:4321/ npm start -- --host
 * (this prints the command with the right address when SITE_URL is unset).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { publishSettings } from '../src/lib/publish';

interface Options {
  host: string;
  port: number;
  build: boolean;
}

export function parseArgs(argv: string[], env: Record<string, string | undefined>): Options {
  const o: Options = { host: env.HOST?.trim() || '127.0.0.1', port: Number(env.PORT) || 4321, build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--host' || a.startsWith('--host=')) {
      const v = a.includes('=') ? a.slice(7) : argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : '';
      o.host = v || '0.0.0.0';
    } else if (a === '--port' || a.startsWith('--port=')) {
      const v = a.includes('=') ? a.slice(7) : argv[++i];
      o.port = Number(v);
      if (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535) throw new Error(`--port ${v}: not a port number`);
    } else if (a === '--no-build') o.build = false;
    else throw new Error(`unknown option ${a} (use --host [address], --port N, --no-build)`);
  }
  return o;
}

/** This computer's IPv4 addresses on its networks (not loopback), for phones to reach it. */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    p.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main() {
  let o: Options;
  try {
    o = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(`npm start: ${(e as Error).message}`);
    process.exit(2);
  }
  const settings = publishSettings(process.env);
  if (o.build) {
    const code = await run('npm', ['run', 'build']);
    if (code !== 0) process.exit(code);
  }
  const everywhere = o.host === '0.0.0.0' || o.host === '::';
  const addresses = everywhere ? lanAddresses() : o.host === '127.0.0.1' || o.host === 'localhost' ? [] : [o.host];
  console.log('');
  console.log(`  本机 this computer:   http://127.0.0.1:${o.port}${settings.base}`);
  for (const a of addresses) console.log(`  手机 phones (same Wi-Fi): http://${a}:${o.port}${settings.base}`);
  if (addresses.length && !settings.site) {
    console.log('');
    console.log('  二维码未启用（未设置 SITE_URL）。要用手机试演示模式的二维码，请用本机地址构建：');
    console.log('  QR codes are off (SITE_URL unset). To try them from a phone, build for this computer:');
    console.log(`    SITE_URL=http://${addresses[0]}:${o.port}${settings.base} npm start -- --host${o.port === 4321 ? '' : ` --port ${o.port}`}`);
    console.log('  发布时请改用正式地址重新构建 · Build again with the public address before publishing.');
  }
  if (addresses.length) console.log('  离线副本只在 https 或 127.0.0.1 下工作 · The offline copy needs https or 127.0.0.1.');
  console.log('');
  process.exit(await run('npx', ['astro', 'preview', '--host', o.host, '--port', String(o.port)]));
}

if (process.argv[1] && /start\.ts$/.test(process.argv[1])) void main();
