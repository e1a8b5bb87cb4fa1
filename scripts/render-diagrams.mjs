#!/usr/bin/env node
// Renders every BPMN diagram under processes/ to docs/diagrams/<regulation>/<channel>.svg and .png with the
// bpmn-js viewer in the system's headless Chromium (puppeteer-core downloads no browser).
// Usage: npm run render [-- processes/one/file.bpmn ...]; CHROMIUM=/path/to/chromium overrides the browser.
// Each SVG starts with a comment naming its source and the source's SHA-256, so that a test tells when a
// diagram was changed without being rendered again (DiagramRenderingsTest).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const viewerScript = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const viewerCss = [
  require.resolve('bpmn-js/dist/assets/diagram-js.css'),
  require.resolve('bpmn-js/dist/assets/bpmn-js.css'),
];

function chromium() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome'].filter(Boolean);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error('No Chromium found (tried ' + candidates.join(', ') + '): apt-get install chromium, '
      + 'or set CHROMIUM to its path');
  }
  return found;
}

async function diagrams(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...await diagrams(file));
    } else if (entry.name.endsWith('.bpmn')) {
      found.push(file);
    }
  }
  return found.sort();
}

/** processes/<regulation>/<channel>.bpmn -> docs/diagrams/<regulation>/<channel> (without extension). */
function target(source) {
  const relative = path.relative(path.join(root, 'processes'), source);
  return path.join(root, 'docs', 'diagrams', relative.replace(/\.bpmn$/, ''));
}

async function render(page, source) {
  const xml = await readFile(source, 'utf8');
  const result = await page.evaluate(async (diagramXml) => {
    const viewer = window.viewer;
    const { warnings } = await viewer.importXML(diagramXml);
    const canvas = viewer.get('canvas');
    canvas.zoom('fit-viewport');
    const { svg } = await viewer.saveSVG();
    return { svg, warnings: warnings.map((w) => w.message) };
  }, xml);
  if (result.warnings.length > 0) {
    throw new Error(source + ': bpmn-js could not import everything:\n  ' + result.warnings.join('\n  '));
  }

  const out = target(source);
  await mkdir(path.dirname(out), { recursive: true });
  const relativeSource = path.relative(root, source).split(path.sep).join('/');
  const sha256 = createHash('sha256').update(await readFile(source)).digest('hex');
  // bpmn-js names arrow markers at random: numbered in order they stay the same from one rendering to the next
  const markers = new Map();
  const stable = result.svg.replace(/marker-[a-z0-9]+/g, (id) => {
    if (!markers.has(id)) {
      markers.set(id, 'marker-' + (markers.size + 1));
    }
    return markers.get(id);
  });
  const svg = stable.replace(/^(<\?xml[^>]*\?>\s*)?/, (declaration) => (declaration || '')
    + `<!-- rendered from ${relativeSource} sha256:${sha256} by "npm run render"; do not edit -->\n`);
  await writeFile(out + '.svg', svg);

  // The PNG: the exported SVG shown at its own size (white background, 1.5x for readable labels).
  const size = (attribute) => Math.ceil(Number(result.svg.match(new RegExp('<svg[^>]* ' + attribute + '="([0-9.]+)"'))[1]));
  const width = size('width');
  const height = size('height');
  const png = await page.browser().newPage();
  try {
    await png.setViewport({ width, height, deviceScaleFactor: 1.5 });
    await png.setContent('<html><body style="margin:0;background:#fff">' + result.svg.replace(/^<\?xml[^>]*\?>/, '')
      + '</body></html>');
    await png.screenshot({ path: out + '.png', clip: { x: 0, y: 0, width, height } });
  } finally {
    await png.close();
  }
  return path.relative(root, out);
}

async function main() {
  const sources = process.argv.length > 2
    ? process.argv.slice(2).map((file) => path.resolve(file))
    : await diagrams(path.join(root, 'processes'));
  const browser = await puppeteer.launch({
    executablePath: chromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    await page.setContent('<html><body style="margin:0"><div id="canvas" style="width:1600px;height:1000px">'
      + '</div></body></html>');
    for (const css of viewerCss) {
      await page.addStyleTag({ path: css });
    }
    await page.addScriptTag({ path: viewerScript });
    await page.evaluate(() => {
      window.viewer = new window.BpmnJS({ container: '#canvas' });
    });
    for (const source of sources) {
      console.log('rendered ' + await render(page, source) + '.{svg,png}');
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
