package atomicfile_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/billbridge/billbridge/internal/atomicfile"
)

func TestWriteFile(t *testing.T) {
	tests := []struct {
		name string
		old  []byte // nil: no file before
		data []byte
		perm os.FileMode
	}{
		{"creates a new file", nil, []byte(`{"a":1}`), 0o600},
		{"replaces the old content", []byte("a much longer old content that must not survive"), []byte("new"), 0o600},
		{"empty data", []byte("old"), []byte{}, 0o600},
		{"other permissions", nil, []byte("x"), 0o644},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "state.json")
			if tt.old != nil {
				if err := os.WriteFile(path, tt.old, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if err := atomicfile.WriteFile(path, tt.data, tt.perm); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil || string(got) != string(tt.data) {
				t.Fatalf("content %q, %v; want %q", got, err, tt.data)
			}
			if runtime.GOOS != "windows" {
				if fi, _ := os.Stat(path); fi.Mode().Perm() != tt.perm {
					t.Fatalf("mode %v, want %v", fi.Mode().Perm(), tt.perm)
				}
			}
			onlyFile(t, dir, "state.json")
		})
	}
}

func TestWriteFileFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "missing", "state.json")
	err := atomicfile.WriteFile(path, []byte("x"), 0o600)
	var pe *fs.PathError
	if !errors.As(err, &pe) || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("got %v, want a PathError for the missing folder", err)
	}
	onlyFile(t, dir)

	// A rename over a folder fails after the temporary file was written:
	// the folder stays and the temporary file is gone.
	target := filepath.Join(dir, "taken")
	if err := os.Mkdir(target, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.WriteFile(target, []byte("x"), 0o600); err == nil {
		t.Fatal("rename over a folder succeeded")
	}
	if fi, err := os.Stat(target); err != nil || !fi.IsDir() {
		t.Fatalf("the folder was replaced: %v", err)
	}
	onlyFile(t, dir, "taken")
}

// onlyFile fails unless dir holds exactly names: no temporary file is left.
func onlyFile(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(names) {
		t.Fatalf("folder holds %v, want %v", got, names)
	}
	for i := range names {
		if got[i] != names[i] {
			t.Fatalf("folder holds %v, want %v", got, names)
		}
	}
}
