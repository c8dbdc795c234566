package xero

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// DefaultBaseURL is the Accounting API root.
const DefaultBaseURL = "https://api.xero.com/api.xro/2.0/"

// Client calls the Accounting API for one organisation. It is safe for
// concurrent use.
type Client struct {
	base       string // ends in "/"
	http       *http.Client
	tenantID   string
	tenantName string
	dayLimit   int
	now        func() time.Time

	mu     sync.Mutex
	limits Limits
}

// Option changes a Client built by NewClient.
type Option func(*Client)

// WithTenantName names the organisation in messages ("Billbridge is no longer
// connected to Acme Ltd"); without it the tenant id is used.
func WithTenantName(name string) Option { return func(c *Client) { c.tenantName = name } }

// WithDailyLimit sets the app's daily call allowance per organisation: 1,000
// on Xero's free Starter tier (StarterDayLimit), 5,000 on paid tiers
// (DefaultDayLimit, the default). CheckDayBudget uses it until Xero has
// reported the remaining calls in a response header.
func WithDailyLimit(n int) Option { return func(c *Client) { c.dayLimit = n } }

// WithClock replaces time.Now, for tests.
func WithClock(now func() time.Time) Option { return func(c *Client) { c.now = now } }

// NewClient returns a client for the organisation tenantID. baseURL defaults
// to DefaultBaseURL; httpClient must add the bearer token (internal/oauth)
// and should retry and rate-limit (internal/httpx).
func NewClient(baseURL string, httpClient *http.Client, tenantID string, opts ...Option) *Client {
	if baseURL == "" {
		baseURL = DefaultBaseURL
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
		tenantID: tenantID,
		dayLimit: DefaultDayLimit,
		now:      time.Now,
	}
	for _, o := range opts {
		o(c)
	}
	if c.tenantName == "" {
		c.tenantName = tenantID
	}
	return c
}

// TenantID is the organisation this client calls.
func (c *Client) TenantID() string { return c.tenantID }

// request is one call to the Accounting API.
type request struct {
	method   string
	path     string     // below the base, e.g. "Invoices" or "Invoices/{id}"
	query    url.Values // nil for none
	body     any        // marshalled as JSON when non-nil
	key      string     // Idempotency-Key for PUT/POST; derived from the body when empty
	since    time.Time  // If-Modified-Since when non-zero
	op       string     // for errors: "create invoices"
	notFound bool       // a 404 means "no such record": return ErrNotFound
}

// ErrNotFound is wrapped when Xero answers 404 for a record asked for by id or
// number.
var ErrNotFound = errors.New("xero: not found")

// do sends r and decodes a 2xx JSON answer into out (when non-nil).
func (c *Client) do(ctx context.Context, r request, out any) error {
	var body []byte
	if r.body != nil {
		var err error
		if body, err = json.Marshal(r.body); err != nil {
			return fmt.Errorf("xero: %s: encode: %w", r.op, err)
		}
	}
	u := c.base + r.path
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("xero: %s: %w", r.op, err)
	}
	if body == nil {
		req.Body, req.GetBody, req.ContentLength = http.NoBody, nil, 0
	} else {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("xero-tenant-id", c.tenantID)
	if r.method == http.MethodPut || r.method == http.MethodPost {
		key := r.key
		if key == "" {
			// Same request, same key: a network retry is answered with the
			// first result instead of creating twice.
			key = IdempotencyKey(r.method, r.path, r.query.Encode(), string(body))
		}
		if len(key) > MaxKeyLength {
			key = IdempotencyKey(key)
		}
		req.Header.Set("Idempotency-Key", key)
	}
	if !r.since.IsZero() {
		req.Header.Set("If-Modified-Since", r.since.UTC().Format(time.RFC3339))
	}

	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("xero: %s: %w", r.op, ctx.Err())
		}
		return apperr.Wrap(fmt.Errorf("xero: %s: %w", r.op, err), apperr.Unavailable,
			"Billbridge could not reach Xero",
			"Check the internet connection, then try again; status.xero.com shows Xero outages.")
	}
	defer resp.Body.Close()
	c.observe(resp.Header)

	if resp.StatusCode == http.StatusNotFound && r.notFound {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return fmt.Errorf("xero: %s: %w", r.op, ErrNotFound)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return mapAPIError(readAPIError(resp, r.op), c.tenantName, c.now())
	}
	if out == nil {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("xero: %s: decode answer: %w", r.op, err)
	}
	return nil
}
