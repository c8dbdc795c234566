// Package support writes the support bundle: what a support engineer needs to
// see what happened — version, settings, profiles, the activity log and the
// app's log — and nothing secret. Secrets never reach the data folder in the
// first place (internal/secrets); the bundle still scrubs anything in the
// log that looks like a credential, in case a library logged one.
package support

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/version"
)

// maxLogBytes keeps the bundle small enough to e-mail: the newest part of
// the log is what matters.
const maxLogBytes = 8 << 20

// secretLike matches values a log line must never carry: bearer tokens,
// JWTs, and key=value pairs whose key names a secret.
var secretLike = regexp.MustCompile(`(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*|("?\b(?:secret|password|token|access_token|refresh_token|client_secret|code|apiintegrationcode)"?\s*[:=]\s*"?)[^",&\s}]+`)

// Scrub replaces anything in s that looks like a credential.
func Scrub(s string) string {
	return secretLike.ReplaceAllStringFunc(s, func(m string) string {
		sub := secretLike.FindStringSubmatch(m)
		switch {
		case sub[1] != "":
			return sub[1] + "[redacted]"
		case sub[2] != "":
			return sub[2] + "[redacted]"
		default:
			return "[redacted]"
		}
	})
}

// Write creates a zip at path (written to a temporary name first) with the
// bundle's files.
func Write(ctx context.Context, st *store.Store, logPath, path string, now time.Time) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".billbridge-support-*.zip")
	if err != nil {
		return fmt.Errorf("support: create bundle: %w", err)
	}
	defer os.Remove(tmp.Name())
	zw := zip.NewWriter(tmp)
	if err := writeAll(ctx, zw, st, logPath, now); err != nil {
		tmp.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		tmp.Close()
		return fmt.Errorf("support: write bundle: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("support: write bundle: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("support: save bundle: %w", err)
	}
	return nil
}

func writeAll(ctx context.Context, zw *zip.Writer, st *store.Store, logPath string, now time.Time) error {
	settings, err := st.Settings(ctx)
	if err != nil {
		return fmt.Errorf("support: %w", err)
	}
	profiles, err := st.Profiles(ctx)
	if err != nil {
		return fmt.Errorf("support: %w", err)
	}
	audit, err := st.Audit(ctx, store.AuditFilter{Limit: store.MaxAuditLimit})
	if err != nil {
		return fmt.Errorf("support: %w", err)
	}
	about := map[string]any{"version": version.String(), "created": now.UTC().Format(time.RFC3339), "database": st.Path()}
	for name, v := range map[string]any{"about.json": about, "settings.json": settings, "profiles.json": profiles, "activity.json": audit} {
		if err := writeJSON(zw, name, v); err != nil {
			return err
		}
	}
	return copyLog(zw, logPath)
}

func writeJSON(zw *zip.Writer, name string, v any) error {
	w, err := zw.Create(name)
	if err != nil {
		return fmt.Errorf("support: %s: %w", name, err)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("support: %s: %w", name, err)
	}
	return nil
}

// copyLog adds the newest maxLogBytes of the log, scrubbed line by line.
func copyLog(zw *zip.Writer, logPath string) error {
	f, err := os.Open(logPath)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("support: open log: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > maxLogBytes {
		if _, err := f.Seek(fi.Size()-maxLogBytes, io.SeekStart); err != nil {
			return fmt.Errorf("support: read log: %w", err)
		}
	}
	w, err := zw.Create("billbridge.log")
	if err != nil {
		return fmt.Errorf("support: log: %w", err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if _, err := io.WriteString(w, Scrub(sc.Text())+"\n"); err != nil {
			return fmt.Errorf("support: log: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("support: read log: %w", err)
	}
	return nil
}
