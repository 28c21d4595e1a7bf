package hubtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/coder/websocket"
)

// Kernel is a connection to one kernel of a student's server over the
// Jupyter kernel websocket (the JSON protocol, one message per frame).
type Kernel struct {
	ID      string
	session string
	client  *Client
	conn    *websocket.Conn
}

// ErrKernelDied is returned by Execute when the kernel went away mid-cell.
var ErrKernelDied = errors.New("the kernel died")

func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// OpenSession starts a kernel for the notebook at path (relative to the
// server's root), as JupyterLab does when a notebook is opened.
func (c *Client) OpenSession(ctx context.Context, path string) (*Kernel, error) {
	var s struct {
		Kernel struct {
			ID string `json:"id"`
		} `json:"kernel"`
	}
	in := map[string]any{"path": path, "name": path, "type": "notebook", "kernel": map[string]any{"name": "gonb"}}
	if _, err := c.ServerAPI(ctx, c.Name, "POST", "/sessions", in, &s); err != nil {
		return nil, err
	}
	return c.Connect(ctx, s.Kernel.ID)
}

// Connect opens the websocket of a running kernel.
func (c *Client) Connect(ctx context.Context, kernelID string) (*Kernel, error) {
	k := &Kernel{ID: kernelID, session: newID(), client: c}
	u := strings.Replace(c.Hub.URL, "http://", "ws://", 1) + "/user/" + c.Name + "/api/kernels/" + kernelID + "/channels?session_id=" + k.session
	conn, _, err := websocket.Dial(ctx, u, &websocket.DialOptions{HTTPHeader: http.Header{"Authorization": {"token " + c.Token}}})
	if err != nil {
		return nil, fmt.Errorf("%s: kernel websocket: %v", c.Name, err)
	}
	conn.SetReadLimit(64 << 20) // figures are large
	k.conn = conn
	return k, nil
}

// Close closes the websocket; the kernel keeps running.
func (k *Kernel) Close() { k.conn.CloseNow() }

// Interrupt asks the server to interrupt the kernel (JupyterLab's ■ button).
func (k *Kernel) Interrupt(ctx context.Context) error {
	_, err := k.client.ServerAPI(ctx, k.client.Name, "POST", "/kernels/"+k.ID+"/interrupt", nil, nil)
	return err
}

// Restart restarts the kernel (Kernel → Restart) and reconnects.
func (k *Kernel) Restart(ctx context.Context) error {
	if _, err := k.client.ServerAPI(ctx, k.client.Name, "POST", "/kernels/"+k.ID+"/restart", nil, nil); err != nil {
		return err
	}
	k.conn.CloseNow()
	nk, err := k.client.Connect(ctx, k.ID)
	if err != nil {
		return err
	}
	*k = *nk
	return nil
}

type message struct {
	Channel      string         `json:"channel"`
	Header       map[string]any `json:"header"`
	ParentHeader map[string]any `json:"parent_header"`
	Metadata     map[string]any `json:"metadata"`
	Content      map[string]any `json:"content"`
	Buffers      []any          `json:"buffers"`
}

// Result is what one executed cell produced.
type Result struct {
	Status         string           // execute_reply status: ok, error, aborted
	Outputs        []map[string]any // nbformat outputs
	ExecutionCount int
	Error          string        // "ename: evalue" of an execute_reply with status error
	Latency        time.Duration // from the request to the reply and idle state
	FirstOutput    time.Duration // from the request to the first output (0: none)
}

// Execute runs code in the kernel and collects its outputs the way a
// notebook front end records them.
func (k *Kernel) Execute(ctx context.Context, code string) (*Result, error) {
	return k.ExecuteNotify(ctx, code, nil)
}

// ExecuteNotify is Execute that closes firstOutput (if not nil) when the
// cell shows its first output.
func (k *Kernel) ExecuteNotify(ctx context.Context, code string, firstOutput chan<- struct{}) (*Result, error) {
	id := newID()
	req := message{
		Channel: "shell",
		Header: map[string]any{"msg_id": id, "username": k.client.Name, "session": k.session,
			"msg_type": "execute_request", "version": "5.3", "date": time.Now().UTC().Format(time.RFC3339Nano)},
		ParentHeader: map[string]any{}, Metadata: map[string]any{}, Buffers: []any{},
		Content: map[string]any{"code": code, "silent": false, "store_history": true,
			"user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true},
	}
	data, _ := json.Marshal(req)
	start := time.Now()
	if err := k.conn.Write(ctx, websocket.MessageText, data); err != nil {
		return nil, fmt.Errorf("%w: sending the cell: %v", ErrKernelDied, err)
	}
	res := &Result{Outputs: []map[string]any{}}
	displays := map[string][]int{} // display_id → output positions
	clearPending := false
	var replied, idle bool
	for !replied || !idle {
		_, data, err := k.conn.Read(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return res, fmt.Errorf("cell did not finish: %v", ctx.Err())
			}
			return res, fmt.Errorf("%w: websocket closed: %v", ErrKernelDied, err)
		}
		var m message
		if err := json.Unmarshal(data, &m); err != nil {
			continue
		}
		msgType, _ := m.Header["msg_type"].(string)
		if msgType == "status" && m.Content["execution_state"] == "dead" {
			return res, ErrKernelDied
		}
		if parent, _ := m.ParentHeader["msg_id"].(string); parent != id {
			if msgType == "status" && m.Content["execution_state"] == "restarting" {
				return res, fmt.Errorf("%w: the kernel is restarting", ErrKernelDied)
			}
			continue
		}
		var out map[string]any
		switch msgType {
		case "execute_reply":
			replied = true
			res.Status, _ = m.Content["status"].(string)
			if res.Status == "error" {
				res.Error = fmt.Sprintf("%v: %v", m.Content["ename"], m.Content["evalue"])
			}
			if n, ok := m.Content["execution_count"].(float64); ok {
				res.ExecutionCount = int(n)
			}
		case "status":
			if m.Content["execution_state"] == "idle" {
				idle = true
			}
		case "stream":
			out = map[string]any{"output_type": "stream", "name": m.Content["name"], "text": m.Content["text"]}
		case "display_data", "execute_result":
			out = map[string]any{"output_type": msgType, "data": m.Content["data"], "metadata": orEmpty(m.Content["metadata"])}
			if msgType == "execute_result" {
				out["execution_count"] = m.Content["execution_count"]
			}
		case "update_display_data":
			if did := displayID(m.Content); did != "" {
				for _, i := range displays[did] {
					res.Outputs[i]["data"] = m.Content["data"]
					res.Outputs[i]["metadata"] = orEmpty(m.Content["metadata"])
				}
			}
		case "error":
			out = map[string]any{"output_type": "error", "ename": m.Content["ename"], "evalue": m.Content["evalue"],
				"traceback": orList(m.Content["traceback"])}
		case "clear_output":
			if w, _ := m.Content["wait"].(bool); w {
				clearPending = true
			} else {
				res.Outputs, displays = []map[string]any{}, map[string][]int{}
			}
		}
		if out != nil {
			if res.FirstOutput == 0 {
				res.FirstOutput = time.Since(start)
				if firstOutput != nil {
					close(firstOutput)
				}
			}
			if clearPending {
				res.Outputs, displays, clearPending = []map[string]any{}, map[string][]int{}, false
			}
			if did := displayID(m.Content); did != "" {
				displays[did] = append(displays[did], len(res.Outputs))
			}
			res.Outputs = append(res.Outputs, out)
		}
	}
	res.Latency = time.Since(start)
	return res, nil
}

func displayID(content map[string]any) string {
	tr, _ := content["transient"].(map[string]any)
	id, _ := tr["display_id"].(string)
	return id
}

func orEmpty(v any) any {
	if v == nil {
		return map[string]any{}
	}
	return v
}

func orList(v any) any {
	if v == nil {
		return []any{}
	}
	return v
}

// Text joins the text of outputs: streams, text/plain, text/markdown and errors.
func Text(outputs []map[string]any) string {
	var b strings.Builder
	for _, o := range outputs {
		switch o["output_type"] {
		case "stream":
			b.WriteString(multiline(o["text"]))
		case "display_data", "execute_result":
			data, _ := o["data"].(map[string]any)
			for _, mime := range []string{"text/plain", "text/markdown", "text/html"} {
				if v, ok := data[mime]; ok {
					b.WriteString(multiline(v))
					b.WriteString("\n")
				}
			}
		case "error":
			fmt.Fprintf(&b, "%v: %v\n", o["ename"], o["evalue"])
		}
	}
	return b.String()
}

func multiline(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		var b strings.Builder
		for _, s := range v {
			b.WriteString(fmt.Sprint(s))
		}
		return b.String()
	}
	return ""
}

// Notebook is a notebook as the contents API returns it: nbformat JSON.
type Notebook map[string]any

// Cells returns the notebook's cells.
func (nb Notebook) Cells() []map[string]any {
	raw, _ := nb["cells"].([]any)
	cells := make([]map[string]any, 0, len(raw))
	for _, c := range raw {
		if m, ok := c.(map[string]any); ok {
			cells = append(cells, m)
		}
	}
	return cells
}

// Source is a cell's source text.
func Source(cell map[string]any) string { return multiline(cell["source"]) }

// SetSource replaces a cell's source, one JSON string per line as nbformat writes it.
func SetSource(cell map[string]any, src string) {
	lines := strings.SplitAfter(src, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	list := make([]any, len(lines))
	for i, l := range lines {
		list[i] = l
	}
	cell["source"] = list
}

// GetNotebook reads a notebook through the contents API.
func (c *Client) GetNotebook(ctx context.Context, path string) (Notebook, error) {
	var model struct {
		Content Notebook `json:"content"`
	}
	if _, err := c.ServerAPI(ctx, c.Name, "GET", "/contents/"+path+"?type=notebook&content=1", nil, &model); err != nil {
		return nil, err
	}
	if model.Content == nil {
		return nil, fmt.Errorf("%s: %s has no notebook content", c.Name, path)
	}
	return model.Content, nil
}

// SaveNotebook writes a notebook through the contents API (File → Save).
func (c *Client) SaveNotebook(ctx context.Context, path string, nb Notebook) error {
	_, err := c.ServerAPI(ctx, c.Name, "PUT", "/contents/"+path, map[string]any{"type": "notebook", "format": "json", "content": nb}, nil)
	return err
}

// ServerPid is the pid of the student's single-user server, from the
// spawner's state that the hub keeps (teacher's token).
func (h *Hub) ServerPid(ctx context.Context, user string) (int, error) {
	var u struct {
		Servers map[string]struct {
			State map[string]any `json:"state"`
		} `json:"servers"`
	}
	if _, err := h.API(ctx, "GET", "/users/"+user, nil, &u); err != nil {
		return 0, err
	}
	pid, ok := u.Servers[""].State["pid"].(float64)
	if !ok || pid <= 0 {
		return 0, fmt.Errorf("the hub reports no server pid for %s", user)
	}
	return int(pid), nil
}

// Tree lists pid and all its descendants that are running now.
func Tree(pid int) []int {
	entries, _ := os.ReadDir("/proc")
	children := map[int][]int{}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		s := string(data)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
		if len(f) > 1 {
			pp, _ := strconv.Atoi(f[1])
			children[pp] = append(children[pp], p)
		}
	}
	if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); err != nil {
		return nil
	}
	all := []int{pid}
	for i := 0; i < len(all); i++ {
		all = append(all, children[all[i]]...)
	}
	return all
}
