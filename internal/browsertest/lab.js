// lab.js drives a real Chromium through JupyterLab 4 for browser_test.go.
// Each scenario opens a notebook, acts as a person would, and prints a JSON
// report as its last line; browser_test.go judges the report.
//
//   node lab.js --scenario welcome|student|live --base http://127.0.0.1:PORT --token T
//        --notebook PATH --screenshot FILE --user-data-dir DIR --timeout SECONDS
//        [--chromium /usr/bin/chromium] [--spec JSON]
//
// The server must run with --LabApp.expose_app_in_browser=True, so that the
// page's window.jupyterapp gives access to JupyterLab's commands and models
// (the way JupyterLab's own UI tests observe the page).
//
// Scenarios:
//   welcome  the notebook is untrusted; clear outputs, Run All, wait until
//            every code cell has an execution count and the kernel is idle;
//            report errors and, per cell, the image outputs in the model and
//            the <img> elements actually decoded in the page.
//   student  run the notebook, then in the stub cell (found by --spec's stub
//            text) type a wrong answer, Shift+Enter it and its check cell,
//            read the verdict; then the same with the right answer.
//   live     run the cells up to the live cell (found by --spec's live text),
//            record every frame the live figure shows while it runs, save,
//            reload the page and report the figure shown after the reload.
//
// Exit code 0 when the scenario ran to its end (the report says what was
// seen), 1 when it could not (report.failure says why), 2 for bad arguments.
'use strict';

const fs = require('fs');
const path = require('path');

let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  console.error('lab.js: playwright-core is not installed: run scripts/setup.sh (npm ci in internal/browsertest)');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { timeout: 300, chromium: process.env.FACTORLAB_CHROMIUM || '/usr/bin/chromium', spec: '{}' };
  const names = {
    '--scenario': 'scenario', '--base': 'base', '--token': 'token', '--notebook': 'notebook',
    '--screenshot': 'screenshot', '--user-data-dir': 'userDataDir', '--timeout': 'timeout',
    '--chromium': 'chromium', '--spec': 'spec',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = names[argv[i]];
    if (!key || i + 1 >= argv.length) {
      console.error(`lab.js: bad argument ${argv[i]}`);
      process.exit(2);
    }
    o[key] = key === 'timeout' ? Number(argv[i + 1]) : argv[i + 1];
  }
  for (const k of ['scenario', 'base', 'token', 'notebook', 'screenshot', 'userDataDir']) {
    if (!o[k]) {
      console.error(`lab.js: missing --${k}`);
      process.exit(2);
    }
  }
  if (!(o.timeout > 0)) {
    console.error('lab.js: --timeout must be a positive number of seconds');
    process.exit(2);
  }
  o.spec = JSON.parse(o.spec);
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const started = Date.now();
const deadline = started + opts.timeout * 1000;
const left = () => Math.max(1000, deadline - Date.now());
const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`lab.js: [${since()}] ${msg}`);

function notebookURL() {
  const p = opts.notebook.split('/').map(encodeURIComponent).join('/');
  return `${opts.base}/lab/tree/${p}?token=${opts.token}`;
}

// openNotebook loads JupyterLab on the notebook and waits until its kernel is idle.
async function openNotebook(page) {
  const resp = await page.goto(notebookURL(), { waitUntil: 'domcontentloaded', timeout: left() });
  if (!resp || !resp.ok()) {
    throw new Error(`the server answered ${resp ? resp.status() : 'nothing'} for ${notebookURL().replace(/token=.*/, 'token=…')}`);
  }
  await page.waitForFunction(() => window.jupyterapp !== undefined, null, { timeout: Math.min(left(), 120000) })
    .catch(() => { throw new Error('JupyterLab did not start in the page within 120 s (window.jupyterapp missing: is expose_app_in_browser on?)'); });
  await page.waitForFunction((want) => {
    const w = window.jupyterapp.shell.currentWidget;
    if (!w || !w.context || w.context.path !== want || !w.context.isReady) return false;
    const s = w.sessionContext;
    return !!(s && s.session && s.session.kernel && s.session.kernel.connectionStatus === 'connected');
  }, opts.notebook, { timeout: Math.min(left(), 120000), polling: 250 }).catch(async () => {
    const status = await page.evaluate(() => {
      const w = window.jupyterapp.shell.currentWidget;
      return w && w.sessionContext ? `${w.context && w.context.path}, kernel ${w.sessionContext.kernelDisplayName}: ${w.sessionContext.kernelDisplayStatus}` : 'no notebook open';
    }).catch(() => 'page gone');
    throw new Error(`the notebook's kernel did not connect within 120 s of opening it (${status}): does the gonb kernel start?`);
  });
  // The kernel answers kernel_info once it is ready.
  const info = await Promise.race([
    page.evaluate(async () => { const i = await window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.info; return i.implementation || i.language_info.name; }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('the gonb kernel did not answer kernel_info within 120 s')), Math.min(left(), 120000))),
  ]);
  log(`kernel ready (${info})`);
  return page.evaluate(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.name);
}

// state describes the open notebook: per code cell its execution count,
// prompt, errors, image outputs in the model and images decoded in the page.
async function state(page) {
  return page.evaluate(() => {
    const w = window.jupyterapp.shell.currentWidget;
    const cells = [];
    w.content.widgets.forEach((cell, index) => {
      if (cell.model.type !== 'code') return;
      const outputs = cell.model.outputs.toJSON();
      const errors = outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`.slice(0, 300));
      const modelImages = outputs.filter((o) => o.data && Object.keys(o.data).some((k) => k.startsWith('image/'))).length;
      const imgs = Array.from(cell.outputArea.node.querySelectorAll('img'));
      const shown = imgs.filter((i) => i.complete && i.naturalWidth > 0).map((i) => {
        const r = i.getBoundingClientRect();
        return { kind: i.src.startsWith('data:image/svg+xml') ? 'svg' : (i.src.startsWith('data:image/png') ? 'png' : i.src.slice(0, 20)), width: Math.round(r.width), height: Math.round(r.height) };
      });
      const prompt = cell.node.querySelector('.jp-InputPrompt');
      cells.push({
        index: index + 1,
        count: cell.model.executionCount,
        prompt: prompt ? prompt.textContent.trim() : '',
        trusted: cell.model.trusted,
        errors,
        modelImages,
        shown,
        untrusted: cell.outputArea.node.innerText.includes('untrusted'),
        text: cell.outputArea.node.innerText.slice(0, 2000),
      });
    });
    return { cells, kernel: w.sessionContext.kernelDisplayStatus, dirty: w.context.model.dirty };
  });
}

// settled waits until the kernel is idle and no code cell in first..last
// (1-based notebook positions) is queued or running.
async function settled(page, first, last, what) {
  await page.waitForFunction(([a, b]) => {
    const w = window.jupyterapp.shell.currentWidget;
    // GoNB reports busy/idle around executions; before the first one the status is 'unknown'.
    if (!['idle', 'unknown'].includes(w.sessionContext.kernelDisplayStatus)) return false;
    return w.content.widgets.every((cell, i) => {
      if (cell.model.type !== 'code' || i + 1 < a || i + 1 > b) return true;
      const p = cell.node.querySelector('.jp-InputPrompt');
      return cell.model.executionCount !== null && !(p && p.textContent.includes('*'));
    });
  }, [first, last], { timeout: left(), polling: 500 }).catch(async (e) => {
    const s = await state(page).catch(() => null);
    const busy = s ? s.cells.filter((c) => c.index >= first && c.index <= last && (c.count === null || c.prompt.includes('*'))).map((c) => `${c.index} ${c.prompt}`) : [];
    throw new Error(`${what}: not finished within ${opts.timeout} s of opening the page (cells still queued or running: ${busy.join(', ') || 'none'}; kernel ${s && s.kernel}) — ${e.message.split('\n')[0]}`);
  });
}

async function command(page, id, args) {
  return page.evaluate(([c, a]) => window.jupyterapp.commands.execute(c, a), [id, args || {}]);
}

// cellIndex returns the 1-based position of the first cell whose source contains text.
async function cellIndex(page, text) {
  const i = await page.evaluate((t) => window.jupyterapp.shell.currentWidget.content.widgets.findIndex((c) => c.model.sharedModel.getSource().includes(t)), text);
  if (i < 0) throw new Error(`no cell of ${opts.notebook} contains ${JSON.stringify(text)}`);
  return i + 1;
}

async function activate(page, index) {
  await page.evaluate((i) => {
    const nb = window.jupyterapp.shell.currentWidget.content;
    nb.activeCellIndex = i - 1;
    nb.mode = 'command';
    nb.activeCell.node.scrollIntoView({ block: 'center' });
  }, index);
}

// show scrolls cell index into the middle of the view. JupyterLab 4 lays
// out only the cells near the view, so a cell must be shown before its
// figure has a size.
async function show(page, index) {
  await page.evaluate(async (i) => {
    const nb = window.jupyterapp.shell.currentWidget.content;
    if (nb.scrollToItem) await nb.scrollToItem(i - 1, 'center').catch(() => {});
    const cell = nb.widgets[i - 1];
    (cell.outputArea.node.querySelector('img') || cell.node).scrollIntoView({ block: 'center' });
  }, index).catch(() => {});
  await page.waitForTimeout(500);
}

async function screenshot(page, selectorIndex) {
  if (selectorIndex) await show(page, selectorIndex);
  fs.mkdirSync(path.dirname(opts.screenshot), { recursive: true });
  await page.screenshot({ path: opts.screenshot });
}

// --- scenarios ------------------------------------------------------------------

async function welcome(page, report) {
  const before = await state(page);
  report.trustedAtOpen = before.cells.filter((c) => c.trusted).map((c) => c.index);
  report.untrustedNotice = before.cells.some((c) => c.untrusted);
  log(`opened untrusted: ${report.trustedAtOpen.length === 0}; clearing outputs and running all cells`);
  await command(page, 'notebook:clear-all-cell-outputs');
  const cleared = await state(page);
  report.imagesAfterClear = cleared.cells.reduce((n, c) => n + c.shown.length, 0);
  const run = command(page, 'notebook:run-all-cells');
  const last = cleared.cells.length ? cleared.cells[cleared.cells.length - 1].index : 0;
  await settled(page, 1, last, 'Run All');
  await run;
  // Images decode asynchronously: give the last ones a moment.
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.jp-OutputArea-output img')).every((i) => i.complete), null, { timeout: 15000 }).catch(() => {});
  report.cells = (await state(page)).cells;
  const firstFigure = report.cells.find((c) => c.shown.length > 0);
  await screenshot(page, firstFigure ? firstFigure.index : 0);
}

// typeInto replaces the source of cell index by typing, as a person would:
// enter the editor, select everything, insert the text.
async function typeInto(page, index, text) {
  await activate(page, index);
  await page.evaluate((i) => { window.jupyterapp.shell.currentWidget.content.widgets[i - 1].editor.focus(); }, index);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  const got = await page.evaluate((i) => window.jupyterapp.shell.currentWidget.content.widgets[i - 1].model.sharedModel.getSource(), index);
  if (got !== text) throw new Error(`typing into cell ${index} left ${JSON.stringify(got)}, not the typed text`);
}

// answer types src into the stub, runs it and its check with Shift+Enter,
// and returns the check cell's output text.
async function answer(page, stub, check, src, want, what) {
  await typeInto(page, stub, src);
  await page.keyboard.press('Shift+Enter'); // runs the stub, moves to the next cell
  const active = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.activeCellIndex + 1);
  if (active !== check) await activate(page, check);
  await page.keyboard.press('Shift+Enter'); // runs the check
  await settled(page, stub, check, what);
  await page.waitForFunction(([i, w]) => window.jupyterapp.shell.currentWidget.content.widgets[i - 1].outputArea.node.innerText.includes(w), [check, want], { timeout: 15000 }).catch(() => {});
  const s = await state(page);
  const c = s.cells.find((x) => x.index === check);
  const st = s.cells.find((x) => x.index === stub);
  return { text: c.text, errors: [...st.errors, ...c.errors] };
}

async function student(page, report) {
  const spec = opts.spec;
  const stub = await cellIndex(page, spec.stub);
  const check = await cellIndex(page, spec.check);
  report.stubCell = stub;
  report.checkCell = check;
  log(`running the notebook, then answering in cell ${stub} and checking in cell ${check}`);
  const run = command(page, 'notebook:run-all-cells');
  const s0 = await state(page);
  await settled(page, 1, s0.cells[s0.cells.length - 1].index, 'Run All');
  await run;
  report.before = (await state(page)).cells.find((c) => c.index === check).text;
  log('typing the wrong answer');
  report.wrong = await answer(page, stub, check, spec.wrong, spec.wrongVerdict, 'the wrong answer');
  await screenshot(page, check);
  fs.copyFileSync(opts.screenshot, opts.screenshot.replace(/\.png$/, '-wrong.png'));
  log('typing the right answer');
  report.right = await answer(page, stub, check, spec.right, spec.rightVerdict, 'the right answer');
  await screenshot(page, check);
}

async function live(page, report) {
  const spec = opts.spec;
  const cell = await cellIndex(page, spec.live);
  report.liveCell = cell;
  // Record every frame the cell's output shows, from the page itself: a
  // MutationObserver sees each replacement of the figure.
  await page.evaluate((i) => {
    const area = window.jupyterapp.shell.currentWidget.content.widgets[i - 1].outputArea.node;
    window.__frames = [];
    const record = () => {
      for (const img of area.querySelectorAll('img')) {
        const src = img.src;
        const last = window.__frames[window.__frames.length - 1];
        if (!last || last.src !== src) window.__frames.push({ src, t: performance.now() });
      }
    };
    new MutationObserver(record).observe(area, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
  }, cell);
  log(`running cells 1–${cell - 1}, then the live cell ${cell}`);
  await command(page, 'notebook:clear-all-cell-outputs');
  await activate(page, cell);
  const above = command(page, 'notebook:run-all-above');
  await settled(page, 1, cell - 1, 'the cells above the live cell');
  await above;
  await page.evaluate(() => { window.__frames = []; });
  await activate(page, cell);
  const run = command(page, 'notebook:run-cell');
  await settled(page, cell, cell, 'the live cell');
  await run;
  const during = await page.evaluate(() => window.__frames.map((f) => ({ src: f.src, t: f.t })));
  const title = (src) => {
    if (!src.startsWith('data:image/svg+xml,')) return src.slice(0, 30);
    const svg = decodeURIComponent(src.slice('data:image/svg+xml,'.length));
    const m = svg.match(new RegExp(`>(${spec.titlePrefix}[^<]*)<`));
    return m ? m[1] : '(no title)';
  };
  report.frames = during.map((f) => title(f.src));
  report.distinctFrames = new Set(during.map((f) => f.src)).size;
  report.runState = (await state(page)).cells.find((c) => c.index === cell);
  await screenshot(page, cell);
  fs.copyFileSync(opts.screenshot, opts.screenshot.replace(/\.png$/, '-before-reload.png'));

  log(`saw ${report.distinctFrames} distinct frame(s); saving and reloading`);
  await command(page, 'docmanager:save');
  await page.waitForFunction(() => !window.jupyterapp.shell.currentWidget.context.model.dirty, null, { timeout: 30000 })
    .catch(() => { throw new Error('the notebook was still unsaved 30 s after docmanager:save'); });
  await page.reload({ waitUntil: 'domcontentloaded', timeout: left() });
  await openNotebook(page);
  await page.waitForFunction((i) => {
    const c = window.jupyterapp.shell.currentWidget.content.widgets[i - 1];
    return Array.from(c.outputArea.node.querySelectorAll('img')).some((img) => img.complete && img.naturalWidth > 0);
  }, cell, { timeout: 30000, polling: 250 }).catch(() => {});
  await show(page, cell);
  report.reloaded = (await state(page)).cells.find((c) => c.index === cell);
  await screenshot(page, cell);
}

async function main() {
  if (!fs.existsSync(opts.chromium)) {
    console.error(`lab.js: no Chromium at ${opts.chromium} (run scripts/setup.sh: apt-get install -y chromium)`);
    process.exit(2);
  }
  const scenarios = { welcome, student, live };
  const scenario = scenarios[opts.scenario];
  if (!scenario) {
    console.error(`lab.js: unknown scenario ${opts.scenario} (welcome, student, live)`);
    process.exit(2);
  }
  const report = { scenario: opts.scenario, done: false, failure: '', kernel: '', pageErrors: [], seconds: 0 };
  const context = await chromium.launchPersistentContext(opts.userDataDir, {
    executablePath: opts.chromium,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  let page;
  try {
    page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(60000);
    page.on('pageerror', (err) => { report.pageErrors.push(err.message.slice(0, 300)); });
    page.on('dialog', (d) => { log(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
    log(`opening ${opts.notebook}`);
    report.kernel = await openNotebook(page);
    log(`kernel ${report.kernel} idle`);
    await scenario(page, report);
    report.done = true;
  } catch (e) {
    report.failure = e.message;
    if (page) await screenshot(page, 0).catch(() => {});
  } finally {
    report.seconds = Math.round((Date.now() - started) / 100) / 10;
    await context.close().catch(() => {});
  }
  console.log(JSON.stringify(report));
  process.exit(report.done ? 0 : 1);
}

main().catch((e) => {
  console.log(JSON.stringify({ done: false, failure: String(e && e.stack ? e.stack : e) }));
  process.exit(1);
});
