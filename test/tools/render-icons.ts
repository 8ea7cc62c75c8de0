// Renders public/icon.svg to the PNG sizes WXT puts in the manifest (public/icon/<size>.png).
// Run: node test/tools/render-icons.ts   (needs Chromium; CHROMIUM_PATH overrides where it is)
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 96, 128];
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

const root = new URL('../../public/', import.meta.url);
const svg = readFileSync(new URL('icon.svg', root), 'utf8');
const executablePath = process.env.CHROMIUM_PATH ?? CANDIDATES.find((path) => existsSync(path));
if (!executablePath) throw new Error(`Chromium not found at ${CANDIDATES.join(', ')}; set CHROMIUM_PATH.`);

mkdirSync(new URL('icon/', root), { recursive: true });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`,
    );
    const path = new URL(`icon/${size}.png`, root);
    await page.screenshot({ path: path.pathname, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`wrote public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
