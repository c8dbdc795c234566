package oauth

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Callback is what the browser brought back to the redirect URI.
type Callback struct {
	Code    string
	State   string
	RealmID string // QuickBooks Online: the company the user picked
}

// LogValue keeps the authorisation code out of logs.
func (c Callback) LogValue() slog.Value {
	return slog.GroupValue(slog.Bool("has_code", c.Code != ""), slog.String("realm_id", c.RealmID))
}

// Loopback receives one authorisation redirect on the loopback interface.
// It binds 127.0.0.1 (and ::1 on the same port where the machine has IPv6,
// because browsers may resolve "localhost" to either), never a routable
// address, so nothing off this machine can reach it.
type Loopback struct {
	name      string // provider name, for messages
	path      string
	port      int
	listeners []net.Listener
	srv       *http.Server

	state     string
	once      sync.Once // the first /callback decides
	startOnce sync.Once
	results   chan callbackResult
	closeMu   sync.Mutex
	isClosed  bool
}

type callbackResult struct {
	cb      Callback
	err     error
	refused bool // not our state: say so to whoever sent it
}

// ListenLoopback binds the first port of ports that is free on the loopback
// interface (any free port when ports is empty) and returns a Loopback that
// will serve GET path once Wait is called. name is the provider's name.
func ListenLoopback(name string, ports []int, path string) (*Loopback, error) {
	if path == "" {
		path = "/callback"
	}
	l := &Loopback{name: name, path: path, results: make(chan callbackResult, 1)}
	if len(ports) == 0 {
		ports = []int{0}
	}
	ipv6 := hasIPv6Loopback()
	var lastErr error
	for _, port := range ports {
		ln4, err := net.Listen("tcp4", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			lastErr = err
			continue // busy, or reserved by the OS: try the next registered port
		}
		bound := ln4.Addr().(*net.TCPAddr).Port
		l.listeners = []net.Listener{ln4}
		if ipv6 {
			ln6, err := net.Listen("tcp6", net.JoinHostPort("::1", strconv.Itoa(bound)))
			switch {
			case err == nil:
				l.listeners = append(l.listeners, ln6)
			case port != 0:
				// Someone else holds [::1]:port; a browser that tries ::1
				// first would hand them the code. Move on.
				ln4.Close()
				lastErr = err
				continue
			}
		}
		l.port = bound
		l.srv = &http.Server{Handler: http.HandlerFunc(l.handle), ReadHeaderTimeout: 10 * time.Second}
		return l, nil
	}
	return nil, apperr.Wrap(fmt.Errorf("oauth: %s: listen on loopback ports %v: %w", name, ports, lastErr),
		apperr.Unavailable,
		fmt.Sprintf("Billbridge could not open a local port to receive the %s sign-in (ports %s are in use)", name, portList(ports)),
		"Close other programs or sign-in windows that may use these ports, then connect again.")
}

func portList(ports []int) string {
	s := ""
	for i, p := range ports {
		if i > 0 {
			s += ", "
		}
		s += strconv.Itoa(p)
	}
	return s
}

func hasIPv6Loopback() bool {
	ln, err := net.Listen("tcp6", "[::1]:0")
	if err != nil {
		return false
	}
	ln.Close()
	return true
}

// Port is the port the listener is bound to.
func (l *Loopback) Port() int { return l.port }

// Addrs are the addresses the listener is bound to.
func (l *Loopback) Addrs() []net.Addr {
	out := make([]net.Addr, len(l.listeners))
	for i, ln := range l.listeners {
		out[i] = ln.Addr()
	}
	return out
}

// RedirectURL is the redirect URI for host ("localhost" or "127.0.0.1").
func (l *Loopback) RedirectURL(host string) string {
	return (&url.URL{Scheme: "http", Host: net.JoinHostPort(host, strconv.Itoa(l.port)), Path: l.path}).String()
}

// Start begins serving the callback path, expecting state. A browser that
// connected earlier waits in the listen queue until then.
func (l *Loopback) Start(state string) {
	l.startOnce.Do(func() {
		l.state = state
		for _, ln := range l.listeners {
			go l.srv.Serve(ln)
		}
	})
}

// Wait returns the first callback served after Start (or an error when ctx
// ends), once the browser has its answer, and shuts the listener down.
func (l *Loopback) Wait(ctx context.Context) (Callback, error) {
	defer l.Close()
	select {
	case r := <-l.results:
		return r.cb, r.err
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return Callback{}, apperr.Wrap(fmt.Errorf("oauth: %s: wait for the browser: %w", l.name, ctx.Err()),
				apperr.Unavailable,
				fmt.Sprintf("No answer came back from the %s sign-in page in time", l.name),
				"Connect again and finish signing in, in the browser window Billbridge opens.")
		}
		return Callback{}, fmt.Errorf("oauth: %s: wait for the browser: %w", l.name, ctx.Err())
	}
}

// Close stops the listener; it lets an answer being written finish first.
func (l *Loopback) Close() error {
	l.closeMu.Lock()
	defer l.closeMu.Unlock()
	if l.isClosed {
		return nil
	}
	l.isClosed = true
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := l.srv.Shutdown(ctx)
	for _, ln := range l.listeners {
		ln.Close() // Shutdown closes only listeners that Serve was given
	}
	return err
}

func (l *Loopback) handle(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != l.path {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	res := l.evaluate(r.URL.Query())
	first := false
	l.once.Do(func() { first = true })
	page := pageDone
	switch {
	case !first:
		page = pageStale
	case res.refused:
		page = pageRefused
	case res.err != nil && apperr.CodeOf(res.err) == apperr.Reconnect:
		page = pageDenied
	case res.err != nil:
		page = pageFailed
	}
	writePage(w, page, l.name)
	if first {
		l.results <- res
	}
}

// evaluate checks one redirect. The state comes first: an answer that does
// not carry ours is not ours, whatever else it says.
func (l *Loopback) evaluate(q url.Values) callbackResult {
	if got := q.Get("state"); l.state == "" || subtle.ConstantTimeCompare([]byte(got), []byte(l.state)) != 1 {
		return callbackResult{err: refusedState(l.name), refused: true}
	}
	if e := q.Get("error"); e != "" {
		return callbackResult{err: authorizeError(l.name, e, q.Get("error_description"))}
	}
	cb := Callback{Code: q.Get("code"), State: q.Get("state"), RealmID: q.Get("realmId")}
	if cb.Code == "" {
		return callbackResult{err: apperr.New(apperr.Invalid,
			fmt.Sprintf("%s sent Billbridge back without an authorisation code", l.name),
			"Connect again; if it keeps happening, check the app's redirect URIs with "+l.name+".")}
	}
	return callbackResult{cb: cb}
}

func refusedState(name string) error {
	return apperr.New(apperr.Invalid,
		fmt.Sprintf("Billbridge refused a %s sign-in answer that does not belong to the sign-in it started", name),
		"Close other sign-in windows and connect again from Billbridge.")
}

// authorizeError turns the error of an authorisation redirect (RFC 6749
// §4.1.2.1) into what the user can do about it.
func authorizeError(name, code, description string) error {
	cause := fmt.Errorf("oauth: %s: authorize: %s %q", name, code, description)
	switch code {
	case "access_denied":
		return apperr.Wrap(cause, apperr.Reconnect,
			fmt.Sprintf("Billbridge was not allowed to connect to %s", name),
			fmt.Sprintf("Connect again and choose Allow on the %s page.", name))
	case "invalid_scope":
		return apperr.Wrap(cause, apperr.Invalid,
			fmt.Sprintf("%s refused the permissions Billbridge asked for", name),
			"Apps created since March 2026 need granular scopes: switch the app type in the connection settings and connect again.")
	default:
		msg := fmt.Sprintf("%s refused the sign-in (%s)", name, code)
		if description != "" {
			msg += ": " + description
		}
		return apperr.Wrap(cause, apperr.Invalid, msg,
			fmt.Sprintf("Check the client id and the redirect URIs registered for your %s app, then connect again.", name))
	}
}

type page struct{ Title, Body string }

var (
	pageDone    = page{"Connected", "Billbridge received the answer from %s."}
	pageDenied  = page{"Not connected", "Access to %s was not allowed."}
	pageRefused = page{"Request refused", "Billbridge refused this request: it does not belong to the %s sign-in Billbridge started."}
	pageFailed  = page{"Not connected", "The %s sign-in did not succeed; Billbridge shows why and what to do."}
	pageStale   = page{"Already done", "This %s sign-in was already handled."}
)

var pageTmpl = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Billbridge – {{.Title}}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head><body><h1>{{.Title}}</h1><p>{{.Body}}</p>
<p>You can close this window and return to Billbridge.</p></body></html>
`))

// writePage answers the browser. It echoes nothing from the request, so
// neither the code nor anything an attacker put in the URL appears.
func writePage(w http.ResponseWriter, p page, name string) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Connection", "close")
	status := http.StatusOK
	if p == pageRefused {
		status = http.StatusBadRequest
	}
	w.WriteHeader(status)
	_ = pageTmpl.Execute(w, page{Title: p.Title, Body: fmt.Sprintf(p.Body, name)})
}
