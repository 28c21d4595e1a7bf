package hubtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/factorlab/factorlab/internal/nbtest"
)

// The notebooks every student runs, relative to the repository (and to the
// student's ~/factorlab). The lab is named once here: labStudent is what a
// student opens, labSolution the teacher's copy the test takes answers from.
const (
	notebook01  = "notebooks/en/01_matrix_factorization.ipynb"
	labStudent  = "notebooks/labs/en/release/L2_eigenpairs/L2_eigenpairs.ipynb"
	labSolution = "notebooks/labs/en/source/L2_eigenpairs/L2_eigenpairs.ipynb"
)

// labWrong is the wrong answer one student hands in: the first task with a
// sign slip (the trace enters p with +). It must earn ✗ for that task.
var labWrong = struct{ funcLine, source, verdict string }{
	funcLine: "func CharPoly(",
	source: "// CharPoly returns p and q with det(A − λI) = λ² + pλ + q for a 2×2 matrix A.\n" +
		"func CharPoly(a *mat.Dense) (p, q float64) {\n" +
		"\treturn a.At(0, 0) + a.At(1, 1), a.At(0, 0)*a.At(1, 1) - a.At(0, 1)*a.At(1, 0)\n" +
		"}\n",
	verdict: "✗ L2.1 ",
}

var labVerdicts = []string{"✓ L2.1 ", "✓ L2.2 ", "✓ L2.3 "}

// What notebook 01 must print (from internal/nbtest's expectations).
var nb01Texts = []string{"Reconstructed Matrix A from W and H:\ntensor([[5.0000, 3.0000],"}
var nb01Numbers = []nbtest.Number{nbtest.Below(`Iteration 5000, loss: (\S+)`, 1e-10)}

const (
	defaultStudents = 3 // make test; bench/hub/run.sh runs 6
	killAtCell      = 4 // the code cell after which a kernel or server is killed
	loopInterrupt   = 3 * time.Second
)

// stats are one student's measured figures.
type stats struct {
	name           string
	spawn          time.Duration // POST server → ready
	firstOutput    time.Duration // opening notebook 01 → first output
	latencies      []time.Duration
	total          time.Duration // login → both notebooks done
	peakRSS        int64
	cpu            float64 // CPU seconds of server, kernel, builds
	cells          int
	faults         []string
	interruptAfter time.Duration // infinite loop: interrupt → reply
}

type student struct {
	*Client
	idx     int
	uid     int
	home    string
	st      stats
	labKern string // kernel id of the lab, kept running
	saved   map[string]Notebook
	mu      sync.Mutex
}

func TestClass(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a class on a local JupyterHub with the real GoNB kernel; skipped with -short")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	n := defaultStudents
	if v := os.Getenv("FACTORLAB_HUB_STUDENTS"); v != "" {
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			t.Fatalf("FACTORLAB_HUB_STUDENTS=%q: want a positive number", v)
		}
	}
	warm := os.Getenv("FACTORLAB_HUB_GOCACHE") != "cold"
	jupyterhub, proxy := requireTools(t, root)
	isRoot := os.Getuid() == 0
	if !isRoot {
		t.Logf("NOT ROOT: every student runs as %s (SimpleLocalProcessSpawner); the isolation assertions are LEFT OUT", currentUser())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 75*time.Minute)
	defer cancel()

	// What students share, read-only.
	sharedDir := os.Getenv("FACTORLAB_HUB_SHARED")
	if sharedDir == "" {
		sharedDir = filepath.Join(os.TempDir(), "factorlab-hub-shared")
		if isRoot {
			sharedDir = "/var/tmp/factorlab-hub-shared"
		}
	}
	setup := time.Now()
	shared, err := PrepareShared(root, sharedDir)
	if err != nil {
		t.Fatalf("preparing the shared folder %s: %v", sharedDir, err)
	}
	t.Cleanup(shared.Close)
	t.Logf("shared folder %s ready in %.1fs (caches filled in %.1fs)", sharedDir, time.Since(setup).Seconds(), shared.WarmSeconds)

	// The class folder: the hub's state, the students' homes.
	classDir, err := os.MkdirTemp("", "factorlab-class-")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(classDir, 0o755)
	t.Cleanup(func() { os.RemoveAll(classDir) })
	state := filepath.Join(classDir, "hub")
	homes := filepath.Join(classDir, "homes")
	for _, d := range []string{state, homes} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.Chmod(state, 0o700)

	tag := randomHex(3)
	password := randomHex(8)
	students := make([]*student, n)
	var names []string
	for i := range students {
		s := &student{idx: i, saved: map[string]Notebook{}}
		s.Client = &Client{Name: fmt.Sprintf("fl%s-s%d", tag, i+1), Password: password}
		s.st.name = s.Name
		if isRoot {
			s.uid, s.home = createUser(t, s.Name, homes)
		} else {
			s.home = filepath.Join(state, "homes", s.Name)
		}
		students[i] = s
		names = append(names, s.Name)
	}

	startCtx, startCancel := context.WithTimeout(ctx, 3*time.Minute)
	hub, err := StartHub(startCtx, HubConfig{
		JupyterHub: jupyterhub, Proxy: proxy, ConfigFile: filepath.Join(root, "internal", "hubtest", "jupyterhub_config.py"),
		State: state, Students: names, Password: password, Shared: shared, OneOSUser: !isRoot, WarmCache: warm,
	}, randomHex(16))
	startCancel()
	if hub != nil {
		// Runs before the users are removed (cleanups run last-in first-out).
		t.Cleanup(func() {
			hub.Close()
			if t.Failed() {
				t.Logf("hub log (tail):\n%s", hub.LogTail(60))
			}
		})
	}
	if err != nil {
		t.Fatal(err)
	}
	if !isRoot { // no OS users to remove: stop what the servers left
		t.Cleanup(func() {
			for _, s := range students {
				if pid, err := hub.ServerPid(context.Background(), s.Name); err == nil {
					killTree(pid)
				}
			}
		})
	}
	for _, s := range students {
		s.Hub = hub
	}
	t.Logf("jupyterhub %s up at %s; %d students; Go build cache: %s; load %s",
		version(jupyterhub), hub.URL, n, cacheMode(warm), LoadAvg())

	// Memory: sample every student's process tree and the hub's.
	var hubPeak int64
	stopSampling := make(chan struct{})
	var sampling sync.WaitGroup
	sampling.Add(1)
	go func() {
		defer sampling.Done()
		for {
			select {
			case <-stopSampling:
				return
			case <-time.After(300 * time.Millisecond):
			}
			hubPeak = max(hubPeak, hubRSS(hub.Pid()))
			for _, s := range students {
				if pid, err := hub.ServerPid(ctx, s.Name); err == nil {
					rss := treeRSS(Tree(pid))
					s.mu.Lock()
					s.st.peakRSS = max(s.st.peakRSS, rss)
					s.mu.Unlock()
				}
			}
		}
	}()

	// The class: everyone at once.
	loadBefore := LoadAvg()
	classStart := time.Now()
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i, s := range students {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.work(ctx, t, n)
		}()
	}
	wg.Wait()
	classWall := time.Since(classStart)
	loadAfter := LoadAvg()
	close(stopSampling)
	sampling.Wait()
	failed := false
	for i, err := range errs {
		if err != nil {
			t.Errorf("%s: %v", students[i].Name, err)
			failed = true
		}
	}
	if failed {
		t.FailNow()
	}

	// Isolation: one student can neither read nor change another's files.
	if isRoot && n >= 2 {
		checkIsolation(ctx, t, students[0], students[1])
	} else {
		t.Logf("isolation assertions LEFT OUT: %s", map[bool]string{true: "one student only", false: "not root, every student is the same OS user"}[isRoot])
	}

	// Restart the hub: servers, kernels and files come back.
	restartStart := time.Now()
	rctx, rcancel := context.WithTimeout(ctx, 5*time.Minute)
	if err := hub.Restart(rctx); err != nil {
		rcancel()
		t.Fatalf("restarting the hub: %v", err)
	}
	rcancel()
	hubRestart := time.Since(restartStart)
	for _, s := range students {
		if err := s.afterHubRestart(ctx); err != nil {
			t.Errorf("%s after the hub restart: %v", s.Name, err)
		}
	}
	t.Logf("hub restarted in %.1fs; every server, kernel and saved notebook came back", hubRestart.Seconds())

	// The report.
	r := report{students: students, wall: classWall, loadBefore: loadBefore, loadAfter: loadAfter,
		hubPeak: hubPeak, hubCPU: CPUSeconds(hub.Pid()), hubRestart: hubRestart, warm: warm, isRoot: isRoot,
		hubVersion: version(jupyterhub), hubLog: hub.LogTail(1 << 20)}
	table := r.String()
	t.Log("\n" + table)
	if path := os.Getenv("FACTORLAB_HUB_REPORT"); path != "" {
		if err := os.WriteFile(path, []byte(table), 0o644); err != nil {
			t.Error(err)
		}
	}
}

// work is one student's session: log in, start the server, run notebook 01
// (with a fault for some), then the lab, with answers handed in.
func (s *student) work(ctx context.Context, t *testing.T, n int) error {
	start := time.Now()
	if err := s.Login(ctx); err != nil {
		return err
	}
	spawnCtx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	err := s.StartServer(spawnCtx)
	cancel()
	if err != nil {
		return err
	}
	s.st.spawn = time.Since(start)

	// Faults: the second student's kernel is killed, the third student's
	// whole server (with fewer students, the same student gets both, one
	// after the other).
	var faults []string
	if n >= 2 && s.idx == 1%n || n == 1 {
		faults = append(faults, "kernel")
	}
	if s.idx == 2%n {
		faults = append(faults, "server")
	}
	if os.Getenv("FACTORLAB_HUB_FAULTS") == "off" { // bench/hub/run.sh --no-kill
		faults = nil
	}
	nb01 := "factorlab/" + notebook01
	for attempt := 0; ; attempt++ {
		fault := ""
		if attempt < len(faults) {
			fault = faults[attempt]
		}
		k, err := s.runNotebook(ctx, nb01, fault)
		if errors.Is(err, errFaulted) {
			if err := s.recover(ctx, t, nb01, fault); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		k.Close()
		break
	}
	if err := s.checkNotebook01(ctx, nb01); err != nil {
		return err
	}

	// The lab: answers handed in, one of them wrong.
	lab := "factorlab/" + labStudent
	nb, err := s.GetNotebook(ctx, lab)
	if err != nil {
		return err
	}
	if err := answer(nb, s.idx == 0); err != nil {
		return err
	}
	if err := s.SaveNotebook(ctx, lab, nb); err != nil {
		return err
	}
	k, err := s.runNotebook(ctx, lab, "")
	if err != nil {
		return err
	}
	defer k.Close()
	s.labKern = k.ID
	text := Text(allOutputs(s.saved[lab]))
	if s.idx == 0 {
		if !strings.Contains(text, labWrong.verdict) || strings.Contains(text, "not implemented") {
			return fmt.Errorf("the wrong answer did not earn %q (without \"not implemented\"):\n%s", labWrong.verdict, text)
		}
	} else {
		for _, v := range labVerdicts {
			if !strings.Contains(text, v) {
				return fmt.Errorf("the correct answers did not earn %q:\n%s", v, text)
			}
		}
		if strings.Contains(text, "✗") {
			return fmt.Errorf("a correct answer earned ✗:\n%s", text)
		}
	}

	// An infinite loop, stopped with the kernel interrupt.
	if s.idx == 0 {
		if err := s.interruptLoop(ctx, k); err != nil {
			return err
		}
	}
	s.st.total = time.Since(start)
	if pid, err := s.Hub.ServerPid(ctx, s.Name); err == nil {
		for _, p := range Tree(pid) {
			s.st.cpu += CPUSeconds(p)
		}
	}
	return nil
}

var errFaulted = errors.New("fault injected")

// runNotebook opens a notebook, starts its kernel and runs every code cell
// in order, saving after each cell as a student pressing Run then Save does.
// With a fault, the kernel or the whole server is killed after code cell
// killAtCell has been saved, and errFaulted is returned.
func (s *student) runNotebook(ctx context.Context, path, fault string) (*Kernel, error) {
	opened := time.Now()
	nb, err := s.GetNotebook(ctx, path)
	if err != nil {
		return nil, err
	}
	k, err := s.OpenSession(ctx, path)
	if err != nil {
		return nil, err
	}
	code := 0
	for i, cell := range nb.Cells() {
		if cell["cell_type"] != "code" {
			continue
		}
		cctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
		res, err := k.Execute(cctx, Source(cell))
		cancel()
		if err != nil {
			k.Close()
			return nil, fmt.Errorf("%s cell %d: %v", path, i+1, err)
		}
		// The first output of the student's first attempt (a restart after a
		// fault finds a warmer build cache).
		if s.st.firstOutput == 0 && res.FirstOutput > 0 {
			s.st.firstOutput = time.Since(opened) - res.Latency + res.FirstOutput
		}
		cell["outputs"] = res.Outputs
		cell["execution_count"] = res.ExecutionCount
		if res.Status != "ok" {
			k.Close()
			return nil, fmt.Errorf("%s cell %d finished with status %q (%s):\n%s", path, i+1, res.Status, res.Error, Text(res.Outputs))
		}
		s.st.latencies = append(s.st.latencies, res.Latency)
		s.st.cells++
		if err := s.SaveNotebook(ctx, path, nb); err != nil {
			k.Close()
			return nil, err
		}
		s.saved[path] = clone(nb)
		code++
		if fault != "" && code == killAtCell {
			if err := s.inject(ctx, k, fault); err != nil {
				return nil, err
			}
			k.Close()
			return nil, errFaulted
		}
	}
	return k, nil
}

// inject kills the student's kernel, or their whole server, with SIGKILL.
func (s *student) inject(ctx context.Context, k *Kernel, fault string) error {
	pid, err := s.Hub.ServerPid(ctx, s.Name)
	if err != nil {
		return err
	}
	tree := Tree(pid)
	var victims []int
	switch fault {
	case "kernel":
		for _, p := range tree {
			if cmd := Cmdline(p); strings.Contains(cmd, "gonb") && strings.Contains(cmd, "--kernel") {
				victims = append(victims, p)
			}
		}
	case "server":
		victims = tree
	}
	if len(victims) == 0 {
		return fmt.Errorf("fault %q: no process to kill under server pid %d", fault, pid)
	}
	for _, p := range victims {
		syscall.Kill(p, syscall.SIGKILL)
	}
	s.st.faults = append(s.st.faults, fault)
	return nil
}

// recover is what the student does after the fault: restart the kernel, or
// start the server again, and find the last saved notebook intact.
func (s *student) recover(ctx context.Context, t *testing.T, path, fault string) error {
	if fault == "server" {
		// Wait until the hub has noticed the server is gone, then start it.
		deadline := time.Now().Add(2 * time.Minute)
		for s.serverReady(ctx) && time.Now().Before(deadline) {
			time.Sleep(time.Second)
		}
		sctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
		err := s.StartServer(sctx)
		cancel()
		if err != nil {
			return fmt.Errorf("starting the server again after it was killed: %v", err)
		}
	}
	got, err := s.GetNotebook(ctx, path)
	if err != nil {
		return fmt.Errorf("after the %s was killed: %v", fault, err)
	}
	if err := sameCells(got, s.saved[path]); err != nil {
		return fmt.Errorf("after the %s was killed, the saved notebook is not what was saved last: %v", fault, err)
	}
	t.Logf("%s: %s killed after code cell %d; the saved notebook is intact; running it again", s.Name, fault, killAtCell)
	return nil
}

func (s *student) checkNotebook01(ctx context.Context, path string) error {
	nb, err := s.GetNotebook(ctx, path)
	if err != nil {
		return err
	}
	if err := sameCells(nb, s.saved[path]); err != nil {
		return fmt.Errorf("%s: saved notebook differs from what was saved: %v", path, err)
	}
	for i, c := range nb.Cells() {
		outs, _ := c["outputs"].([]any)
		for _, o := range outs {
			if m, _ := o.(map[string]any); m["output_type"] == "error" {
				return fmt.Errorf("%s cell %d shows an error: %v: %v", path, i+1, m["ename"], m["evalue"])
			}
		}
		if c["cell_type"] == "code" && c["execution_count"] == nil {
			return fmt.Errorf("%s cell %d was not run", path, i+1)
		}
	}
	text := Text(allOutputs(nb))
	for _, want := range nb01Texts {
		if !strings.Contains(text, want) {
			return fmt.Errorf("%s does not show %q", path, want)
		}
	}
	for _, num := range nb01Numbers {
		if err := num.Check(text); err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
	}
	return nil
}

// interruptLoop runs a cell that never ends and stops it with the interrupt.
func (s *student) interruptLoop(ctx context.Context, k *Kernel) error {
	type done struct {
		res *Result
		err error
	}
	ch := make(chan done, 1)
	looping := make(chan struct{})
	go func() {
		res, err := k.ExecuteNotify(ctx, "%%\nfmt.Println(\"looping\")\nfor {\n}\n", looping)
		ch <- done{res, err}
	}()
	// Let it build and print, spin a little, then press ■.
	select {
	case <-looping:
	case d := <-ch:
		return fmt.Errorf("the infinite loop ended by itself: %v", d.err)
	case <-time.After(5 * time.Minute):
		return fmt.Errorf("the infinite loop never printed that it started")
	}
	time.Sleep(loopInterrupt)
	interrupted := time.Now()
	if err := k.Interrupt(ctx); err != nil {
		return err
	}
	select {
	case d := <-ch:
		if d.err != nil {
			return fmt.Errorf("the interrupted cell: %v", d.err)
		}
		s.st.interruptAfter = time.Since(interrupted)
	case <-time.After(2 * time.Minute):
		return fmt.Errorf("the kernel interrupt did not stop an infinite loop within 2 minutes")
	}
	res, err := k.Execute(ctx, "%%\nfmt.Println(\"alive after the interrupt\")\n")
	if err != nil {
		return err
	}
	if !strings.Contains(Text(res.Outputs), "alive after the interrupt") {
		return fmt.Errorf("after the interrupt the kernel printed %q", Text(res.Outputs))
	}
	s.st.faults = append(s.st.faults, "loop")
	return nil
}

// afterHubRestart checks the student's server, lab kernel and notebooks.
func (s *student) afterHubRestart(ctx context.Context) error {
	rctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if !s.serverReady(rctx) {
		return fmt.Errorf("the server is not ready")
	}
	k, err := s.Connect(rctx, s.labKern)
	if err != nil {
		return err
	}
	defer k.Close()
	res, err := k.Execute(rctx, "%%\nfmt.Println(\"after the hub restart\")\n")
	if err != nil {
		return fmt.Errorf("the lab's kernel: %v", err)
	}
	if !strings.Contains(Text(res.Outputs), "after the hub restart") {
		return fmt.Errorf("the lab's kernel printed %q", Text(res.Outputs))
	}
	for path, want := range s.saved {
		got, err := s.GetNotebook(rctx, path)
		if err != nil {
			return err
		}
		if err := sameCells(got, want); err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
	}
	return nil
}

// checkIsolation: a cannot reach b's server, nor read or write b's files.
func checkIsolation(ctx context.Context, t *testing.T, a, b *student) {
	if st, err := os.Stat(b.home); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("isolation: %s's home %s should be mode 0700 (%v)", b.Name, b.home, err)
	}
	status, err := a.ServerAPI(ctx, b.Name, "GET", "/contents/factorlab/"+notebook01, nil, nil)
	if err == nil || status != 403 {
		t.Errorf("isolation: %s's token on %s's server answered %d (%v), want 403", a.Name, b.Name, status, err)
	}
	k, err := a.Connect(ctx, a.labKern)
	if err != nil {
		t.Errorf("isolation: %v", err)
		return
	}
	defer k.Close()
	victim := filepath.Join(b.home, "factorlab", notebook01)
	code := fmt.Sprintf("!cat %q > /dev/null && echo READ-ALLOWED || echo READ-DENIED; touch %q && echo WRITE-ALLOWED || echo WRITE-DENIED",
		victim, filepath.Join(b.home, "factorlab", "notebooks", "intruder.txt"))
	res, err := k.Execute(ctx, code)
	if err != nil {
		t.Errorf("isolation: %v", err)
		return
	}
	out := Text(res.Outputs)
	if !strings.Contains(out, "READ-DENIED") || !strings.Contains(out, "WRITE-DENIED") {
		t.Errorf("isolation: from %s's kernel, %s's files are reachable:\n%s", a.Name, b.Name, out)
	} else {
		t.Logf("isolation: %s's kernel cannot read or write %s's files (%s)", a.Name, b.Name, strings.Join(strings.Fields(out), " "))
	}
}

// answer fills the lab's tasks with the teacher's solutions; wrong hands in
// labWrong for the first task.
func answer(nb Notebook, wrong bool) error {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	sol, err := nbtest.Parse(filepath.Join(root, labSolution), labSolution)
	if err != nil {
		return err
	}
	solutions := map[string]string{}
	for _, c := range sol.Cells {
		if c.Type == "code" && strings.Contains(c.Source, "BEGIN SOLUTION") {
			var keep []string
			for _, l := range strings.Split(c.Source, "\n") {
				if !strings.Contains(l, "BEGIN SOLUTION") && !strings.Contains(l, "END SOLUTION") {
					keep = append(keep, l)
				}
			}
			solutions[firstLine(c.Source)] = strings.Join(keep, "\n")
		}
	}
	answered := 0
	for _, c := range nb.Cells() {
		src := Source(c)
		if c["cell_type"] != "code" || !strings.Contains(src, "TODO") {
			continue
		}
		ans, ok := solutions[firstLine(src)]
		if !ok {
			return fmt.Errorf("%s: no solution cell starts with %q", labSolution, firstLine(src))
		}
		if wrong && strings.Contains(src, labWrong.funcLine) {
			ans = labWrong.source
		}
		SetSource(c, ans)
		answered++
	}
	if answered == 0 {
		return fmt.Errorf("%s has no task to answer", labStudent)
	}
	return nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

func allOutputs(nb Notebook) []map[string]any {
	var outs []map[string]any
	for _, c := range nb.Cells() {
		list, _ := c["outputs"].([]any)
		for _, o := range list {
			if m, ok := o.(map[string]any); ok {
				outs = append(outs, m)
			}
		}
		if list == nil {
			if typed, ok := c["outputs"].([]map[string]any); ok {
				outs = append(outs, typed...)
			}
		}
	}
	return outs
}

// sameCells compares two notebooks' cell sources and text outputs.
func sameCells(got, want Notebook) error {
	g, w := got.Cells(), want.Cells()
	if len(g) != len(w) {
		return fmt.Errorf("%d cells, want %d", len(g), len(w))
	}
	for i := range g {
		if Source(g[i]) != Source(w[i]) {
			return fmt.Errorf("cell %d's source differs", i+1)
		}
		gt, wt := Text(allOutputs(Notebook{"cells": []any{g[i]}})), Text(allOutputs(Notebook{"cells": []any{w[i]}}))
		if gt != wt {
			return fmt.Errorf("cell %d's output differs: %q, want %q", i+1, short(gt), short(wt))
		}
	}
	return nil
}

func short(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// clone deep-copies a notebook through JSON-like maps.
func clone(nb Notebook) Notebook {
	var cp func(v any) any
	cp = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			m := make(map[string]any, len(v))
			for k, x := range v {
				m[k] = cp(x)
			}
			return m
		case []any:
			l := make([]any, len(v))
			for i, x := range v {
				l[i] = cp(x)
			}
			return l
		case []map[string]any:
			l := make([]any, len(v))
			for i, x := range v {
				l[i] = cp(x)
			}
			return l
		}
		return v
	}
	return Notebook(cp(map[string]any(nb)).(map[string]any))
}

// requireTools finds jupyterhub and configurable-http-proxy, or fails the
// test with the commands that install them.
func requireTools(t *testing.T, root string) (jupyterhub, proxy string) {
	jupyterhub, proxy, err := findTools(root)
	if err != nil {
		t.Fatal(err)
	}
	return jupyterhub, proxy
}

// findTools looks for jupyterhub in root/.venv, then PATH, and for
// configurable-http-proxy in internal/hubtest/node_modules, then PATH.
func findTools(root string) (jupyterhub, proxy string, err error) {
	var missing []string
	jupyterhub = filepath.Join(root, ".venv", "bin", "jupyterhub")
	if _, err := os.Stat(jupyterhub); err != nil {
		if p, err := exec.LookPath("jupyterhub"); err == nil {
			jupyterhub = p
		} else {
			missing = append(missing, "jupyterhub (and jupyterhub-singleuser beside it): python3 -m venv .venv && .venv/bin/pip install --require-hashes -r scripts/requirements.txt")
		}
	}
	proxy = filepath.Join(root, "internal", "hubtest", "node_modules", ".bin", "configurable-http-proxy")
	if _, err := os.Stat(proxy); err != nil {
		if p, err := exec.LookPath("configurable-http-proxy"); err == nil {
			proxy = p
		} else {
			missing = append(missing, "configurable-http-proxy: (cd internal/hubtest && npm ci)")
		}
	}
	if len(missing) > 0 {
		return "", "", fmt.Errorf("the class test needs:\n  %s", strings.Join(missing, "\n  "))
	}
	return jupyterhub, proxy, nil
}

// TestMissingTools checks the message a machine without JupyterHub or the
// proxy gets: both install commands.
func TestMissingTools(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, _, err := findTools(t.TempDir())
	if err == nil {
		t.Fatal("findTools found jupyterhub and configurable-http-proxy in empty folders")
	}
	for _, want := range []string{"pip install --require-hashes -r scripts/requirements.txt", "cd internal/hubtest && npm ci"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the message does not say %q:\n%v", want, err)
		}
	}
}

// createUser adds an OS user with a 0700 home under base and removes it,
// with every process it still has, when the test ends.
func createUser(t *testing.T, name, base string) (uid int, home string) {
	home = filepath.Join(base, name)
	if out, err := exec.Command("useradd", "--create-home", "--home-dir", home, "--shell", "/bin/bash", "--user-group", name).CombinedOutput(); err != nil {
		t.Fatalf("useradd %s: %v: %s", name, err, out)
	}
	u, err := user.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	uid, _ = strconv.Atoi(u.Uid)
	t.Cleanup(func() {
		for try := 0; try < 20; try++ {
			pids := Processes(uid)
			if len(pids) == 0 {
				break
			}
			for _, p := range pids {
				syscall.Kill(p, syscall.SIGKILL)
			}
			time.Sleep(100 * time.Millisecond)
		}
		if out, err := exec.Command("userdel", "--remove", name).CombinedOutput(); err != nil {
			t.Errorf("userdel %s: %v: %s", name, err, out)
		}
	})
	if err := os.Chmod(home, 0o700); err != nil {
		t.Fatal(err)
	}
	return uid, home
}

func killTree(pid int) {
	for _, p := range Tree(pid) {
		syscall.Kill(p, syscall.SIGKILL)
	}
}

// hubRSS is the memory of the hub and its proxy, without the students'
// servers (which are the hub's children too).
func hubRSS(pid int) int64 {
	sum := RSS(pid)
	for _, p := range Tree(pid) {
		if strings.Contains(Cmdline(p), "configurable-http-proxy") {
			sum += RSS(p)
		}
	}
	return sum
}

func treeRSS(pids []int) int64 {
	var sum int64
	for _, p := range pids {
		sum += RSS(p)
	}
	return sum
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func currentUser() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return strconv.Itoa(os.Getuid())
}

func version(jupyterhub string) string {
	out, err := exec.Command(jupyterhub, "--version").Output()
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(string(out))
}

func cacheMode(warm bool) string {
	if warm {
		return "per-student, seeded from a warm shared copy"
	}
	return "per-student, cold"
}

// report formats the measured figures as the tables bench/hub prints.
type report struct {
	students              []*student
	wall, hubRestart      time.Duration
	loadBefore, loadAfter string
	hubPeak               int64
	hubCPU                float64
	warm, isRoot          bool
	hubVersion            string
	hubLog                string
}

// workspaceRe matches the pre-spawn hook's log line (jupyterhub_config.py).
var workspaceRe = regexp.MustCompile(`factorlab workspace for \S+ ready in ([0-9.]+)s`)

func (r report) String() string {
	var b strings.Builder
	n := len(r.students)
	fmt.Fprintf(&b, "class of %d on JupyterHub %s, %d CPUs; Go build cache %s; OS users: %s\n",
		n, r.hubVersion, cpus(), cacheMode(r.warm), map[bool]string{true: "one per student", false: "one shared (not root)"}[r.isRoot])
	fmt.Fprintf(&b, "load average before %s, after %s; notebook 01 + %s per student\n\n", r.loadBefore, r.loadAfter, filepath.Base(labStudent))
	b.WriteString("| student | faults | spawn s | first output s | cells | cell p50 s | cell p95 s | slowest cell s | total s | CPU s | peak MB |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|\n")
	var cpuSum, cellSum float64
	var peak int64
	var all []time.Duration
	for _, s := range r.students {
		st := s.st
		faults := strings.Join(st.faults, "+")
		if faults == "" {
			faults = "-"
		}
		fmt.Fprintf(&b, "| %s | %s | %.1f | %.1f | %d | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f |\n",
			st.name, faults, st.spawn.Seconds(), st.firstOutput.Seconds(), st.cells,
			pct(st.latencies, 50), pct(st.latencies, 95), pct(st.latencies, 100), st.total.Seconds(), st.cpu, float64(st.peakRSS)/(1<<20))
		cpuSum += st.cpu
		cellSum += float64(st.cells)
		peak = max(peak, st.peakRSS)
		all = append(all, st.latencies...)
	}
	fmt.Fprintf(&b, "\nall cells: p50 %.1f s, p95 %.1f s; the whole class finished in %.0f s\n", pct(all, 50), pct(all, 95), r.wall.Seconds())
	if m := workspaceRe.FindAllStringSubmatch(r.hubLog, -1); len(m) > 0 {
		var secs []string
		for _, x := range m {
			secs = append(secs, x[1])
		}
		fmt.Fprintf(&b, "workspace + Go build cache set-up per spawn (in the spawn time): %s s\n", strings.Join(secs, ", "))
	}
	fmt.Fprintf(&b, "hub + proxy: peak %.0f MB, %.1f CPU s; hub restart %.1f s\n", float64(r.hubPeak)/(1<<20), r.hubCPU, r.hubRestart.Seconds())
	if loop := r.students[0].st.interruptAfter; loop > 0 {
		fmt.Fprintf(&b, "infinite loop stopped %.2f s after the interrupt\n", loop.Seconds())
	}
	cpuPer := cpuSum / float64(n)
	perCell := cpuSum / cellSum
	fmt.Fprintf(&b, "\nsizing (from this run): %.0f CPU s per student for both notebooks (%.1f CPU s per cell), peak %.0f MB per student\n",
		cpuPer, perCell, float64(peak)/(1<<20))
	fmt.Fprintf(&b, "| case | students per core | students per GB |\n|---|---|---|\n")
	fmt.Fprintf(&b, "| run a lab (a cell every 30 s per student) | %.0f | %.1f |\n", 30/perCell, 1024/(float64(peak)/(1<<20)))
	fmt.Fprintf(&b, "| Run All at once (done within 5 min) | %.1f | %.1f |\n", 300/cpuPer, 1024/(float64(peak)/(1<<20)))
	return b.String()
}

func pct(d []time.Duration, p int) float64 {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := (len(s)*p + 99) / 100
	return s[max(0, min(len(s)-1, i-1))].Seconds()
}

func cpus() int {
	data, _ := os.ReadFile("/proc/cpuinfo")
	return max(1, strings.Count(string(data), "processor\t:"))
}
