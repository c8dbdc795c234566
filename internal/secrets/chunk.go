package secrets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// chunkSize is the most bytes one keychain entry holds. Windows Credential
// Manager refuses blobs over 2,560 bytes; macOS's `security` command line
// (which go-keyring base64-encodes values for) is limited to 4,096 bytes,
// and 2,000 bytes base64-encoded plus the command stays well under it.
const chunkSize = 2000

// headerPrefix starts the entry that stands in for a value stored in
// chunks: "billbridge-chunks:v1:<count>:<sha-256 prefix>". The hash lets Get
// tell a complete value from one whose chunks were half rewritten when the
// app stopped in the middle of Set.
const headerPrefix = "billbridge-chunks:v1:"

// splitChunks cuts value into pieces of at most size bytes, never inside a
// UTF-8 sequence, so every piece is valid text for keychains that expect it.
func splitChunks(value string, size int) []string {
	if size < utf8.UTFMax {
		panic("secrets: chunk size below utf8.UTFMax")
	}
	var chunks []string
	for len(value) > size {
		end := size
		for end > 0 && !utf8.RuneStart(value[end]) {
			end--
		}
		chunks = append(chunks, value[:end])
		value = value[end:]
	}
	return append(chunks, value)
}

// needsChunks reports whether value cannot be stored as a single entry: it
// is too large, or it would read back as a chunk header.
func needsChunks(value string) bool {
	return len(value) > chunkSize || strings.HasPrefix(value, headerPrefix)
}

func chunkAccount(account string, i int) string {
	return account + "#" + strconv.Itoa(i)
}

func digest(value string) string {
	sum := sha256.Sum256([]byte(value))
	return hex.EncodeToString(sum[:8])
}

func encodeHeader(count int, value string) string {
	return fmt.Sprintf("%s%d:%s", headerPrefix, count, digest(value))
}

// parseHeader returns the chunk count and digest of a header entry; ok is
// false for an ordinary value.
func parseHeader(entry string) (count int, sum string, ok bool, err error) {
	rest, found := strings.CutPrefix(entry, headerPrefix)
	if !found {
		return 0, "", false, nil
	}
	n, sum, found := strings.Cut(rest, ":")
	count, convErr := strconv.Atoi(n)
	if !found || convErr != nil || count < 1 || len(sum) != 16 {
		return 0, "", true, fmt.Errorf("malformed chunk header %q", entry)
	}
	return count, sum, true, nil
}
