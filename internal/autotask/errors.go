package autotask

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/billbridge/billbridge/internal/apperr"
)

// ErrNotFound is wrapped by Get when Autotask answers {"item": null}: the
// record does not exist or the API user may not see it.
var ErrNotFound = errors.New("autotask: not found")

// APIError is a non-2xx answer from Autotask with the messages of its error
// body ({"errors":["…"]}).
type APIError struct {
	Status int
	Errors []string
	Entity string // e.g. "Invoices"; empty for zone and threshold calls
	Op     string // "query", "count", "get", "update", "fields", "threshold", "zone"
}

func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("autotask: ")
	b.WriteString(e.Op)
	if e.Entity != "" {
		b.WriteString(" ")
		b.WriteString(e.Entity)
	}
	fmt.Fprintf(&b, ": HTTP %d", e.Status)
	if len(e.Errors) > 0 {
		b.WriteString(": ")
		b.WriteString(strings.Join(e.Errors, "; "))
	}
	return b.String()
}

// Message is Autotask's own text, joined.
func (e *APIError) Message() string { return strings.Join(e.Errors, "; ") }

// mentions reports whether any of Autotask's messages contains one of words
// (case-insensitive).
func (e *APIError) mentions(words ...string) bool {
	m := strings.ToLower(e.Message())
	for _, w := range words {
		if strings.Contains(m, strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// readAPIError builds an *APIError from a failed response. Autotask's body is
// usually {"errors":[…]}; anything else is kept as one message, shortened.
func readAPIError(resp *http.Response, entity, op string) *APIError {
	e := &APIError{Status: resp.StatusCode, Entity: entity, Op: op}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	var env struct {
		Errors []string `json:"errors"`
	}
	if json.Unmarshal(body, &env) == nil && len(env.Errors) > 0 {
		e.Errors = env.Errors
		return e
	}
	if s := strings.TrimSpace(string(body)); s != "" {
		if len(s) > 300 {
			s = s[:300] + "…"
		}
		e.Errors = []string{s}
	}
	return e
}

// userError turns an *APIError into an apperr where a person can act on it,
// keeping the APIError as the cause. Errors nobody but a developer can fix
// (a bad filter we built, say) stay plain.
func userError(e *APIError, creds Credentials) error {
	switch {
	case (e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden || e.Status == http.StatusInternalServerError) &&
		e.mentions("inactive"):
		return apperr.Wrap(e, apperr.Reconnect,
			fmt.Sprintf("The Autotask API user %s is inactive", creds.UserName),
			"In Autotask, open Admin → Resources (Users), find the API user and make it active again.")
	case e.Status == http.StatusUnauthorized && e.mentions("integration", "tracking identifier"):
		return apperr.Wrap(e, apperr.Reconnect,
			"Autotask refused the API integration code",
			"Copy the API tracking identifier from the API user's Security tab in Autotask into Billbridge's setup.")
	case e.Status == http.StatusUnauthorized:
		return apperr.Wrap(e, apperr.Reconnect,
			fmt.Sprintf("Autotask refused the secret or the integration code of the API user %s", creds.UserName),
			"Check the API user's secret and its API tracking identifier (integration code) in Autotask, then enter them again.")
	case e.Status == http.StatusForbidden || isPermission500(e):
		what := e.Entity
		if what == "" {
			what = "this data"
		}
		return apperr.Wrap(e, apperr.Reconnect,
			fmt.Sprintf("The API user cannot read %s", what),
			fmt.Sprintf("Give the API user's security level permission to view %s (Admin → Security Levels in Autotask), or use a copy of the built-in \"API User (system)\" level.", what))
	case e.Status == http.StatusTooManyRequests:
		return apperr.Wrap(e, apperr.RateLimited,
			"Autotask asked Billbridge to slow down (too many requests at once or too many this hour)",
			"Wait a few minutes and try again; other integrations on the same Autotask database share the same hourly limit.")
	case e.Status >= 500:
		return apperr.Wrap(e, apperr.Unavailable,
			"Autotask had a problem answering",
			"Try again in a few minutes; if it keeps failing, check status.autotask.net.")
	}
	return e
}

// isPermission500 recognises the permission failures Autotask reports as 500
// instead of 403.
func isPermission500(e *APIError) bool {
	return e.Status == http.StatusInternalServerError &&
		e.mentions("permission", "not authorized", "unauthorized", "access", "security level")
}
