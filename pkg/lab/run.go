package lab

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"time"
)

// DefaultTimeout is how long Run waits for student code when the timeout it
// is given is zero. Every lab task runs in well under a second.
const DefaultTimeout = 10 * time.Second

// TODO is what stubs panic with before the student has written the code:
//
//	func AdamStep(p, g, m, v *mat.Dense, t int) {
//		// TODO: your code here
//		panic(lab.TODO)
//	}
//
// Run turns it into a "not implemented yet" verdict. A panic with any string
// or error whose text starts with "TODO" is treated the same way.
var TODO = errors.New("TODO: not implemented yet")

// Run calls f in a new goroutine and waits until it returns, panics or the
// timeout passes (DefaultTimeout if timeout is zero). It returns a passing
// verdict named name when f returned, and otherwise a failing one:
// NotImplemented for a TODO panic or a nil f, Panicked with the panic value
// and the function it came from, TimedOut when f did not finish.
//
// A goroutine that does not finish in time is abandoned, not killed — Go
// has no way to stop it. It keeps running until the program exits; in a
// GoNB cell that is the end of the cell. Its later writes to shared
// variables are a data race, so a check must not read what f writes after
// Run reports a time-out.
func Run(name string, timeout time.Duration, f func()) Verdict {
	v := Verdict{Name: name, Diff: math.NaN(), Tol: math.NaN()}
	if f == nil {
		return notImplemented(v)
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	type outcome struct {
		panicked bool
		value    any
		where    string
	}
	done := make(chan outcome, 1) // buffered: an abandoned goroutine must not block forever
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- outcome{panicked: true, value: r, where: panicSite()}
			}
		}()
		f()
		done <- outcome{}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case o := <-done:
		if !o.panicked {
			v.Status = Pass
			v.Message = tr(msgRan)
			return v
		}
		if isTODO(o.value) {
			return notImplemented(v)
		}
		v.Status = Panicked
		v.Message = tr(msgPanicked, panicText(o.value))
		if o.where != "" {
			v.Message += tr(msgPanickedIn, o.where)
		}
		v.Hint = panicHint(o.value)
		return v
	case <-timer.C:
		v.Status = TimedOut
		v.Message = tr(msgTimedOut, timeout)
		v.Hint = tr(msgHintTimedOut)
		return v
	}
}

func isTODO(r any) bool {
	if err, ok := r.(error); ok && errors.Is(err, TODO) {
		return true
	}
	return strings.HasPrefix(strings.TrimSpace(panicText(r)), "TODO")
}

func panicText(r any) string {
	switch x := r.(type) {
	case error:
		return x.Error()
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(r)
}

func panicHint(r any) string {
	s := panicText(r)
	switch {
	case strings.Contains(s, "index out of range"):
		return tr(msgHintIndex)
	case strings.Contains(s, "nil pointer"), strings.Contains(s, "nil map"):
		return tr(msgHintNil)
	case strings.Contains(s, "dimension mismatch"), strings.Contains(s, "mat: "):
		return tr(msgHintShapes)
	}
	return tr(msgHintPanic)
}

// panicSite names the first function on the panicking goroutine's stack
// that is not in the runtime or in this package: the student's function.
// Only the function name is kept, no file path, so outputs stay the same
// from run to run.
func panicSite() string {
	pc := make([]uintptr, 32)
	n := runtime.Callers(3, pc)
	frames := runtime.CallersFrames(pc[:n])
	for {
		fr, more := frames.Next()
		fn := fr.Function
		if fn != "" && !strings.HasPrefix(fn, "runtime.") && !strings.Contains(fn, "factorlab/pkg/lab.") &&
			!strings.HasPrefix(fn, "gonum.org/") {
			return fn
		}
		if !more {
			return ""
		}
	}
}

// call runs f through Run and reports whether it returned normally; a
// failing verdict is added to r under name.
func call(r *Report, name string, f func()) bool {
	v := Run(name, 0, f)
	if v.Passed() {
		return true
	}
	r.Add(v)
	return false
}

// notImplemented adds a "not implemented yet" verdict named name and
// returns the report.
func (r Report) notImplemented(name string) Report {
	r.Add(notImplemented(Verdict{Name: name, Diff: math.NaN(), Tol: math.NaN()}))
	return r
}
