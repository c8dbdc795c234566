package exact

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

	"github.com/billbridge/billbridge/internal/apperr"
)

// DefaultBaseURL is the API root on the Dutch host, Exact's default.
const DefaultBaseURL = "https://start.exactonline.nl/api/v1/"

// countryHosts are Exact's country sites; auth, token and API calls all go to
// the host of the country the administration lives in.
var countryHosts = map[string]string{
	"nl": "https://start.exactonline.nl",
	"be": "https://start.exactonline.be",
	"de": "https://start.exactonline.de",
	"uk": "https://start.exactonline.co.uk",
	"gb": "https://start.exactonline.co.uk",
	"us": "https://start.exactonline.com",
	"es": "https://start.exactonline.es",
	"fr": "https://start.exactonline.fr",
}

// CountryHost returns the Exact site for a country: an ISO code ("NL", "BE",
// "GB"/"UK", "US") or the site's domain ending ("nl", "co.uk", "com"). The
// second result is false for a country Exact has no site for.
func CountryHost(country string) (string, bool) {
	c := strings.ToLower(strings.TrimSpace(country))
	switch c {
	case "co.uk":
		c = "uk"
	case "com":
		c = "us"
	}
	h, ok := countryHosts[c]
	return h, ok
}

// APIBaseURL is the REST root on an Exact site, e.g.
// https://start.exactonline.be/api/v1/.
func APIBaseURL(host string) string { return strings.TrimRight(host, "/") + "/api/v1/" }

// Client calls the REST API for one division. It is safe for concurrent use.
type Client struct {
	base         string // ends in "/api/v1/"
	baseURL      *url.URL
	http         *http.Client
	division     int
	divisionName string
	dayLimit     int
	now          func() time.Time
	sleep        func(context.Context, time.Duration) error
	margin       time.Duration

	mu      sync.Mutex
	limits  Limits
	pace    pacer
	guard   guard
	catalog *Catalog
}

// Option changes a Client built by NewClient.
type Option func(*Client)

// WithDivisionName names the division in messages ("… for Acme BV"); without
// it the division number is used.
func WithDivisionName(name string) Option { return func(c *Client) { c.divisionName = name } }

// WithDailyLimit sets the daily call allowance per division that
// CheckDayBudget uses until Exact has reported it (default DefaultDayLimit).
func WithDailyLimit(n int) Option { return func(c *Client) { c.dayLimit = n } }

// WithClock replaces time.Now, for tests and for a simulator whose clock runs
// faster than the wall clock.
func WithClock(now func() time.Time) Option { return func(c *Client) { c.now = now } }

// WithSleep replaces the wait used for pacing, for tests.
func WithSleep(sleep func(context.Context, time.Duration) error) Option {
	return func(c *Client) { c.sleep = sleep }
}

// WithResetMargin changes how long after Exact's minutely reset the client
// resumes (default DefaultResetMargin); a simulator running minutes faster
// needs a smaller margin.
func WithResetMargin(d time.Duration) Option { return func(c *Client) { c.margin = d } }

// NewClient returns a client for division. apiBaseURL is the REST root
// ending in /api/v1/ (default DefaultBaseURL; see CountryHost and
// APIBaseURL); httpClient must add the bearer token (internal/oauth).
func NewClient(apiBaseURL string, httpClient *http.Client, division int, opts ...Option) *Client {
	if apiBaseURL == "" {
		apiBaseURL = DefaultBaseURL
	}
	if !strings.HasSuffix(apiBaseURL, "/") {
		apiBaseURL += "/"
	}
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	c := &Client{
		base:     apiBaseURL,
		http:     httpClient,
		division: division,
		dayLimit: DefaultDayLimit,
		now:      time.Now,
		sleep:    sleepContext,
		margin:   DefaultResetMargin,
	}
	c.baseURL, _ = url.Parse(apiBaseURL)
	for _, o := range opts {
		o(c)
	}
	if c.divisionName == "" {
		c.divisionName = "division " + strconv.Itoa(division)
	}
	return c
}

// Division is the division number this client calls.
func (c *Client) Division() int { return c.division }

// request is one call to the REST API.
type request struct {
	method string
	path   string // below {base}{division}/, e.g. "crm/Accounts"; or a full URL from __next
	global bool   // path is below {base} without a division (current/Me)
	query  string // encoded query, from Query.Encode
	body   any    // marshalled as JSON when non-nil
	op     string // for errors: "create sales entry"
	doc    string // the document, for errors: "Autotask invoice 1042"
	fields []string
	absURL string // a __next link to follow as is
}

// endpoint names the API resource a request calls, the unit Exact counts
// errors per, e.g. "salesentry/SalesEntries".
func (r request) endpoint() string {
	p := r.path
	if r.absURL != "" {
		if u, err := url.Parse(r.absURL); err == nil {
			p = u.Path
			if i := strings.Index(p, "/api/v1/"); i >= 0 {
				p = p[i+len("/api/v1/"):]
			}
		}
	}
	if j := strings.Index(p, "/"); j >= 0 && isDigits(p[:j]) {
		p = p[j+1:] // the division
	}
	if i := strings.Index(p, "("); i >= 0 {
		p = p[:i]
	}
	return p
}

func (c *Client) url(r request) (string, error) {
	if r.absURL != "" {
		// Follow Exact's own next link, but never send the token elsewhere.
		u, err := url.Parse(r.absURL)
		if err != nil || c.baseURL == nil || u.Scheme != c.baseURL.Scheme || u.Host != c.baseURL.Host {
			return "", fmt.Errorf("exact: %s: next link %q is not on %s", r.op, r.absURL, c.base)
		}
		return r.absURL, nil
	}
	u := c.base
	if !r.global {
		u += strconv.Itoa(c.division) + "/"
	}
	u += r.path
	if r.query != "" {
		u += "?" + r.query
	}
	return u, nil
}

// do sends r and decodes a 2xx JSON answer into out (when non-nil). Pacing
// should make a 429 impossible, but another app on the same division shares
// the limit: a minute-limit 429 is waited out and sent once more.
func (c *Client) do(ctx context.Context, r request, out any) error {
	err := c.send(ctx, r, out)
	var e *APIError
	if !errors.As(err, &e) || e.Status != http.StatusTooManyRequests || e.DayOut {
		return err
	}
	wait := e.MinuteReset.Add(c.margin).Sub(c.now())
	if e.MinuteReset.IsZero() || wait > 2*time.Minute {
		return err
	}
	if serr := c.sleep(ctx, wait); serr != nil {
		return err
	}
	return c.send(ctx, r, out)
}

// send makes one call. It waits for the minute's allowance first and refuses
// an endpoint the guard has stopped.
func (c *Client) send(ctx context.Context, r request, out any) error {
	var body []byte
	if r.body != nil {
		var err error
		if body, err = json.Marshal(r.body); err != nil {
			return fmt.Errorf("exact: %s: encode: %w", r.op, err)
		}
	}
	u, err := c.url(r)
	if err != nil {
		return err
	}
	endpoint := r.endpoint()
	if err := c.checkGuard(endpoint); err != nil {
		return err
	}
	if err := c.waitTurn(ctx); err != nil {
		return fmt.Errorf("exact: %s: %w", r.op, err)
	}
	defer c.done()

	req, err := http.NewRequestWithContext(ctx, r.method, u, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("exact: %s: %w", r.op, err)
	}
	if body == nil {
		req.Body, req.GetBody, req.ContentLength = http.NoBody, nil, 0
	} else {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	if r.method == http.MethodPost {
		req.Header.Set("Prefer", "return=representation")
	}

	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("exact: %s: %w", r.op, ctx.Err())
		}
		return apperr.Wrap(fmt.Errorf("exact: %s: %w", r.op, err), apperr.Unavailable,
			"Billbridge could not reach Exact Online",
			"Check the internet connection, then try again; status.exactonline.com shows Exact outages.")
	}
	defer resp.Body.Close()
	c.observe(resp.Header)

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		e := readAPIError(resp, r.op, r.doc)
		e.Endpoint = endpoint
		e.Field = fieldIn(e.Message, r.fields)
		if countsAsFailure(resp.StatusCode) {
			c.recordFailure(endpoint, e.Message)
		}
		return c.mapAPIError(e)
	}
	if out == nil || resp.StatusCode == http.StatusNoContent {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("exact: %s: decode answer: %w", r.op, err)
	}
	return nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
