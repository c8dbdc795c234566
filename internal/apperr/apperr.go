// Package apperr is the one error type Billbridge shows to people: a code, a
// message saying what went wrong, and a fix saying what to do about it.
//
// Internal packages return wrapped Go errors; where an error is something a
// user can act on, they wrap an *Error so the UI and the CLI can show its
// Message and Fix. Anything else becomes "Internal error" at the edge, with
// the full chain in the log.
package apperr

import (
	"errors"
)

// Code classifies an error for the UI and for exit codes.
type Code string

const (
	Invalid     Code = "invalid"      // the input is wrong; Fix says which field and how
	NotFound    Code = "not_found"    // the thing asked for does not exist
	Conflict    Code = "conflict"     // it exists already, or changed under us
	Reconnect   Code = "reconnect"    // credentials were refused or a grant was revoked
	RateLimited Code = "rate_limited" // a remote service asked us to slow down
	Unavailable Code = "unavailable"  // a remote service or the keychain could not be reached
	Internal    Code = "internal"     // a bug: nothing the user can fix
)

// Error is an error a user can read and act on.
type Error struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
	Fix     string `json:"fix"`
	Err     error  `json:"-"` // the cause, for the log
}

// New returns an *Error with no underlying cause.
func New(code Code, message, fix string) *Error {
	return &Error{Code: code, Message: message, Fix: fix}
}

// Wrap returns an *Error that keeps err as its cause.
func Wrap(err error, code Code, message, fix string) *Error {
	return &Error{Code: code, Message: message, Fix: fix, Err: err}
}

func (e *Error) Error() string {
	s := e.Message
	if e.Fix != "" {
		s += " (" + e.Fix + ")"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// As finds the first *Error in err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// CodeOf returns the code of the first *Error in err's chain, or Internal.
func CodeOf(err error) Code {
	if e, ok := As(err); ok {
		return e.Code
	}
	return Internal
}

// Public turns any error into what may be shown to a user: the *Error in its
// chain, or a generic internal error that points at the log.
func Public(err error) *Error {
	if err == nil {
		return nil
	}
	if e, ok := As(err); ok {
		return &Error{Code: e.Code, Message: e.Message, Fix: e.Fix}
	}
	return &Error{
		Code:    Internal,
		Message: "Internal error",
		Fix:     "Save a support bundle from Settings and send it to support; the log has the details.",
	}
}
