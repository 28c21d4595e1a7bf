package lab

import (
	"fmt"
	"math"
	"strings"

	"github.com/factorlab/factorlab/pkg/display"
	"github.com/factorlab/factorlab/pkg/plotting"
)

// Status is the outcome of one check.
type Status int

const (
	// Pass means the answer is correct within the tolerance.
	Pass Status = iota
	// Fail means the answer was given but is wrong.
	Fail
	// NotImplemented means the student's function is nil, panicked with
	// TODO or returned nil where an answer was expected.
	NotImplemented
	// Panicked means the student's code panicked.
	Panicked
	// TimedOut means the student's code did not return in time.
	TimedOut
)

// String returns a short name of the status.
func (s Status) String() string {
	switch s {
	case Pass:
		return "pass"
	case Fail:
		return "fail"
	case NotImplemented:
		return "not implemented yet"
	case Panicked:
		return "panicked"
	case TimedOut:
		return "timed out"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Verdict is the result of one check.
type Verdict struct {
	// Name says what was checked, e.g. "∂L/∂W at the test point".
	Name   string
	Status Status

	// Message is a one-line summary, e.g. "off by 0.012 at [1,0]".
	Message string

	// Expected and Actual are the values compared, formatted for reading.
	// Either may be empty when there is nothing useful to show.
	Expected, Actual string

	// Diff is the measured error (largest element difference, residual,
	// 1 − |cos|, ...) and Tol the bound it was compared with. Both are
	// NaN when the check is not numerical.
	Diff, Tol float64

	// Hint says what to try next. It is shown only on failure.
	Hint string
}

// Passed reports whether the verdict is a pass.
func (v Verdict) Passed() bool { return v.Status == Pass }

func (v Verdict) mark() string {
	if v.Passed() {
		return "✓"
	}
	return "✗"
}

// summary is the text after the name: the message, or a default.
func (v Verdict) summary() string {
	if v.Message != "" {
		return v.Message
	}
	switch v.Status {
	case Pass:
		return tr(msgCorrect)
	case NotImplemented:
		return tr(msgNotImplemented)
	case Fail:
		return tr(msgStatusFail)
	case Panicked:
		return tr(msgStatusPanicked)
	case TimedOut:
		return tr(msgStatusTimedOut)
	}
	return v.Status.String()
}

// String formats the verdict as plain text, one line plus indented details
// on failure.
func (v Verdict) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s — %s\n", v.mark(), v.Name, v.summary())
	if !v.Passed() {
		if v.Expected != "" {
			fmt.Fprintf(&b, "    %s%s\n", tr(msgLabelExpected), v.Expected)
		}
		if v.Actual != "" {
			fmt.Fprintf(&b, "    %s%s\n", tr(msgLabelGot), v.Actual)
		}
		if v.Hint != "" {
			fmt.Fprintf(&b, "    %s%s\n", tr(msgLabelHint), v.Hint)
		}
	}
	return b.String()
}

// Markdown formats the verdict as a Markdown list item.
func (v Verdict) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "- %s **%s** — %s\n", v.mark(), mdEscape(v.Name), mdEscape(v.summary()))
	if !v.Passed() {
		if v.Expected != "" {
			fmt.Fprintf(&b, "    - %s: `%s`\n", tr(msgMdExpected), v.Expected)
		}
		if v.Actual != "" {
			fmt.Fprintf(&b, "    - %s: `%s`\n", tr(msgMdGot), v.Actual)
		}
		if v.Hint != "" {
			fmt.Fprintf(&b, "    - *%s:* %s\n", tr(msgMdHint), mdEscape(v.Hint))
		}
	}
	return b.String()
}

// mdEscape keeps Markdown from reading student text or maths as markup.
func mdEscape(s string) string {
	r := strings.NewReplacer("*", `\*`, "_", `\_`, "`", "'", "<", "&lt;", ">", "&gt;", "$", `\$`)
	return r.Replace(s)
}

// Report is the result of a check cell: a title and its verdicts.
type Report struct {
	Title    string
	Verdicts []Verdict

	// Figure, when not nil, is drawn after the verdicts by Show (L6 draws
	// the student's square next to the reference).
	Figure plotting.Drawer
}

// Add appends verdicts to the report.
func (r *Report) Add(v ...Verdict) { r.Verdicts = append(r.Verdicts, v...) }

// Passed reports whether the report has verdicts and all of them passed.
func (r Report) Passed() bool {
	if len(r.Verdicts) == 0 {
		return false
	}
	for _, v := range r.Verdicts {
		if !v.Passed() {
			return false
		}
	}
	return true
}

// headline is "✓ title — all 3 checks passed" or "✗ title — 1 of 3 checks failed".
func (r Report) headline() string {
	failed := 0
	for _, v := range r.Verdicts {
		if !v.Passed() {
			failed++
		}
	}
	n := len(r.Verdicts)
	switch {
	case n == 0:
		return "✗ " + r.Title + " — " + tr(msgHeadNothing)
	case failed == 0 && n == 1:
		return "✓ " + r.Title + " — " + tr(msgHeadPassedOne)
	case failed == 0 && n == 2:
		return "✓ " + r.Title + " — " + tr(msgHeadPassedTwo)
	case failed == 0:
		return "✓ " + r.Title + " — " + tr(msgHeadPassedAll, n)
	case n == 1:
		return "✗ " + r.Title + " — " + tr(msgHeadFailedOne, failed, n)
	default:
		return "✗ " + r.Title + " — " + tr(msgHeadFailed, failed, n)
	}
}

// String formats the report as plain text.
func (r Report) String() string {
	var b strings.Builder
	b.WriteString(r.headline())
	b.WriteString("\n")
	for _, v := range r.Verdicts {
		b.WriteString("  ")
		b.WriteString(strings.ReplaceAll(strings.TrimSuffix(v.String(), "\n"), "\n", "\n  "))
		b.WriteString("\n")
	}
	return b.String()
}

// Markdown formats the report as Markdown: a bold headline and a list.
func (r Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**\n\n", mdEscape(r.headline()))
	for _, v := range r.Verdicts {
		b.WriteString(v.Markdown())
	}
	return b.String()
}

// Show displays the report: as Markdown (and its Figure as an image) in a
// GoNB notebook, as plain text on standard output anywhere else. It returns
// whether the report passed, so a notebook cell or a program can act on it.
func Show(r Report) bool {
	if !display.IsNotebook() {
		fmt.Print(r.String())
		return r.Passed()
	}
	// Each display waits (boundedly) until GoNB has the message, so the
	// verdict of a cell's last line is never lost when the cell ends.
	if err := display.Markdown(r.Markdown()); err != nil {
		fmt.Print(r.String())
	}
	if r.Figure != nil {
		if err := plotting.Show(r.Figure); err != nil {
			_ = display.Markdown("*(" + mdEscape(tr(msgFigureFailed, err.Error())) + ")*")
		}
	}
	return r.Passed()
}

// formatting helpers

// num formats a float compactly and deterministically.
func num(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "+Inf"
	case math.IsInf(x, -1):
		return "-Inf"
	case x == 0:
		return "0"
	}
	s := fmt.Sprintf("%.6g", x)
	if s == "-0" {
		return "0"
	}
	return s
}

// sci formats an error size, e.g. "3.2e-05".
func sci(x float64) string {
	if x == 0 {
		return "0"
	}
	if math.IsNaN(x) {
		return "NaN"
	}
	return fmt.Sprintf("%.2g", x)
}

func vec(x []float64) string {
	if x == nil {
		return "nil"
	}
	parts := make([]string, len(x))
	for i, v := range x {
		parts[i] = num(v)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
