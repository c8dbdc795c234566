package app

import (
	"log/slog"

	"github.com/billbridge/billbridge/internal/apperr"
)

// ErrorFormatter is the one place errors become what the UI shows: a known
// *apperr.Error keeps its message and fix; anything else is logged in full and
// shown as "Internal error". It is Wails' ErrorFormatter option.
func ErrorFormatter(logger *slog.Logger) func(error) any {
	return func(err error) any {
		pub := apperr.Public(err)
		if pub.Code == apperr.Internal {
			logger.Error("bound call failed", "err", err)
		} else {
			logger.Info("bound call refused", "code", string(pub.Code), "err", err)
		}
		return pub
	}
}
