package oauth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
)

// verifierLength is the length of the PKCE code verifier we generate. RFC
// 7636 allows 43–128 characters; 64 gives 384 bits of entropy with room to
// spare below the maximum.
const verifierLength = 64

// unreserved is RFC 3986's unreserved set, the alphabet RFC 7636 allows
// for a code verifier.
const unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"

// NewVerifier returns a fresh PKCE code verifier of 64 characters from the
// unreserved set, drawn from crypto/rand without modulo bias.
func NewVerifier() (string, error) {
	out := make([]byte, 0, verifierLength)
	buf := make([]byte, verifierLength)
	// Bytes at or above the largest multiple of 66 that fits in a byte (198)
	// are dropped, so every symbol is equally likely.
	limit := byte(256 - 256%len(unreserved))
	for len(out) < verifierLength {
		if _, err := rand.Read(buf); err != nil {
			return "", fmt.Errorf("oauth: pkce verifier: %w", err)
		}
		for _, b := range buf {
			if b >= limit {
				continue
			}
			out = append(out, unreserved[int(b)%len(unreserved)])
			if len(out) == verifierLength {
				break
			}
		}
	}
	return string(out), nil
}

// ValidVerifier reports whether v is a well-formed RFC 7636 code verifier.
func ValidVerifier(v string) bool {
	if len(v) < 43 || len(v) > 128 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if !isUnreserved(v[i]) {
			return false
		}
	}
	return true
}

func isUnreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// S256Challenge returns the S256 code challenge of verifier:
// BASE64URL-ENCODE(SHA256(ASCII(verifier))) without padding.
func S256Challenge(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}
