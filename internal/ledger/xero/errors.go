package xero

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// APIError is a non-2xx answer from Xero. A 400 carries Xero's Error body
// ({"ErrorNumber","Type","Message","Elements"}); 401 and 403 carry a
// problem body whose Detail says why; a 429 names the limit it hit.
type APIError struct {
	Status      int
	Op          string // what Billbridge was doing, e.g. "create invoices"
	ErrorNumber int
	Type        string // e.g. "ValidationException"
	Message     string
	Detail      string            // 401/403: e.g. "AuthenticationUnsuccessful"
	Elements    []json.RawMessage // 400: the elements sent, each with its ValidationErrors

	RateLimitProblem string        // 429: X-Rate-Limit-Problem, e.g. "minute", "day", "concurrent"
	RetryAfter       time.Duration // 429/503: Retry-After
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "xero: %s: HTTP %d", e.Op, e.Status)
	if e.Type != "" {
		b.WriteString(" " + e.Type)
	}
	if e.RateLimitProblem != "" {
		b.WriteString(" (" + e.RateLimitProblem + " limit)")
	}
	if msgs := e.Messages(); len(msgs) > 0 {
		b.WriteString(": " + strings.Join(msgs, "; "))
	}
	return b.String()
}

// Messages are the validation messages of all elements, or else Xero's
// top-level message and detail. Xero's top-level text for a 400 is generic
// ("A validation exception occurred"), so element messages come first.
func (e *APIError) Messages() []string {
	var out []string
	for _, raw := range e.Elements {
		out = append(out, elementMessages(raw)...)
	}
	if len(out) > 0 {
		return out
	}
	for _, s := range []string{e.Message, e.Detail} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ValidationError is one message Xero attached to an element.
type ValidationError struct {
	Message string `json:"Message"`
}

func elementMessages(raw json.RawMessage) []string {
	var el struct {
		ValidationErrors []ValidationError `json:"ValidationErrors"`
	}
	if json.Unmarshal(raw, &el) != nil {
		return nil
	}
	var out []string
	for _, v := range el.ValidationErrors {
		out = append(out, v.Message)
	}
	return out
}

// readAPIError builds an *APIError from a failed response.
func readAPIError(resp *http.Response, op string) *APIError {
	e := &APIError{Status: resp.StatusCode, Op: op}
	e.RateLimitProblem = resp.Header.Get("X-Rate-Limit-Problem")
	e.RetryAfter = retryAfter(resp.Header.Get("Retry-After"), time.Now())
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	var env struct {
		ErrorNumber int               `json:"ErrorNumber"`
		Type        string            `json:"Type"`
		Message     string            `json:"Message"`
		Elements    []json.RawMessage `json:"Elements"`
		Title       string            `json:"Title"`
		Detail      string            `json:"Detail"`
	}
	if json.Unmarshal(body, &env) == nil {
		e.ErrorNumber, e.Type, e.Message, e.Elements, e.Detail = env.ErrorNumber, env.Type, env.Message, env.Elements, env.Detail
		if e.Message == "" {
			e.Message = env.Title
		}
		return e
	}
	if s := strings.TrimSpace(string(body)); s != "" {
		if len(s) > 300 {
			s = s[:300] + "…"
		}
		e.Message = s
	}
	return e
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// isDayLimit reports whether a 429 was for the daily limit. Spellings vary
// across Xero's docs ("day", "Daily"), so match on the prefix.
func isDayLimit(problem string) bool {
	return strings.HasPrefix(strings.ToLower(problem), "da")
}

// mapAPIError wraps e in an apperr where a person can act on it. Errors only
// a developer can fix (a malformed request we built) stay plain *APIError.
func mapAPIError(e *APIError, tenant string, now time.Time) error {
	switch {
	case e.Status == http.StatusUnauthorized:
		return apperr.Wrap(e, apperr.Reconnect, "Xero refused the access token",
			"Reconnect Xero in Billbridge's settings and sign in again.")
	case e.Status == http.StatusForbidden:
		return apperr.Wrap(e, apperr.Reconnect,
			fmt.Sprintf("Billbridge is no longer connected to %s", tenant),
			fmt.Sprintf("Reconnect Xero in Billbridge's settings and tick %s when Xero asks which organisations to connect.", tenant))
	case e.Status == http.StatusNotFound:
		return apperr.Wrap(e, apperr.NotFound, fmt.Sprintf("Xero could not find what Billbridge asked for (%s)", e.Op),
			"It may have been deleted in Xero; refresh the data in Billbridge and try again.")
	case e.Status == http.StatusTooManyRequests && isDayLimit(e.RateLimitProblem):
		msg := fmt.Sprintf("Billbridge has used all of today's Xero API calls for %s", tenant)
		fix := "Xero resets the daily allowance over a rolling 24 hours; try again later."
		if e.RetryAfter > 0 {
			at := now.Add(e.RetryAfter)
			fix = fmt.Sprintf("Xero allows calls again at %s (in about %s); try again then.",
				at.Local().Format("2006-01-02 15:04"), e.RetryAfter.Round(time.Minute))
		}
		return apperr.Wrap(e, apperr.RateLimited, msg, fix)
	case e.Status == http.StatusTooManyRequests:
		what := "too many calls"
		if e.RateLimitProblem != "" {
			what = "the " + strings.ToLower(e.RateLimitProblem) + " limit"
		}
		return apperr.Wrap(e, apperr.RateLimited,
			fmt.Sprintf("Xero asked Billbridge to slow down (%s for %s)", what, tenant),
			"Wait a minute and try again; other apps connected to the same organisation share Xero's limits.")
	case e.Status == http.StatusBadRequest && strings.Contains(strings.ToLower(strings.Join(e.Messages(), " ")), "idempotency"):
		return apperr.Wrap(e, apperr.Conflict,
			"Xero saw the same request key with different content",
			"Refresh the data from Xero and run the sync again; Billbridge will send a fresh key.")
	case e.Status == http.StatusBadRequest && e.Type == "ValidationException":
		return apperr.Wrap(e, apperr.Invalid,
			fmt.Sprintf("Xero rejected %s: %s", e.Op, strings.Join(e.Messages(), "; ")),
			"Correct what Xero names, in Autotask or in Billbridge's mappings, and try again.")
	case e.Status >= 500:
		return apperr.Wrap(e, apperr.Unavailable, "Xero had a problem answering",
			"Try again in a few minutes; status.xero.com shows Xero outages.")
	}
	return e
}
