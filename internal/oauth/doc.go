// Package oauth is the OAuth 2.0 authorisation-code machinery shared by the
// Xero, QuickBooks Online and Exact Online integrations: PKCE, a one-shot
// loopback listener for the browser's redirect, the https-relay and
// "paste the address" fallbacks for providers that accept only https
// redirect URIs, and a persistent TokenSource for rotating refresh tokens.
//
// Rules:
//   - Tokens live only in a TokenStore (the keychain through
//     internal/secrets). A refreshed token set is saved BEFORE anyone uses
//     it: providers rotate refresh tokens, so a token set that was used but
//     not saved is a grant lost for good.
//   - One refresh at a time per token set, across goroutines (a channel
//     mutex) and across processes (a lock file), and after taking the lock
//     the store is read again, since another process may have refreshed.
//   - A refused grant (invalid_grant and friends) is final: the source
//     returns the same Reconnect error until Reset, so nothing hammers a
//     token endpoint (Exact blocks keys that fail too often).
//   - Token requests are never retried blindly: a refresh that reached the
//     server may have rotated the token even if the answer was lost.
//   - No token, code, verifier or client secret is ever logged; the types
//     that carry them implement slog.LogValuer and redact themselves.
//   - The loopback listener binds the loopback interface only.
package oauth
