package display

import (
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/janpfeifer/gonb/gonbui/protocol"
)

// The connection to the kernel. GoNB runs each cell's program with two
// named pipes in its environment: GONB_PIPE, on which the program sends
// gob-encoded protocol.DisplayData messages, and GONB_PIPE_BACK, on which
// the kernel answers with gob-encoded protocol.CommValue messages; this
// package reads only the acknowledgements of its sync requests there. The
// pipes are opened at the first display and stay open until the program
// ends.
//
// This package speaks the protocol itself, with GoNB's protocol types,
// rather than through GoNB's client library gonbui: gonbui links a logging
// library, a UUID package with its crypto, networking and SQL dependencies,
// and HTML templates, which nearly doubled the link of every cell that
// shows a figure (bench/notebooks/README.md).

// inNotebook is whether GoNB runs this program: GoNB sets GONB_PIPE.
var inNotebook = os.Getenv(protocol.GONB_PIPE_ENV) != ""

// ErrOtherClient is the panic of SendThrough called after this package
// has opened its own connection to the kernel.
var ErrOtherClient = errors.New("display: SendThrough after the first display: the kernel reads one stream per program")

// A Sender is another client of the kernel's pipes in the same program,
// such as GoNB's gonbui, which GoNB's widgets talk through.
type Sender interface {
	// Send sends one message to the kernel and returns the connection's
	// error, if any.
	Send(d *protocol.DisplayData) error
	// Sync returns when the kernel has taken every message sent so far.
	Sync()
}

// SendThrough makes every later display of this program go through s
// instead of this package's own connection. The kernel decodes one gob
// stream per program, so a program that also uses another client of the
// pipes must send everything through that client; a package that brings
// such a client calls SendThrough from its init function. SendThrough
// panics with ErrOtherClient if this package's own connection is already
// open.
func SendThrough(s Sender) {
	kernel.mu.Lock()
	defer kernel.mu.Unlock()
	if kernel.out != nil {
		panic(ErrOtherClient)
	}
	kernel.other = s
}

var kernel struct {
	mu      sync.Mutex
	other   Sender // set by SendThrough
	out     *os.File
	enc     *gob.Encoder
	in      *os.File
	err     error // the first failure; the pipes are not reopened after it
	nextID  int
	pending map[int]chan struct{} // sync requests not yet acknowledged
}

// openLocked opens both pipes, in the order the kernel expects (it opens
// its ends in the same order; a named pipe's open waits for the other
// end), and starts reading the answers. kernel.mu must be held.
func openLocked() error {
	if kernel.err != nil || kernel.out != nil {
		return kernel.err
	}
	out, err := os.OpenFile(os.Getenv(protocol.GONB_PIPE_ENV), os.O_WRONLY, 0)
	if err != nil {
		kernel.err = fmt.Errorf("display: opening the kernel's pipe: %w", err)
		return kernel.err
	}
	in, err := os.OpenFile(os.Getenv(protocol.GONB_PIPE_BACK_ENV), os.O_RDONLY, 0)
	if err != nil {
		_ = out.Close()
		kernel.err = fmt.Errorf("display: opening the kernel's answer pipe: %w", err)
		return kernel.err
	}
	kernel.out, kernel.enc, kernel.in = out, gob.NewEncoder(out), in
	kernel.pending = make(map[int]chan struct{})
	go readAnswers(gob.NewDecoder(in))
	return nil
}

// failLocked records the connection's first failure, closes the pipes and
// releases every waiting sync. kernel.mu must be held.
func failLocked(err error) {
	if kernel.err == nil {
		kernel.err = err
	}
	if kernel.out != nil {
		_ = kernel.out.Close()
		_ = kernel.in.Close()
	}
	for id, c := range kernel.pending {
		close(c)
		delete(kernel.pending, id)
	}
}

// readAnswers releases the waiting syncs as the kernel acknowledges them,
// until the answer pipe fails or closes. Other messages (values of
// widgets) are not for this package and are dropped.
func readAnswers(dec *gob.Decoder) {
	for {
		var v protocol.CommValue
		if err := dec.Decode(&v); err != nil {
			kernel.mu.Lock()
			failLocked(fmt.Errorf("display: reading the kernel's answers: %w", err))
			kernel.mu.Unlock()
			return
		}
		id, ok := v.Value.(int)
		if v.Address != protocol.GonbuiSyncAckAddress || !ok {
			continue
		}
		kernel.mu.Lock()
		if c, ok := kernel.pending[id]; ok {
			close(c)
			delete(kernel.pending, id)
		}
		kernel.mu.Unlock()
	}
}

// sendLocked encodes one message. kernel.mu must be held.
func sendLocked(d *protocol.DisplayData) error {
	if err := openLocked(); err != nil {
		return err
	}
	if err := kernel.enc.Encode(d); err != nil {
		failLocked(fmt.Errorf("display: writing to the kernel: %w", err))
	}
	return kernel.err
}

// send sends d, then waits, at most timeout, until the kernel has taken it:
// the kernel answers a sync request after it has handled every message
// before it. A sync that times out is not an error (the display may still
// arrive); a broken connection is.
func send(d *protocol.DisplayData, timeout time.Duration) error {
	kernel.mu.Lock()
	if s := kernel.other; s != nil {
		kernel.mu.Unlock()
		if err := s.Send(d); err != nil {
			return err
		}
		done := make(chan struct{})
		go func() {
			s.Sync()
			close(done)
		}()
		waitFor(done, timeout)
		return nil
	}
	if err := sendLocked(d); err != nil {
		kernel.mu.Unlock()
		return err
	}
	id := kernel.nextID
	kernel.nextID++
	done := make(chan struct{})
	kernel.pending[id] = done
	err := sendLocked(&protocol.DisplayData{Data: map[protocol.MIMEType]any{
		protocol.MIMECommValue: &protocol.CommValue{Address: protocol.GonbuiSyncAddress, Value: id},
	}})
	kernel.mu.Unlock()
	if err != nil {
		return err
	}
	waitFor(done, timeout)
	kernel.mu.Lock()
	defer kernel.mu.Unlock()
	delete(kernel.pending, id)
	return kernel.err
}

// waitFor returns when done is closed, or after timeout.
func waitFor(done <-chan struct{}, timeout time.Duration) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
	}
}
