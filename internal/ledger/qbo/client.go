package qbo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/billbridge/billbridge/internal/apperr"
)

// Base URLs of the Accounting API; the realm id follows.
const (
	ProductionBaseURL = "https://quickbooks.api.intuit.com/v3/company/"
	SandboxBaseURL    = "https://sandbox-quickbooks.api.intuit.com/v3/company/"
)

// MinorVersion is sent on every call. Since 2025-08-01 Intuit serves any
// lower minor version (or none) as 75, so 75 is the oldest that still means
// what it says, and it is the version of the XSDs the models follow
// (../shared/specs/qbo). Raise it deliberately, after checking the changes.
const MinorVersion = "75"

// Client calls the Accounting API for one company (realm). It is safe for
// concurrent use.
type Client struct {
	base      string // ends in "/", the realm follows
	http      *http.Client
	realmID   string
	company   string // for messages; the realm id when not set
	pageSize  int
	batchRate *rate.Limiter // nil = no client-side batch limit
	now       func() time.Time

	mu      sync.Mutex
	lastTID string
}

// Option changes a Client built by NewClient.
type Option func(*Client)

// WithCompanyName names the company in messages ("Billbridge is no longer
// connected to Acme LLC"); without it the realm id is used.
func WithCompanyName(name string) Option { return func(c *Client) { c.company = name } }

// WithPageSize sets MAXRESULTS for queries (1..MaxResults); tests use small
// pages to exercise paging.
func WithPageSize(n int) Option {
	return func(c *Client) {
		if n > 0 && n <= MaxResults {
			c.pageSize = n
		}
	}
}

// WithBatchLimit sets how many batch requests a minute the client sends
// (default BatchPerMinute, Intuit's throttle per realm and app). 0 or less
// removes the client-side limit, e.g. against a simulator with a time scale.
func WithBatchLimit(perMinute float64) Option {
	return func(c *Client) {
		if perMinute <= 0 {
			c.batchRate = nil
			return
		}
		c.batchRate = rate.NewLimiter(rate.Limit(perMinute/60), max(1, int(perMinute)))
	}
}

// WithClock replaces time.Now, for tests.
func WithClock(now func() time.Time) Option { return func(c *Client) { c.now = now } }

// NewClient returns a client for the company realmID. baseURL defaults to
// ProductionBaseURL (SandboxBaseURL for development keys); httpClient must add
// the bearer token (internal/oauth) and should retry and rate-limit
// (internal/httpx, HTTPOptions).
func NewClient(baseURL string, httpClient *http.Client, realmID string, opts ...Option) *Client {
	if baseURL == "" {
		baseURL = ProductionBaseURL
	}
	if !strings.HasSuffix(baseURL, "/") {
		baseURL += "/"
	}
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	c := &Client{
		base:     baseURL,
		http:     httpClient,
		realmID:  realmID,
		pageSize: MaxResults,
		now:      time.Now,
	}
	WithBatchLimit(BatchPerMinute)(c)
	for _, o := range opts {
		o(c)
	}
	if c.company == "" {
		c.company = "company " + realmID
	}
	return c
}

// RealmID is the company this client calls.
func (c *Client) RealmID() string { return c.realmID }

// LastTID is the intuit_tid of the latest answer, which Intuit support asks
// for when a call went wrong.
func (c *Client) LastTID() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lastTID
}

// request is one call to the Accounting API.
type request struct {
	method    string
	path      string     // below the realm, e.g. "invoice" or "invoice/130"
	query     url.Values // besides minorversion; nil for none
	body      any        // marshalled as JSON when non-nil
	requestID string     // for writes; derived from the body when empty
	op        string     // for errors: "create invoice"
	subject   subject    // what the call is about, for messages
}

// subject names the document a call is about, for error messages.
type subject struct {
	entity string // "Invoice"
	ref    string // "1043", a DocNumber or name; may be empty
}

func (s subject) String() string {
	if s.entity == "" {
		return "the request"
	}
	w := words(s.entity)
	if s.ref == "" {
		return "the " + w
	}
	return strings.ToUpper(w[:1]) + w[1:] + " " + s.ref
}

// lower is String for the middle of a sentence: "invoice 1043".
func (s subject) lower() string {
	if s.entity == "" || s.ref == "" {
		return s.String()
	}
	return words(s.entity) + " " + s.ref
}

// words spells an entity name for people: "CreditMemo" → "credit memo".
func words(entity string) string {
	var b strings.Builder
	for i, r := range entity {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return strings.ToLower(b.String())
}

// ErrNotFound is wrapped when QuickBooks has no object with the id asked for
// (Fault 610).
var ErrNotFound = errors.New("qbo: not found")

// do sends r and decodes a 2xx JSON answer into out (when non-nil). An answer
// holding a Fault, whatever its status, is an error.
func (c *Client) do(ctx context.Context, r request, out any) error {
	var body []byte
	if r.body != nil {
		var err error
		if body, err = json.Marshal(r.body); err != nil {
			return fmt.Errorf("qbo: %s: encode: %w", r.op, err)
		}
	}
	q := url.Values{}
	for k, v := range r.query {
		q[k] = v
	}
	q.Set("minorversion", MinorVersion)
	if r.method == http.MethodPost {
		id := r.requestID
		if id == "" {
			// Same request, same id: a network retry is answered with the
			// first result instead of being applied twice.
			id = RequestID(r.method, r.path, encodeQuery(r.query), string(body))
		}
		q.Set("requestid", id)
	}
	u := c.base + url.PathEscape(c.realmID) + "/" + r.path + "?" + encodeQuery(q)
	req, err := http.NewRequestWithContext(ctx, r.method, u, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("qbo: %s: %w", r.op, err)
	}
	if body == nil {
		req.Body, req.GetBody, req.ContentLength = http.NoBody, nil, 0
	} else {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")

	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("qbo: %s: %w", r.op, ctx.Err())
		}
		return apperr.Wrap(fmt.Errorf("qbo: %s: %w", r.op, err), apperr.Unavailable,
			"Billbridge could not reach QuickBooks Online",
			"Check the internet connection, then try again; status.developer.intuit.com shows Intuit outages.")
	}
	defer resp.Body.Close()
	tid := resp.Header.Get("intuit_tid")
	if tid != "" {
		c.mu.Lock()
		c.lastTID = tid
		c.mu.Unlock()
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return apperr.Wrap(fmt.Errorf("qbo: %s: read answer: %w", r.op, err), apperr.Unavailable,
			"QuickBooks Online stopped answering half way", "Try again in a minute.")
	}
	if ae := parseFault(resp.StatusCode, resp.Header, data); ae != nil {
		ae.Op, ae.TID = r.op, tid
		return c.mapError(ae, r.subject)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("qbo: %s: decode answer: %w", r.op, err)
	}
	return nil
}

// encodeQuery is url.Values.Encode with spaces as %20: Intuit's examples
// send queries that way, and it reads the same to any server.
func encodeQuery(q url.Values) string {
	return strings.ReplaceAll(q.Encode(), "+", "%20")
}

// entityPath is the resource path of an entity: "Invoice" → "invoice".
func entityPath(entity string) string { return strings.ToLower(entity) }

// itoa is strconv.Itoa, for brevity in paths and ids.
func itoa(n int) string { return strconv.Itoa(n) }
