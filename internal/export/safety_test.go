package export_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/billbridge/billbridge/internal/export"
)

func TestNeutralize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1+1", "'+1+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"\rcmd", "'\rcmd"},
		{"Remote Support", "Remote Support"},
		{"", ""},
		{"a=b", "a=b"},
		{"Müller", "Müller"},
	}
	for _, tt := range tests {
		if got := export.Neutralize(tt.in); got != tt.want {
			t.Errorf("Neutralize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNumbersStayNumbers: a negative amount is a number, not guarded text,
// while a description starting with "-" is guarded.
func TestNumbersStayNumbers(t *testing.T) {
	r := sampleRow(1)
	r.Description = "-discount"
	r.ExtendedPrice = r.ExtendedPrice.Neg()
	for _, c := range export.Columns(true) {
		v := c.Value(&r).String()
		switch c.Name {
		case "Description":
			if v != "'-discount" {
				t.Errorf("Description = %q", v)
			}
		case export.ColExtendedPrice:
			if !strings.HasPrefix(v, "-") {
				t.Errorf("Extended Price = %q, want a plain negative number", v)
			}
		}
	}
}

func TestFileNames(t *testing.T) {
	for _, name := range []string{"CON.csv", "a:b.csv", "x?.xlsx", "trailing.", " lead.csv", "", "tab\t.csv"} {
		if export.CheckFileName(name) == nil {
			t.Errorf("CheckFileName(%q) accepted", name)
		}
	}
	for _, in := range []string{"Acme: May/June 2024?", "CON", "株式会社 サクラ.csv", "  ..  ", "a\x00b"} {
		out := export.SafeFileName(in)
		if err := export.CheckFileName(out); err != nil {
			t.Errorf("SafeFileName(%q) = %q, refused: %v", in, out, err)
		}
	}
}

// TestWriteAtomicLeavesNothingOnError: a failing writer leaves neither the
// target nor a temporary file, and an existing file is untouched.
func TestWriteAtomicLeavesNothingOnError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	_, err := export.WriteAtomic(path, func(f *os.File) error {
		f.WriteString("half a file")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if b, _ := os.ReadFile(path); string(b) != "old" || len(entries) != 1 {
		t.Fatalf("after a failed write: %q, %d files", b, len(entries))
	}
	sum, err := export.WriteAtomic(path, func(f *os.File) error { _, err := f.WriteString("new"); return err })
	// sha256("new")
	if err != nil || sum != "11507a0e2f5e69d5dfa40a62a1bd7b6ee57e6bcd85c67c9b8431b36fff21c437" {
		t.Fatalf("sum = %s, %v", sum, err)
	}
}
