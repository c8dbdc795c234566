package export

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/billbridge/billbridge/internal/apperr"
)

// WriteAtomic writes a file through fn into a temporary file in the target
// folder, syncs it, and renames it over path only when fn succeeded, so a
// crash or an error never leaves a half-written file that looks whole. It
// returns the SHA-256 of what was written, read back from the disk.
func WriteAtomic(path string, fn func(f *os.File) error) (sum string, err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if err := CheckFileName(base); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.partial")
	if err != nil {
		return "", apperr.Wrap(err, apperr.Invalid,
			fmt.Sprintf("Billbridge cannot write to the folder %s", dir),
			"Choose a folder that exists and that you may write to.")
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name()) // our own temporary file, nothing else
		}
	}()
	if err := fn(tmp); err != nil {
		return "", err
	}
	if err := tmp.Sync(); err != nil {
		return "", fmt.Errorf("export: sync %s: %w", tmp.Name(), err)
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return "", fmt.Errorf("export: checksum %s: %w", tmp.Name(), err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, tmp); err != nil {
		return "", fmt.Errorf("export: checksum %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("export: close %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", apperr.Wrap(err, apperr.Conflict,
			fmt.Sprintf("Billbridge could not save %s", path),
			"Close the file if it is open in Excel or another program, then export again.")
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// windowsReserved are names Windows refuses for a file, with any extension.
var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true}

// unsafeChars are refused in file names by Windows (and ':' by macOS Finder).
const unsafeChars = `<>:"/\|?*`

// CheckFileName refuses a name that would not work on Windows, macOS and
// Linux alike, so an export made on one opens on the accountant's machine.
func CheckFileName(name string) error {
	bad := func(why string) error {
		return apperr.New(apperr.Invalid, fmt.Sprintf("The file name %q %s", name, why),
			"Choose another file name, for example one SafeFileName suggests: letters, digits, spaces, - _ . and ( ).")
	}
	switch {
	case name == "" || name == "." || name == "..":
		return bad("is empty")
	case !utf8.ValidString(name):
		return bad("is not valid text")
	case len(name) > 200:
		return bad("is too long")
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") || strings.HasPrefix(name, " "):
		return bad("begins or ends with a space or ends with a dot, which Windows drops")
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(unsafeChars, r) {
			return bad("contains a character Windows or macOS does not allow")
		}
	}
	stem, _, _ := strings.Cut(name, ".")
	if windowsReserved[strings.ToUpper(strings.TrimSpace(stem))] {
		return bad("is reserved by Windows")
	}
	return nil
}

// SafeFileName turns any text (a profile name, dates) into a file name that
// CheckFileName accepts, keeping letters of every script.
func SafeFileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f || strings.ContainsRune(unsafeChars, r):
			b.WriteByte('_')
		case unicode.IsPrint(r):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	out := strings.Trim(b.String(), " .")
	for utf8.RuneCountInString(out) > 0 && len(out) > 150 {
		_, size := utf8.DecodeLastRuneInString(out)
		out = out[:len(out)-size]
	}
	out = strings.Trim(out, " .")
	if out == "" {
		return "export"
	}
	stem, rest, _ := strings.Cut(out, ".")
	if windowsReserved[strings.ToUpper(strings.TrimSpace(stem))] {
		out = "_" + stem
		if rest != "" {
			out += "." + rest
		}
	}
	return out
}
