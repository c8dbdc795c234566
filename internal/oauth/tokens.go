package oauth

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"golang.org/x/oauth2"

	"github.com/billbridge/billbridge/internal/secrets"
)

// TokenStore keeps one token set. Load of a set never saved returns an
// error wrapping secrets.ErrNotFound.
type TokenStore interface {
	Load(ctx context.Context) (*oauth2.Token, error)
	Save(ctx context.Context, tok *oauth2.Token) error
}

// extraKeys are the provider fields beyond RFC 6749 worth keeping with a
// token set: Intuit's refresh-token lifetimes, the granted scope, the
// OpenID id_token. oauth2.Token cannot list its extras, so the set is named.
var extraKeys = []string{
	"scope",
	"id_token",
	"x_refresh_token_expires_in",
	"x_refresh_token_hard_expires_in",
	"refresh_token_expires_in",
}

// storedToken is the JSON kept in the keychain. ExpiresIn is kept with
// Expiry so the time the token was issued (Expiry − ExpiresIn) survives,
// which the minimum refresh interval needs across processes.
type storedToken struct {
	AccessToken  string         `json:"access_token"`
	TokenType    string         `json:"token_type,omitempty"`
	RefreshToken string         `json:"refresh_token,omitempty"`
	Expiry       time.Time      `json:"expiry,omitzero"`
	ExpiresIn    int64          `json:"expires_in,omitempty"`
	Extra        map[string]any `json:"extra,omitempty"`
}

// MarshalToken encodes tok as stored by NewSecretsStore.
func MarshalToken(tok *oauth2.Token) ([]byte, error) {
	st := storedToken{
		AccessToken:  tok.AccessToken,
		TokenType:    tok.TokenType,
		RefreshToken: tok.RefreshToken,
		Expiry:       tok.Expiry,
		ExpiresIn:    tok.ExpiresIn,
	}
	for _, k := range extraKeys {
		if v := tok.Extra(k); v != nil && v != "" {
			if st.Extra == nil {
				st.Extra = map[string]any{}
			}
			st.Extra[k] = v
		}
	}
	return json.Marshal(st)
}

// UnmarshalToken decodes what MarshalToken encoded.
func UnmarshalToken(b []byte) (*oauth2.Token, error) {
	var st storedToken
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, err
	}
	tok := &oauth2.Token{
		AccessToken:  st.AccessToken,
		TokenType:    st.TokenType,
		RefreshToken: st.RefreshToken,
		Expiry:       st.Expiry,
		ExpiresIn:    st.ExpiresIn,
	}
	if len(st.Extra) > 0 {
		tok = tok.WithExtra(st.Extra)
	}
	return tok, nil
}

// SecretsStore keeps a token set as JSON under one secret name of one
// profile.
type SecretsStore struct {
	s         secrets.Store
	profileID int64
	name      string
}

// NewSecretsStore returns a TokenStore over s, e.g. name secrets.XeroToken.
func NewSecretsStore(s secrets.Store, profileID int64, name string) *SecretsStore {
	return &SecretsStore{s: s, profileID: profileID, name: name}
}

// Load implements TokenStore. A missing token is the secrets package's
// Reconnect error wrapping secrets.ErrNotFound.
func (s *SecretsStore) Load(ctx context.Context) (*oauth2.Token, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	v, err := s.s.Get(s.profileID, s.name)
	if err != nil {
		return nil, fmt.Errorf("oauth: load %s: %w", s.name, err)
	}
	tok, err := UnmarshalToken([]byte(v))
	if err != nil {
		// Never include v: it is the token set.
		return nil, fmt.Errorf("oauth: load %s: stored token is not valid JSON", s.name)
	}
	return tok, nil
}

// Save implements TokenStore. It does not give up when ctx is cancelled:
// a rotated token set that is not saved is a grant lost.
func (s *SecretsStore) Save(_ context.Context, tok *oauth2.Token) error {
	b, err := MarshalToken(tok)
	if err != nil {
		return fmt.Errorf("oauth: save %s: %w", s.name, err)
	}
	if err := s.s.Set(s.profileID, s.name, string(b)); err != nil {
		return fmt.Errorf("oauth: save %s: %w", s.name, err)
	}
	return nil
}
