//go:build unix

// Package kernelpipe plays GoNB's side of the named pipes a cell's program
// displays through, for tests: it runs a program as GoNB runs a cell,
// decodes every message the program sends, answers its sync requests as
// the kernel does, and returns what reached the kernel.
package kernelpipe

import (
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/janpfeifer/gonb/gonbui/protocol"
)

// ErrNoFIFO is returned when named pipes cannot be made here.
var ErrNoFIFO = errors.New("kernelpipe: no named pipes here")

// Result is what a program sent to the kernel.
type Result struct {
	// Msgs are the display messages, in the order they arrived.
	Msgs []protocol.DisplayData
	// Syncs counts the sync requests, which the kernel answered.
	Syncs int
	// Output is the program's standard output and error.
	Output string
}

// Run runs cmd (with its environment extended by GoNB's pipe variables, in
// dir, a fresh folder for the pipes) and plays the kernel until cmd ends or
// timeout passes. It returns an error if cmd fails, the stream cannot be
// decoded (for example two gob streams interleaved on one pipe) or the
// program does not end in time.
func Run(cmd *exec.Cmd, dir string, timeout time.Duration) (Result, error) {
	out, back := filepath.Join(dir, "gonb_pipe"), filepath.Join(dir, "gonb_pipe_back")
	for _, p := range []string{out, back} {
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			return Result{}, fmt.Errorf("%w: %v", ErrNoFIFO, err)
		}
	}
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, protocol.GONB_PIPE_ENV+"="+out, protocol.GONB_PIPE_BACK_ENV+"="+back)
	var output strings.Builder
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		return Result{}, err
	}
	type played struct {
		res Result
		err error
	}
	done := make(chan played, 1)
	go func() {
		var p played
		p.res, p.err = play(out, back)
		done <- p
	}()
	var p played
	select {
	case p = <-done:
	case <-time.After(timeout):
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return Result{Output: output.String()}, fmt.Errorf("kernelpipe: the program did not end within %v", timeout)
	}
	werr := cmd.Wait()
	p.res.Output = output.String()
	if werr != nil {
		return p.res, fmt.Errorf("kernelpipe: the program failed: %w\n%s", werr, p.res.Output)
	}
	return p.res, p.err
}

// play is the kernel's side: it opens its ends in the order GoNB does
// (the program opens the data pipe first, then the answers), decodes
// display messages and answers sync requests until the program closes the
// data pipe.
func play(out, back string) (Result, error) {
	var res Result
	r, err := os.OpenFile(out, os.O_RDONLY, 0)
	if err != nil {
		return res, err
	}
	defer r.Close()
	w, err := os.OpenFile(back, os.O_WRONLY, 0)
	if err != nil {
		return res, err
	}
	defer w.Close()
	dec, enc := gob.NewDecoder(r), gob.NewEncoder(w)
	for {
		var d protocol.DisplayData
		if err := dec.Decode(&d); err != nil {
			if errors.Is(err, io.EOF) {
				return res, nil
			}
			return res, fmt.Errorf("kernelpipe: decoding message %d: %w", len(res.Msgs)+res.Syncs+1, err)
		}
		if cv, ok := commValue(d); ok && cv.Address == protocol.GonbuiSyncAddress {
			res.Syncs++
			if err := enc.Encode(&protocol.CommValue{Address: protocol.GonbuiSyncAckAddress, Value: cv.Value}); err != nil {
				return res, err
			}
			continue
		}
		res.Msgs = append(res.Msgs, d)
	}
}

// commValue extracts the CommValue a sync request carries; gob hands it
// back as a value, whatever pointer the sender used.
func commValue(d protocol.DisplayData) (protocol.CommValue, bool) {
	switch v := d.Data[protocol.MIMECommValue].(type) {
	case protocol.CommValue:
		return v, true
	case *protocol.CommValue:
		return *v, true
	}
	return protocol.CommValue{}, false
}
