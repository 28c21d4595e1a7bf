// Package browsertest runs FactorLab notebooks the way people do: in a real
// Chromium, in JupyterLab 4 from the project's venv, with the real GoNB
// kernel.
//
// Each test starts jupyter-lab on 127.0.0.1 (a free port, a random token,
// private Jupyter folders) over a temporary workspace made by
// docker/workspace.sh (a copy of notebooks/, so the repository's notebooks are
// never modified), drives headless Debian chromium with playwright-core
// (lab.js) within a time limit, saves a screenshot under build/browsertest/,
// and stops the server, its kernels and the browser even when it fails:
//
//   - TestWelcomeNotebookInBrowser: 00_welcome.ipynb, untrusted as a fresh
//     clone has it: Run All; every cell finishes, none fails, every figure is
//     a decoded image in the page (welcome.png).
//   - TestStudentLabInBrowser: a student types a wrong answer into a lab stub
//     and runs it and its check (✗ with a hint), then the right one (✓)
//     (student-wrong.png, student.png). The lab and the answers are in the
//     studentLab table.
//   - TestLiveTrainingViewInBrowser: notebook 01's live training view shows
//     at least two different frames while it runs, and its final frame is
//     still there after save and reload (live-before-reload.png, live.png).
//   - TestMakeLab: `make lab` itself (no browser): the address it prints
//     after "lab: ready" answers at once with JupyterLab's page, the
//     notebooks and the venv's gonb kernel are served, and Ctrl-C stops it.
//
// Needs what scripts/setup.sh installs (.venv, the gonb kernel, chromium,
// node and `npm ci` here); a missing piece fails the test with that command.
// Only -short skips them.
package browsertest
