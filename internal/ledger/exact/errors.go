package exact

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// APIError is a non-2xx answer from Exact. REST errors carry
// {"error":{"code":"","message":{"lang":"","value":"…"}}}; OAuth-style
// answers carry {"error":"…","error_description":"…"}.
type APIError struct {
	Status   int
	Op       string // what Billbridge was doing, e.g. "create sales entry"
	Document string // the document concerned, e.g. "Autotask invoice 1042"
	Endpoint string // e.g. "salesentry/SalesEntries"
	Code     string // Exact's error code, often empty
	Message  string // Exact's message value
	Field    string // the field Exact's message names, when it names one we sent

	MinuteReset time.Time // 429: when the minute's calls start again
	DayReset    time.Time // 429: when the day's calls start again
	DayOut      bool      // 429: the daily allowance is used up
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "exact: %s", e.Op)
	if e.Document != "" {
		b.WriteString(" (" + e.Document + ")")
	}
	fmt.Fprintf(&b, ": HTTP %d", e.Status)
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	return b.String()
}

// readAPIError builds an *APIError from a failed response.
func readAPIError(resp *http.Response, op, doc string) *APIError {
	e := &APIError{Status: resp.StatusCode, Op: op, Document: doc}
	if resp.StatusCode == http.StatusTooManyRequests {
		e.MinuteReset, _ = headerMillis(resp.Header, "X-RateLimit-Minutely-Reset")
		e.DayReset, _ = headerMillis(resp.Header, "X-RateLimit-Reset")
		if n, ok := headerInt(resp.Header, "X-RateLimit-Remaining"); ok && n <= 0 {
			e.DayOut = true
		}
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	var rest struct {
		Error json.RawMessage `json:"error"`
		Desc  string          `json:"error_description"`
	}
	if json.Unmarshal(body, &rest) == nil && len(rest.Error) > 0 {
		var nested struct {
			Code    string `json:"code"`
			Message struct {
				Value string `json:"value"`
			} `json:"message"`
		}
		var flat string
		switch {
		case json.Unmarshal(rest.Error, &nested) == nil:
			e.Code, e.Message = nested.Code, nested.Message.Value
		case json.Unmarshal(rest.Error, &flat) == nil:
			e.Code, e.Message = flat, rest.Desc
		}
		if e.Message != "" || e.Code != "" {
			return e
		}
	}
	if s := strings.TrimSpace(string(body)); s != "" {
		if len(s) > 300 {
			s = s[:300] + "…"
		}
		e.Message = s
	} else {
		e.Message = http.StatusText(resp.StatusCode)
	}
	return e
}

// fieldIn returns the first of fields that Exact's message names as a word,
// longest names first so "PaymentConditionSales" wins over "PaymentCondition".
func fieldIn(message string, fields []string) string {
	best := ""
	for _, f := range fields {
		if len(f) <= len(best) {
			continue
		}
		re := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(f) + `\b`)
		if re.MatchString(message) {
			best = f
		}
	}
	return best
}

// countsAsFailure reports whether Exact counts a status towards its
// ten-errors-an-hour block.
func countsAsFailure(status int) bool {
	switch status {
	case http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound:
		return true
	}
	return false
}

// mapAPIError wraps e in an apperr a person can act on.
func (c *Client) mapAPIError(e *APIError) error {
	what := e.Op
	if e.Document != "" {
		what = e.Document
	}
	switch {
	case e.Status == http.StatusUnauthorized:
		return apperr.Wrap(e, apperr.Reconnect, "Exact Online refused the access token",
			"Reconnect Exact Online in Billbridge's settings and sign in again.")
	case e.Status == http.StatusForbidden:
		return apperr.Wrap(e, apperr.Reconnect,
			fmt.Sprintf("Exact Online does not let this user reach %s in %s", e.Endpoint, c.divisionName),
			fmt.Sprintf("Give the Exact user rights to %s (and the module it needs) in Exact, or reconnect as a user who has them.", e.Endpoint))
	case e.Status == http.StatusNotFound:
		return apperr.Wrap(e, apperr.NotFound,
			fmt.Sprintf("Exact Online could not find what Billbridge asked for (%s)", what),
			"It may have been deleted in Exact; refresh the data in Billbridge and try again.")
	case e.Status == http.StatusTooManyRequests && e.DayOut:
		fix := "Exact resets the daily allowance at midnight UTC; try again then."
		if !e.DayReset.IsZero() {
			fix = fmt.Sprintf("Exact allows calls again at %s; try again then.", e.DayReset.Local().Format("2006-01-02 15:04"))
		}
		return apperr.Wrap(e, apperr.RateLimited,
			fmt.Sprintf("Billbridge has used all of today's Exact Online API calls for %s", c.divisionName), fix)
	case e.Status == http.StatusTooManyRequests:
		fix := "Wait a minute and try again; other apps connected to the same division share Exact's limits."
		if !e.MinuteReset.IsZero() {
			fix = fmt.Sprintf("Exact allows calls again at %s; other apps connected to the same division share Exact's limits.",
				e.MinuteReset.Local().Format("15:04:05"))
		}
		return apperr.Wrap(e, apperr.RateLimited,
			fmt.Sprintf("Exact Online asked Billbridge to slow down (the minute limit for %s)", c.divisionName), fix)
	case e.Status == http.StatusBadRequest:
		msg := fmt.Sprintf("Exact Online rejected %s", what)
		if e.Field != "" {
			msg += " (field " + e.Field + ")"
		}
		return apperr.Wrap(e, apperr.Invalid, msg+": "+e.Message,
			"Correct what Exact names, in Autotask or in Billbridge's mappings, and sync again.")
	case e.Status >= 500:
		return apperr.Wrap(e, apperr.Unavailable, "Exact Online had a problem answering",
			"Try again in a few minutes; status.exactonline.com shows Exact outages.")
	}
	return e
}
