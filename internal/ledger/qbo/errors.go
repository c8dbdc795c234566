package qbo

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
)

// APIError is an answer from QuickBooks that holds a Fault, whatever its
// HTTP status (Intuit can send a Fault with a 200), or a non-2xx answer
// without one.
type APIError struct {
	Status int
	Op     string // what Billbridge was doing, e.g. "create invoice"
	Type   string // e.g. "ValidationFault", "AUTHENTICATION", "SystemFault"
	Errors []FaultError
	TID    string // intuit_tid of the answer, for Intuit support
}

// FaultError is one Error of a Fault.
type FaultError struct {
	Code    string `json:"code"`    // e.g. "6140"
	Message string `json:"Message"` // e.g. "Duplicate Document Number Error"
	Detail  string `json:"Detail"`  // the specifics, often naming the field
	Element string `json:"element"` // the field at fault, when Intuit says
}

// Fault codes Billbridge treats specially (Intuit's "Error codes" page).
const (
	CodeAuthentication  = "3200" // token refused
	CodeAuthorization   = "3100" // app or user may not access the company
	CodeThrottled       = "3001" // ThrottleExceeded
	CodeNotFound        = "610"  // object not found or inactive
	CodeStaleObject     = "5010" // SyncToken out of date
	CodeDuplicateDocNum = "6140" // DocNumber already used
	CodeDuplicateName   = "6240" // name already used
	CodeClosedPeriod    = "6210" // accounting period closed
	CodeInvalidRef      = "2500" // reference to an unknown object
	CodeBusiness        = "6000" // business validation
	CodeTooLong         = "2050" // string longer than allowed
	CodeAmountMismatch  = "6070" // Amount ≠ Qty × UnitPrice
	CodeBadUSTaxCode    = "6100" // not TAX/NON in a US company
	codeGeneralAuth     = "100"  // "General Authentication Error" in older answers
)

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "qbo: %s: HTTP %d", e.Op, e.Status)
	if e.Type != "" {
		b.WriteString(" " + e.Type)
	}
	for i, fe := range e.Errors {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(fe.String())
	}
	if e.TID != "" {
		b.WriteString(" (intuit_tid " + e.TID + ")")
	}
	return b.String()
}

func (fe FaultError) String() string {
	s := fe.Code + " " + fe.Message
	if fe.Detail != "" && fe.Detail != fe.Message {
		s += ": " + fe.Detail
	}
	if fe.Element != "" {
		s += " [" + fe.Element + "]"
	}
	return strings.TrimSpace(s)
}

// Has reports whether any Error of the Fault has code.
func (e *APIError) Has(code string) bool {
	for _, fe := range e.Errors {
		if strings.TrimLeft(fe.Code, "0") == strings.TrimLeft(code, "0") {
			return true
		}
	}
	return false
}

// first is the first Error, or an empty one.
func (e *APIError) first() FaultError {
	if len(e.Errors) == 0 {
		return FaultError{}
	}
	return e.Errors[0]
}

// fault is Intuit's Fault in JSON. Field names match case-insensitively, so
// the lower-case form of authentication answers ({"fault":{"error":[…]}})
// reads the same.
type fault struct {
	Error []FaultError `json:"Error"`
	Type  string       `json:"type"`
}

// xmlFault is the same in XML, which Intuit sends with 429 even when JSON
// was asked for.
type xmlFault struct {
	Fault struct {
		Type  string `xml:"type,attr"`
		Error []struct {
			Code    string `xml:"code,attr"`
			Element string `xml:"element,attr"`
			Message string `xml:"Message"`
			Detail  string `xml:"Detail"`
		} `xml:"Error"`
	} `xml:"Fault"`
}

// parseFault returns the *APIError an answer holds, or nil for a successful
// answer without a Fault.
func parseFault(status int, h http.Header, body []byte) *APIError {
	ok := status >= 200 && status <= 299
	if ok && !bytes.Contains(bytes.ToLower(body), []byte(`"fault"`)) {
		return nil
	}
	e := &APIError{Status: status}
	trimmed := bytes.TrimSpace(body)
	switch {
	case len(trimmed) > 0 && trimmed[0] == '{':
		var env struct {
			Fault *fault `json:"Fault"`
		}
		if json.Unmarshal(trimmed, &env) == nil && env.Fault != nil {
			e.Type, e.Errors = env.Fault.Type, env.Fault.Error
		}
	case len(trimmed) > 0 && trimmed[0] == '<':
		var x xmlFault
		if xml.Unmarshal(trimmed, &x) == nil {
			e.Type = x.Fault.Type
			for _, xe := range x.Fault.Error {
				e.Errors = append(e.Errors, FaultError{Code: xe.Code, Element: xe.Element,
					Message: strings.TrimSpace(xe.Message), Detail: strings.TrimSpace(xe.Detail)})
			}
		}
	}
	if ok && len(e.Errors) == 0 {
		return nil
	}
	if len(e.Errors) == 0 {
		if s := strings.TrimSpace(string(body)); s != "" {
			if len(s) > 300 {
				s = s[:300] + "…"
			}
			e.Errors = []FaultError{{Message: s}}
		} else {
			e.Errors = []FaultError{{Message: http.StatusText(status)}}
		}
	}
	return e
}
