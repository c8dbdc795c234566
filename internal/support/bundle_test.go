package support_test

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/store"
	"github.com/billbridge/billbridge/internal/support"
)

func TestScrub(t *testing.T) {
	tests := []struct{ in, want string }{
		{`Authorization: Bearer abc.def-123`, `Authorization: Bearer [redacted]`},
		{`{"secret":"s3cr3t","user":"api@x.example"}`, `{"secret":"[redacted]","user":"api@x.example"}`},
		{`url=/callback?code=xyz123&state=q`, `url=/callback?code=[redacted]&state=q`},
		{`refresh_token=rt-777 next`, `refresh_token=[redacted] next`},
		{`token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig`, `token [redacted]`},
		{`nothing to hide here`, `nothing to hide here`},
		{`{"statusCode":200}`, `{"statusCode":200}`},
	}
	for _, tt := range tests {
		if got := support.Scrub(tt.in); got != tt.want {
			t.Errorf("Scrub(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteBundle(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := store.Profile{Name: "Acme", AutotaskUsername: "api@acme.example"}
	if err := st.CreateProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(dir, "billbridge.log")
	os.WriteFile(logPath, []byte(`{"msg":"call","header":"Bearer tok-123456"}`+"\n"), 0o600)
	out := filepath.Join(dir, "bundle.zip")
	if err := support.Write(ctx, st, logPath, out, time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	got := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		got[f.Name] = string(b)
	}
	for _, name := range []string{"about.json", "settings.json", "profiles.json", "activity.json", "billbridge.log"} {
		if _, ok := got[name]; !ok {
			t.Errorf("bundle lacks %s", name)
		}
	}
	if !strings.Contains(got["profiles.json"], "api@acme.example") {
		t.Errorf("profiles.json = %s", got["profiles.json"])
	}
	if strings.Contains(got["billbridge.log"], "tok-123456") {
		t.Errorf("the log kept a token: %s", got["billbridge.log"])
	}
}
