package httpx

import (
	"net/http"
	"net/url"
	"strings"
)

const redacted = "[redacted]"

// secretHeaders hold credentials by name; any header whose name contains a
// word in secretWords is treated the same way.
var secretHeaders = map[string]bool{
	"Authorization":       true,
	"Proxy-Authorization": true,
	"Secret":              true, // Autotask API user secret
	"Apiintegrationcode":  true, // Autotask tracking identifier
	"Cookie":              true,
	"Set-Cookie":          true,
	"X-Api-Key":           true,
}

var secretWords = []string{"token", "password", "secret", "apikey", "api-key", "session"}

// RedactHeader returns a copy of h safe to log: values of headers that carry
// credentials are replaced by "[redacted]". h itself is not changed.
func RedactHeader(h http.Header) http.Header {
	out := make(http.Header, len(h))
	for k, vs := range h {
		if secretName(k, secretHeaders, http.CanonicalHeaderKey) {
			masked := make([]string, len(vs))
			for i := range masked {
				masked[i] = redacted
			}
			out[k] = masked
			continue
		}
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// secretParams are query parameters that carry credentials or OAuth codes
// (state travels with the code and, for the https relay, the loopback port).
var secretParams = map[string]bool{
	"code":          true,
	"state":         true,
	"token":         true,
	"access_token":  true,
	"refresh_token": true,
	"id_token":      true,
	"client_secret": true,
	"code_verifier": true,
	"password":      true,
	"secret":        true,
	"api_key":       true,
	"apikey":        true,
	"key":           true,
	"assertion":     true,
	"signature":     true,
	"sig":           true,
}

// RedactURL writes u for a log: values of credential-bearing query (and
// fragment) parameters become "[redacted]", and a password in the user info
// becomes "redacted". Parameter order is kept so the line still reads like the request.
func RedactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	if c.User != nil {
		if _, has := c.User.Password(); has {
			c.User = url.UserPassword(c.User.Username(), "redacted")
		}
	}
	c.RawQuery = ""
	c.ForceQuery = false
	c.Fragment, c.RawFragment = "", ""
	s := c.String()
	if u.RawQuery != "" || u.ForceQuery {
		s += "?" + redactQuery(u.RawQuery)
	}
	if frag := u.EscapedFragment(); frag != "" {
		s += "#" + redactQuery(frag)
	}
	return s
}

// redactQuery masks the values of secret parameters in a raw query string.
func redactQuery(raw string) string {
	parts := strings.Split(raw, "&")
	for i, p := range parts {
		k, _, hasValue := strings.Cut(p, "=")
		if !hasValue {
			continue
		}
		name, err := url.QueryUnescape(k)
		if err != nil {
			name = k
		}
		if secretName(name, secretParams, strings.ToLower) {
			parts[i] = k + "=" + redacted
		}
	}
	return strings.Join(parts, "&")
}

// secretName reports whether name is in exact (after norm) or contains one
// of secretWords.
func secretName(name string, exact map[string]bool, norm func(string) string) bool {
	if exact[norm(name)] {
		return true
	}
	lower := strings.ToLower(name)
	for _, w := range secretWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}
