package hubtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Hub is a running JupyterHub and the configurable-http-proxy it started.
type Hub struct {
	URL          string // public address (the proxy)
	ServiceToken string // admin token of the "teacher" service
	State        string // database, cookie secret, logs
	cmd          *exec.Cmd
	done         chan struct{}
	env          []string
	argv         []string
	log          *os.File
	Restarts     int
}

// HubConfig is what StartHub needs to know.
type HubConfig struct {
	JupyterHub string   // jupyterhub executable
	Proxy      string   // configurable-http-proxy executable
	ConfigFile string   // jupyterhub_config.py
	State      string   // writable folder for the hub's state and logs
	Students   []string // user names
	Password   string
	Shared     *Shared
	OneOSUser  bool // no root: every student runs as the hub's user
	WarmCache  bool // seed each student's GOCACHE from Shared.WarmCache
}

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// StartHub starts JupyterHub in its own process group and waits until it answers.
func StartHub(ctx context.Context, c HubConfig, serviceToken string) (*Hub, error) {
	var ports [3]int
	for i := range ports {
		p, err := FreePort()
		if err != nil {
			return nil, err
		}
		ports[i] = p
	}
	h := &Hub{
		URL:          fmt.Sprintf("http://127.0.0.1:%d", ports[0]),
		ServiceToken: serviceToken,
		State:        c.State,
	}
	venvBin := filepath.Dir(c.JupyterHub)
	singleuser := filepath.Join(venvBin, "jupyterhub-singleuser")
	warm := ""
	if c.WarmCache {
		warm = c.Shared.WarmCache
	}
	oneUser := "0"
	if c.OneOSUser {
		oneUser = "1"
	}
	h.env = append(os.Environ(),
		"PATH="+venvBin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"FACTORLAB_HUB_URL="+h.URL,
		fmt.Sprintf("FACTORLAB_HUB_API_URL=http://127.0.0.1:%d", ports[1]),
		fmt.Sprintf("FACTORLAB_HUB_PROXY_API=http://127.0.0.1:%d", ports[2]),
		"FACTORLAB_HUB_PROXY_CMD="+c.Proxy,
		"FACTORLAB_HUB_STATE="+c.State,
		"FACTORLAB_HUB_USERS="+strings.Join(c.Students, ","),
		"FACTORLAB_HUB_PASSWORD="+c.Password,
		"FACTORLAB_HUB_SERVICE_TOKEN="+serviceToken,
		"FACTORLAB_HUB_SINGLEUSER="+singleuser,
		"FACTORLAB_HUB_REPO="+c.Shared.Repo,
		"FACTORLAB_HUB_TOOLS="+c.Shared.Tools,
		"FACTORLAB_HUB_JUPYTER_PATH="+c.Shared.JupyterPath,
		"FACTORLAB_HUB_GOMODCACHE="+c.Shared.ModCache,
		"FACTORLAB_HUB_WARM_GOCACHE="+warm,
		"FACTORLAB_HUB_ONE_OS_USER="+oneUser,
		"CONFIGPROXY_AUTH_TOKEN="+serviceToken+"-proxy",
		"PYTHONDONTWRITEBYTECODE=1",
	)
	h.argv = []string{c.JupyterHub, "-f", c.ConfigFile}
	log, err := os.OpenFile(filepath.Join(c.State, "jupyterhub.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	h.log = log
	return h, h.start(ctx)
}

func (h *Hub) start(ctx context.Context) error {
	h.cmd = exec.Command(h.argv[0], h.argv[1:]...)
	h.cmd.Dir = h.State
	h.cmd.Env = h.env
	h.cmd.Stdout, h.cmd.Stderr = h.log, h.log
	h.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := h.cmd.Start(); err != nil {
		return fmt.Errorf("starting jupyterhub: %v", err)
	}
	h.done = make(chan struct{})
	go func(cmd *exec.Cmd, done chan struct{}) { cmd.Wait(); close(done) }(h.cmd, h.done)
	for {
		select {
		case <-h.done:
			return fmt.Errorf("jupyterhub exited while starting:\n%s", h.LogTail(40))
		case <-ctx.Done():
			return fmt.Errorf("jupyterhub did not answer at %s: %v\n%s", h.URL, ctx.Err(), h.LogTail(40))
		case <-time.After(500 * time.Millisecond):
		}
		resp, err := http.Get(h.URL + "/hub/api/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
}

// Pid is the hub's process id.
func (h *Hub) Pid() int { return h.cmd.Process.Pid }

// Stop asks the hub to shut down (SIGTERM), as a service manager would, and
// kills its process group if it has not exited within the grace period.
// Students' servers keep running (cleanup_servers is off).
func (h *Hub) Stop(grace time.Duration) {
	if h.cmd == nil || h.cmd.Process == nil {
		return
	}
	select {
	case <-h.done:
	default:
		h.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-h.done:
		case <-time.After(grace):
		}
	}
	syscall.Kill(-h.cmd.Process.Pid, syscall.SIGKILL) // the proxy, if it outlived the hub
}

// Restart stops the hub and starts it again with the same configuration,
// database and cookie secret.
func (h *Hub) Restart(ctx context.Context) error {
	h.Stop(30 * time.Second)
	h.Restarts++
	return h.start(ctx)
}

// Close stops the hub and closes its log.
func (h *Hub) Close() {
	h.Stop(15 * time.Second)
	h.log.Close()
}

// LogTail returns the last n lines of the hub's log.
func (h *Hub) LogTail(n int) string {
	data, _ := os.ReadFile(h.log.Name())
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// API calls the hub's REST API with the teacher's token.
func (h *Hub) API(ctx context.Context, method, path string, in, out any) (int, error) {
	return call(ctx, http.DefaultClient, method, h.URL+"/hub/api"+path, "token "+h.ServiceToken, in, out)
}

// call sends a JSON request and decodes a JSON answer; a status of 400 or
// more is an error that quotes the answer.
func call(ctx context.Context, client *http.Client, method, u, auth string, in, out any) (int, error) {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return 0, err
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return 0, err
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if method == http.MethodPut {
		// A PUT here (saving a notebook) may be sent twice: marking it
		// idempotent lets net/http resend it when the proxy has just closed
		// the kept-alive connection it was written to ("broken pipe").
		req.Header.Set("Idempotency-Key", fmt.Sprintf("%p-%d", req, time.Now().UnixNano()))
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, err
	}
	if resp.StatusCode >= 400 {
		return resp.StatusCode, fmt.Errorf("%s %s: %s: %s", method, u, resp.Status, bytes.TrimSpace(data[:min(len(data), 400)]))
	}
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			return resp.StatusCode, fmt.Errorf("%s %s: answer is not JSON: %v", method, u, err)
		}
	}
	return resp.StatusCode, nil
}

// Client is one student talking to the hub and to their own server.
type Client struct {
	Name, Password string
	Hub            *Hub
	Token          string // the student's own API token, made after logging in
	http           *http.Client
}

// Login logs in through the hub's login form, as a browser does, and then
// asks the hub for an API token with the session it got.
func (c *Client) Login(ctx context.Context) error {
	jar, _ := cookiejar.New(nil)
	c.http = &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.get(ctx, c.Hub.URL+"/hub/login")
	if err != nil {
		return err
	}
	resp.Body.Close()
	xsrf := c.cookie("_xsrf")
	if xsrf == "" {
		return fmt.Errorf("%s: the login page set no _xsrf cookie", c.Name)
	}
	form := url.Values{"username": {c.Name}, "password": {c.Password}, "_xsrf": {xsrf}}
	req, _ := http.NewRequestWithContext(ctx, "POST", c.Hub.URL+"/hub/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err = c.http.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		return fmt.Errorf("%s: login answered %s, want a redirect", c.Name, resp.Status)
	}
	// With the session cookie, the student makes their own token.
	req, _ = http.NewRequestWithContext(ctx, "POST", c.Hub.URL+"/hub/api/users/"+c.Name+"/tokens",
		strings.NewReader(`{"note": "class test", "expires_in": 86400}`))
	req.Header.Set("X-XSRFToken", c.cookie("_xsrf"))
	req.Header.Set("Content-Type", "application/json")
	resp, err = c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var tok struct {
		Token string `json:"token"`
	}
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK || json.Unmarshal(data, &tok) != nil || tok.Token == "" {
		return fmt.Errorf("%s: making an API token after logging in: %s %s", c.Name, resp.Status, data)
	}
	c.Token = tok.Token
	c.http = &http.Client{Timeout: 5 * time.Minute}
	return nil
}

func (c *Client) get(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

func (c *Client) cookie(name string) string {
	u, _ := url.Parse(c.Hub.URL + "/hub/")
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == name {
			return ck.Value
		}
	}
	return ""
}

// HubAPI calls the hub's API with the student's token.
func (c *Client) HubAPI(ctx context.Context, method, path string, in, out any) (int, error) {
	return call(ctx, c.http, method, c.Hub.URL+"/hub/api"+path, "token "+c.Token, in, out)
}

// ServerAPI calls the Jupyter server API of user's server (normally the
// student's own) with the student's token.
func (c *Client) ServerAPI(ctx context.Context, user, method, path string, in, out any) (int, error) {
	return call(ctx, c.http, method, c.Hub.URL+"/user/"+user+"/api"+path, "token "+c.Token, in, out)
}

// StartServer asks the hub for the student's server and waits until it is
// ready. A server that the hub still believes running (it died a moment ago)
// is asked for again until the hub has noticed.
func (c *Client) StartServer(ctx context.Context) error {
	for {
		status, err := c.HubAPI(ctx, "POST", "/users/"+c.Name+"/server", nil, nil)
		if err == nil || status == http.StatusBadRequest && strings.Contains(err.Error(), "already running") {
			if c.serverReady(ctx) {
				return nil
			}
		} else if status != http.StatusBadRequest && status != http.StatusConflict && status != http.StatusServiceUnavailable {
			return fmt.Errorf("%s: starting the server: %v", c.Name, err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: server not ready: %v\nhub log:\n%s", c.Name, ctx.Err(), c.Hub.LogTail(30))
		case <-time.After(time.Second):
		}
	}
}

// serverReady polls until the hub reports the server ready (true), or the
// server is gone or failed (false).
func (c *Client) serverReady(ctx context.Context) bool {
	for ctx.Err() == nil {
		var u struct {
			Servers map[string]struct {
				Ready   bool   `json:"ready"`
				Pending string `json:"pending"`
			} `json:"servers"`
		}
		if _, err := c.HubAPI(ctx, "GET", "/users/"+c.Name, nil, &u); err != nil {
			return false
		}
		s, ok := u.Servers[""]
		switch {
		case ok && s.Ready:
			// The proxy route may lag the hub's record by a moment.
			if _, err := c.ServerAPI(ctx, c.Name, "GET", "/status", nil, nil); err == nil {
				return true
			}
		case !ok || s.Pending == "":
			return false
		}
		time.Sleep(500 * time.Millisecond)
	}
	return false
}

// Processes lists the process ids owned by uid.
func Processes(uid int) []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if st, err := os.Stat("/proc/" + e.Name()); err == nil {
			if st.Sys().(*syscall.Stat_t).Uid == uint32(uid) {
				pids = append(pids, pid)
			}
		}
	}
	return pids
}

// Cmdline is a process's command line, arguments joined by spaces.
func Cmdline(pid int) string {
	data, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	return strings.TrimSpace(strings.ReplaceAll(string(data), "\x00", " "))
}

// Env is one variable of a process's environment ("" if absent or unreadable).
func Env(pid int, name string) string {
	data, _ := os.ReadFile(fmt.Sprintf("/proc/%d/environ", pid))
	for _, kv := range strings.Split(string(data), "\x00") {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			return v
		}
	}
	return ""
}

// RSS is a process's resident memory in bytes (0 if it is gone).
func RSS(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// CPUSeconds is the user+system time of a process and of its children that
// have exited and been waited for.
func CPUSeconds(pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(data)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	var ticks float64
	for _, i := range []int{11, 12, 13, 14} { // utime stime cutime cstime (fields 14–17)
		v, _ := strconv.ParseFloat(f[i], 64)
		ticks += v
	}
	return ticks / 100 // USER_HZ is 100 on Linux
}

// LoadAvg is the first three fields of /proc/loadavg.
func LoadAvg() string {
	data, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}
