// Package atomicfile replaces files so that a crash or a full disk leaves
// either the old content or the new, never half a file.
package atomicfile

import (
	"os"
	"path/filepath"
)

// WriteFile writes data to a temporary file in path's folder (a rename is
// only atomic within one file system), syncs it, sets perm (exactly, not
// masked by the umask) and renames it over path. On failure path is
// untouched and the temporary file is removed. The error is the
// *os.PathError or *os.LinkError of the failing step, which names the step
// and the file; callers add their own context.
func WriteFile(path string, data []byte, perm os.FileMode) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name()) // our own temporary file, nothing else
		}
	}()
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
