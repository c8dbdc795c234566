package autotask

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
	"golang.org/x/time/rate"
)

// DefaultZoneLookupURL is where Autotask answers which zone an API user lives in.
const DefaultZoneLookupURL = "https://webservices.autotask.net/atservicesrest/"

// threadsPerEndpoint is Autotask's limit of concurrent requests per
// integration code and entity endpoint (integrations created since 2023.1).
const threadsPerEndpoint = 3

// Config holds what a Client needs besides the credentials.
type Config struct {
	// ZoneLookupURL defaults to DefaultZoneLookupURL; tests point it at a simulator.
	ZoneLookupURL string
	// HTTP does the calls; use an httpx client for retries, rate limits and
	// counting. Nil means a plain client with a 2-minute timeout.
	HTTP *http.Client
	// Logger gets one debug line per call, never a secret. Nil discards.
	Logger *slog.Logger
	// Limiter, when set, is the limiter the client slows down (SetLimit) as
	// the tenant's hourly usage rises; share it with the httpx client so one
	// bucket governs all Autotask calls. Nil gives the client its own.
	Limiter *rate.Limiter
}

// Client talks to one Autotask zone as one API user. It is safe for
// concurrent use; the metadata cache lives as long as the Client (one run).
type Client struct {
	base    *url.URL // the zone's REST root, ending in "/"
	err     error    // a bad zone URL given to New, returned by every call
	zone    ZoneInfo // set by Connect
	creds   Credentials
	http    *http.Client
	log     *slog.Logger
	limiter *rate.Limiter

	semMu sync.Mutex
	sems  map[string]chan struct{}

	meta metaCache

	paceMu    sync.Mutex
	paced     bool       // baseLimit has been recorded
	baseLimit rate.Limit // the limiter's rate before any slow-down
}

// New returns a client for a known zone URL (e.g. cached in the profile from
// an earlier Connect), such as "https://webservices5.autotask.net/ATServicesRest/".
// A zone URL that does not parse makes every call fail with an apperr Invalid.
func New(zoneURL string, cfg Config, creds Credentials) *Client {
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{Timeout: 2 * time.Minute}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Limiter == nil {
		cfg.Limiter = rate.NewLimiter(rate.Inf, 1)
	}
	c := &Client{
		creds:   creds,
		http:    cfg.HTTP,
		log:     cfg.Logger,
		limiter: cfg.Limiter,
		sems:    map[string]chan struct{}{},
	}
	u, err := parseRoot(zoneURL)
	if err != nil {
		c.base = &url.URL{}
		c.err = apperr.Wrap(err, apperr.Invalid, "The saved Autotask zone address is not valid",
			"Run the Autotask connection test again so Billbridge looks the zone up afresh.")
		return c
	}
	c.base = u
	return c
}

// ZoneURL is the REST root every call goes to; store it in the profile to
// skip zone discovery next time.
func (c *Client) ZoneURL() string { return c.base.String() }

// parseRoot checks an absolute http(s) URL and makes sure it ends in "/", so
// "V1.0/…" can be appended to it.
func parseRoot(s string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return nil, err
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("%q is not an absolute http(s) URL", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawQuery, u.Fragment = "", ""
	return u, nil
}

// url returns the absolute URL of a path below V1.0/.
func (c *Client) url(path string) string {
	return c.base.String() + "V1.0/" + path
}

// call is one request to Autotask.
type call struct {
	method string
	url    string
	entity string // for the thread limit and error messages
	op     string
	body   any // marshalled as JSON when non-nil
	// repeatable: sending it twice has the effect of sending it once — a
	// POST that only reads (query, count), or a PATCH that sets fields to
	// given values — so the HTTP layer may retry it.
	repeatable bool
}

// do sends c and decodes a 2xx JSON answer into out (when non-nil). Failures
// come back as *APIError (wrapped in an apperr where a user can act) or as an
// apperr Unavailable for network failures.
func (c *Client) do(ctx context.Context, cl call, out any) error {
	if c.err != nil {
		return c.err
	}
	var body []byte
	if cl.body != nil {
		var err error
		if body, err = json.Marshal(cl.body); err != nil {
			return fmt.Errorf("autotask: %s %s: encode: %w", cl.op, cl.entity, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, cl.method, cl.url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("autotask: %s %s: %w", cl.op, cl.entity, err)
	}
	if body == nil {
		req.Body, req.GetBody, req.ContentLength = http.NoBody, nil, 0
	}
	setHeaders(req.Header, c.creds)
	if cl.repeatable {
		req = markIdempotent(req)
	}

	release, err := c.acquire(ctx, cl.entity)
	if err != nil {
		return err
	}
	defer release()
	if err := c.limiter.Wait(ctx); err != nil {
		return fmt.Errorf("autotask: %s %s: %w", cl.op, cl.entity, err)
	}

	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("autotask: %s %s: %w", cl.op, cl.entity, ctx.Err())
		}
		return networkError(err, req.URL.Host)
	}
	defer resp.Body.Close()
	c.log.LogAttrs(ctx, slog.LevelDebug, "autotask call",
		slog.String("method", cl.method), slog.String("op", cl.op), slog.String("entity", cl.entity),
		slog.Int("status", resp.StatusCode), slog.Duration("took", time.Since(start)))

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return userError(readAPIError(resp, cl.entity, cl.op), c.creds)
	}
	if out == nil {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("autotask: %s %s: decode answer: %w", cl.op, cl.entity, err)
	}
	return nil
}

// setHeaders writes the headers Autotask defines for every call, with
// Autotask's own spelling (set on the map directly, because Header.Set would
// send "Apiintegrationcode"; Autotask accepts both, its documentation shows this).
func setHeaders(h http.Header, creds Credentials) {
	h["ApiIntegrationCode"] = []string{creds.IntegrationCode}
	h["UserName"] = []string{creds.UserName}
	h["Secret"] = []string{creds.Secret}
	if creds.ImpersonationResourceID != 0 {
		h["ImpersonationResourceId"] = []string{strconv.FormatInt(creds.ImpersonationResourceID, 10)}
	}
	h.Set("Content-Type", "application/json")
	h.Set("Accept", "application/json")
}

// acquire takes one of the three slots Autotask allows per entity endpoint.
func (c *Client) acquire(ctx context.Context, entity string) (func(), error) {
	key := strings.ToLower(entity)
	if key == "" {
		return func() {}, nil
	}
	c.semMu.Lock()
	sem, ok := c.sems[key]
	if !ok {
		sem = make(chan struct{}, threadsPerEndpoint)
		c.sems[key] = sem
	}
	c.semMu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// networkError is a failure to reach Autotask at all.
func networkError(err error, host string) error {
	return apperr.Wrap(err, apperr.Unavailable,
		fmt.Sprintf("Could not reach Autotask at %s", host),
		"Check the internet connection (and proxy or firewall) of this computer, then try again.")
}

// IsNotFound reports whether err says a record does not exist.
func IsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
