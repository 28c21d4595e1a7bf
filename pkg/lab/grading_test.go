package lab

import (
	"bytes"
	"strings"
	"testing"
)

// withGrading runs f with GradingEnv set to value and returns what Show
// wrote to standard error meanwhile.
func withGrading(t *testing.T, value string, f func()) string {
	t.Helper()
	oldGetenv, oldStderr := getenv, stderr
	defer func() { getenv, stderr = oldGetenv, oldStderr }()
	var buf bytes.Buffer
	stderr = &buf
	getenv = func(k string) string {
		if k == GradingEnv {
			return value
		}
		return ""
	}
	f()
	return buf.String()
}

func TestShowUnderAutograde(t *testing.T) {
	pass := Report{Title: "L9.1 passing", Verdicts: []Verdict{{Name: "x", Status: Pass}}}
	fail := Report{Title: "L9.2 failing", Verdicts: []Verdict{
		{Name: "x", Status: Pass},
		{Name: "y", Status: Fail, Message: "off by 1", Hint: "add one"},
	}}
	empty := Report{Title: "L9.3 nothing"}

	for _, mode := range []string{"autograde", "validate"} {
		if got := withGrading(t, mode, func() {
			if !Show(pass) {
				t.Errorf("%s: Show(passing report) = false", mode)
			}
		}); got != "" {
			t.Errorf("%s: a passing report wrote to stderr: %q", mode, got)
		}
		got := withGrading(t, mode, func() {
			if Show(fail) {
				t.Errorf("%s: Show(failing report) = true", mode)
			}
		})
		for _, want := range []string{"✗ L9.2 failing", "✗ y — off by 1", "add one"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: stderr of a failed check lacks %q:\n%s", mode, want, got)
			}
		}
		if got := withGrading(t, mode, func() { Show(empty) }); !strings.Contains(got, "✗ L9.3 nothing") {
			t.Errorf("%s: a report without verdicts must fail the cell, stderr %q", mode, got)
		}
	}

	// Outside nbgrader a student sees the verdict only, never stderr.
	if got := withGrading(t, "", func() { Show(fail) }); got != "" {
		t.Errorf("outside nbgrader a failed report wrote to stderr: %q", got)
	}
}
