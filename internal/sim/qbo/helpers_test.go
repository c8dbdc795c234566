package qbosim_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	qbosim "github.com/billbridge/billbridge/internal/sim/qbo"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var (
	us = qbosim.DemoUS.RealmID
	gb = qbosim.DemoGB.RealmID
)

func start(t *testing.T, opts qbosim.Options) (*qbosim.Server, *clock) {
	t.Helper()
	clk := &clock{t: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	if opts.Now == nil {
		opts.Now = clk.Now
	}
	s, err := qbosim.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, clk
}

type resp struct {
	status int
	body   map[string]any
	raw    string
}

// call sends method to realm's path ("invoice?minorversion=75") with body.
func call(t *testing.T, s *qbosim.Server, token, realm, method, path string, body any) resp {
	t.Helper()
	var rd io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		rd = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, s.APIBaseURL()+realm+"/"+path, rd)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Content-Type", "application/json")
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	raw, _ := io.ReadAll(r.Body)
	out := resp{status: r.StatusCode, raw: string(raw)}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	_ = d.Decode(&out.body)
	return out
}

// faultCode is the code of the first Error of a Fault body.
func faultCode(r resp) string {
	f, _ := r.body["Fault"].(map[string]any)
	errs, _ := f["Error"].([]any)
	if len(errs) == 0 {
		return ""
	}
	e, _ := errs[0].(map[string]any)
	c, _ := e["code"].(string)
	return c
}

func entity(r resp, name string) map[string]any {
	m, _ := r.body[name].(map[string]any)
	return m
}

func str(v any) string {
	switch x := v.(type) {
	case json.Number:
		return x.String()
	case string:
		return x
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// mustCreate creates an entity and returns it.
func mustCreate(t *testing.T, s *qbosim.Server, tok, realm, name string, body map[string]any) map[string]any {
	t.Helper()
	r := call(t, s, tok, realm, "POST", lower(name)+"?minorversion=75", body)
	if r.status != 200 {
		t.Fatalf("create %s: %d %s", name, r.status, r.raw)
	}
	return entity(r, name)
}

func lower(s string) string { return string(bytes.ToLower([]byte(s))) }

func ref(id string) map[string]any { return map[string]any{"value": id} }

func token(s *qbosim.Server, realm string) string {
	a, _ := s.IssueToken(qbosim.DemoApp.ClientID, realm)
	return a
}
