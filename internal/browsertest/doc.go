// Package browsertest runs a FactorLab notebook the way a person does: in a
// real Chromium, through a local Jupyter server, with the real GoNB kernel.
//
// TestWelcomeNotebookInBrowser starts Debian's jupyter-notebook on 127.0.0.1
// (a free port, a random token) over a temporary workspace made by
// docker/workspace.sh (the same layout the docker image gives each student),
// opens notebooks/00_welcome.ipynb in headless Chromium driven by
// playwright-core (run_notebook.js), clears the committed outputs, runs all
// cells and asserts that an SVG figure is drawn. The screenshot is written to
// build/browsertest/welcome.png.
//
// Needs: /usr/bin/chromium (apt-get install -y chromium), node and
// `npm ci` in this folder, jupyter-notebook, and the Go tools of
// scripts/setup.sh. A missing one fails the test with the command to run;
// only -short skips it.
package browsertest
