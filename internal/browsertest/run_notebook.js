// run_notebook.js drives a real Chromium through a notebook in the classic
// Jupyter Notebook UI: it opens the notebook, clears the committed outputs,
// runs every cell, waits until a figure (<svg> or <img>) is drawn in an output
// area and the kernel is idle, and saves a screenshot with the figure in view.
//
// It is started by browser_test.go; run it by hand with
//
//   node run_notebook.js --url 'http://127.0.0.1:PORT/notebooks/00_welcome.ipynb?token=T' \
//        --screenshot /tmp/welcome.png --user-data-dir "$(mktemp -d)" --timeout 300
//
// The last line it prints is a JSON report; the exit code is 0 when a figure
// appeared and no cell failed, 1 otherwise, 2 for bad arguments.
'use strict';

const fs = require('fs');
const path = require('path');

let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  console.error('run_notebook: playwright-core is not installed: run `npm ci` in internal/browsertest');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = {
    url: '',
    screenshot: '',
    userDataDir: '',
    timeout: 300,
    chromium: process.env.FACTORLAB_CHROMIUM || '/usr/bin/chromium',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const val = argv[i + 1];
    switch (flag) {
      case '--url': opts.url = val; i++; break;
      case '--screenshot': opts.screenshot = val; i++; break;
      case '--user-data-dir': opts.userDataDir = val; i++; break;
      case '--timeout': opts.timeout = Number(val); i++; break;
      case '--chromium': opts.chromium = val; i++; break;
      default:
        console.error(`run_notebook: unknown argument ${flag}`);
        process.exit(2);
    }
  }
  if (!opts.url || !opts.screenshot || !opts.userDataDir || !(opts.timeout > 0)) {
    console.error('run_notebook: need --url, --screenshot, --user-data-dir and a positive --timeout');
    process.exit(2);
  }
  return opts;
}

function log(msg) {
  console.log(`run_notebook: ${msg}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.chromium)) {
    console.error(`run_notebook: no Chromium at ${opts.chromium} (Debian: apt-get install -y chromium)`);
    process.exit(2);
  }
  const started = Date.now();
  const deadline = started + opts.timeout * 1000;
  const left = () => Math.max(1000, deadline - Date.now());
  const report = { ok: false, figures: 0, figureTexts: [], errors: [], cells: 0, kernel: '', seconds: 0, screenshot: opts.screenshot };

  const context = await chromium.launchPersistentContext(opts.userDataDir, {
    executablePath: opts.chromium,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  let page;
  try {
    page = context.pages()[0] || (await context.newPage());
    page.on('pageerror', (err) => log(`page error: ${err.message}`));
    page.on('dialog', (d) => { log(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });

    log('opening the notebook');
    const resp = await page.goto(opts.url, { waitUntil: 'domcontentloaded', timeout: left() });
    if (!resp || !resp.ok()) {
      throw new Error(`the server answered ${resp ? resp.status() : 'nothing'} for the notebook page (wrong token or path?)`);
    }
    await page.waitForFunction(
      () => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected(),
      null, { timeout: Math.min(left(), 90000) },
    ).catch(() => { throw new Error('the notebook page loaded but its kernel did not connect within 90 s (is the gonb kernel registered?)'); });
    report.kernel = await page.evaluate(() => Jupyter.notebook.kernel.name);
    log(`kernel ${report.kernel} connected after ${((Date.now() - started) / 1000).toFixed(1)} s; clearing outputs and running all cells`);

    const before = await page.evaluate(() => {
      Jupyter.notebook.set_autosave_interval(0);
      Jupyter.notebook.clear_all_output();
      const n = document.querySelectorAll('.output_area svg, .output_area img').length;
      Jupyter.notebook.execute_all_cells();
      return n;
    });
    if (before !== 0) {
      throw new Error(`${before} figure(s) were still on the page after clearing the outputs`);
    }

    // Done when a figure is drawn and no code cell is queued or running.
    await page.waitForFunction(() => {
      const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
      const busy = cells.some((c) => c.input_prompt_number === '*' || c.element[0].classList.contains('running'));
      const figure = document.querySelector('.output_area svg, .output_area img');
      const failed = document.querySelector('.output_area .output_error');
      return (figure && !busy) || (failed && !busy);
    }, null, { timeout: left(), polling: 500 }).catch((e) => {
      throw new Error(`no figure appeared within ${opts.timeout} s of opening the page (${e.message.split('\n')[0]})`);
    });

    Object.assign(report, await page.evaluate(() => {
      const figs = Array.from(document.querySelectorAll('.output_area svg, .output_area img'));
      const texts = [];
      for (const f of figs) {
        for (const t of f.querySelectorAll('text')) {
          if (t.textContent.trim()) texts.push(t.textContent.trim());
        }
      }
      const boxes = figs.map((f) => { const r = f.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; });
      const errors = Array.from(document.querySelectorAll('.output_area .output_error')).map((e) => e.innerText.slice(0, 400));
      const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
      return {
        figures: figs.length,
        figureKinds: figs.map((f) => f.tagName.toLowerCase()),
        figureBoxes: boxes,
        figureTexts: texts.slice(0, 12),
        errors,
        cells: cells.length,
        prompts: cells.map((c) => c.input_prompt_number),
      };
    }));

    const fig = page.locator('.output_area svg, .output_area img').first();
    if (await fig.count()) {
      await fig.scrollIntoViewIfNeeded({ timeout: 10000 }).catch(() => {});
      await page.evaluate(() => {
        const f = document.querySelector('.output_area svg, .output_area img');
        if (f) f.scrollIntoView({ block: 'center' });
      });
      await page.waitForTimeout(300);
    }
    fs.mkdirSync(path.dirname(opts.screenshot), { recursive: true });
    await page.screenshot({ path: opts.screenshot });
    report.ok = report.figures > 0 && report.errors.length === 0;
  } catch (e) {
    report.failure = e.message;
    if (page) {
      try {
        fs.mkdirSync(path.dirname(opts.screenshot), { recursive: true });
        await page.screenshot({ path: opts.screenshot });
      } catch (_) { /* the page may be gone */ }
    }
  } finally {
    report.seconds = Math.round((Date.now() - started) / 100) / 10;
    await context.close().catch(() => {});
  }
  console.log(JSON.stringify(report));
  process.exit(report.ok ? 0 : 1);
}

main().catch((e) => {
  console.error(`run_notebook: ${e && e.stack ? e.stack : e}`);
  console.log(JSON.stringify({ ok: false, failure: String(e && e.message ? e.message : e) }));
  process.exit(1);
});
