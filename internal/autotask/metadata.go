package autotask

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// FieldInfo describes one field of an entity, from entityInformation/fields.
type FieldInfo struct {
	Name                     string          `json:"name"`
	DataType                 string          `json:"dataType"`
	Length                   int             `json:"length"`
	IsRequired               bool            `json:"isRequired"`
	IsReadOnly               bool            `json:"isReadOnly"`
	IsQueryable              bool            `json:"isQueryable"`
	IsReference              bool            `json:"isReference"`
	ReferenceEntityType      string          `json:"referenceEntityType"`
	IsPickList               bool            `json:"isPickList"`
	PicklistValues           []PicklistValue `json:"picklistValues"`
	PicklistParentValueField string          `json:"picklistParentValueField"`
}

// PicklistValue is one choice of a picklist field; Value is the number (as a
// string) that records carry, Label what people see.
type PicklistValue struct {
	Value          string `json:"value"`
	Label          string `json:"label"`
	IsDefaultValue bool   `json:"isDefaultValue"`
	SortOrder      int    `json:"sortOrder"`
	ParentValue    string `json:"parentValue"`
	IsActive       bool   `json:"isActive"`
	IsSystem       bool   `json:"isSystem"`
}

// UDFInfo describes a user-defined field, from entityInformation/userDefinedFields.
type UDFInfo struct {
	Name           string          `json:"name"`
	Label          string          `json:"label"`
	Type           string          `json:"type"`
	Length         int             `json:"length"`
	Description    string          `json:"description"`
	IsRequired     bool            `json:"isRequired"`
	IsReadOnly     bool            `json:"isReadOnly"`
	IsQueryable    bool            `json:"isQueryable"`
	IsPickList     bool            `json:"isPickList"`
	PicklistValues []PicklistValue `json:"picklistValues"`
	DefaultValue   string          `json:"defaultValue"`
}

// metaCache holds metadata read once per Client. A failed read is not
// cached, so the next caller tries again.
type metaCache struct {
	mu     sync.Mutex
	fields map[string]*cacheSlot[[]FieldInfo]
	udfs   map[string]*cacheSlot[[]UDFInfo]
}

// cacheSlot loads its value at most once successfully; concurrent callers
// wait for the one in flight instead of asking Autotask again.
type cacheSlot[T any] struct {
	mu     sync.Mutex
	loaded bool
	v      T
}

func slotFor[T any](mu *sync.Mutex, m *map[string]*cacheSlot[T], key string) *cacheSlot[T] {
	mu.Lock()
	defer mu.Unlock()
	if *m == nil {
		*m = map[string]*cacheSlot[T]{}
	}
	s, ok := (*m)[key]
	if !ok {
		s = &cacheSlot[T]{}
		(*m)[key] = s
	}
	return s
}

func (s *cacheSlot[T]) get(load func() (T, error)) (T, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loaded {
		return s.v, nil
	}
	v, err := load()
	if err != nil {
		return v, err
	}
	s.v, s.loaded = v, true
	return v, nil
}

// Fields returns the field descriptions of entity, read once per Client.
func (c *Client) Fields(ctx context.Context, entity string) ([]FieldInfo, error) {
	slot := slotFor(&c.meta.mu, &c.meta.fields, strings.ToLower(entity))
	return slot.get(func() ([]FieldInfo, error) {
		var out struct {
			Fields []FieldInfo `json:"fields"`
		}
		err := c.do(ctx, call{method: http.MethodGet, url: c.url(entity + "/entityInformation/fields"), entity: entity, op: "fields"}, &out)
		if err != nil {
			return nil, fmt.Errorf("autotask: fields of %s: %w", entity, err)
		}
		return out.Fields, nil
	})
}

// UDFs returns the user-defined fields of entity, read once per Client.
func (c *Client) UDFs(ctx context.Context, entity string) ([]UDFInfo, error) {
	slot := slotFor(&c.meta.mu, &c.meta.udfs, strings.ToLower(entity))
	return slot.get(func() ([]UDFInfo, error) {
		var out struct {
			Fields []UDFInfo `json:"fields"`
		}
		err := c.do(ctx, call{method: http.MethodGet, url: c.url(entity + "/entityInformation/userDefinedFields"), entity: entity, op: "udfs"}, &out)
		if err != nil {
			return nil, fmt.Errorf("autotask: user-defined fields of %s: %w", entity, err)
		}
		return out.Fields, nil
	})
}

// Field returns the description of one field; ok is false when Autotask does
// not list it.
func (c *Client) Field(ctx context.Context, entity, name string) (FieldInfo, bool, error) {
	fs, err := c.Fields(ctx, entity)
	if err != nil {
		return FieldInfo{}, false, err
	}
	for _, f := range fs {
		if strings.EqualFold(f.Name, name) {
			return f, true, nil
		}
	}
	return FieldInfo{}, false, nil
}

// IsWritable reports whether Autotask lets the API update field of entity.
// An unknown field is not writable.
func (c *Client) IsWritable(ctx context.Context, entity, field string) (bool, error) {
	f, ok, err := c.Field(ctx, entity, field)
	if err != nil || !ok {
		return false, err
	}
	return !f.IsReadOnly, nil
}

// Picklist returns value → label for a picklist field of entity.
func (c *Client) Picklist(ctx context.Context, entity, field string) (map[string]string, error) {
	f, ok, err := c.Field(ctx, entity, field)
	if err != nil {
		return nil, err
	}
	if !ok || !f.IsPickList {
		return nil, fmt.Errorf("autotask: %s.%s is not a picklist", entity, field)
	}
	out := make(map[string]string, len(f.PicklistValues))
	for _, v := range f.PicklistValues {
		out[v.Value] = v.Label
	}
	return out, nil
}

// PicklistLabel turns a picklist number (billingItemType 1, say) into its
// label ("Labor"). ok is false when the value is not in the list or the
// metadata could not be read (that failure is logged); callers then show the number.
func (c *Client) PicklistLabel(ctx context.Context, entity, field string, value int64) (string, bool) {
	labels, err := c.Picklist(ctx, entity, field)
	if err != nil {
		c.log.WarnContext(ctx, "autotask picklist unavailable", "entity", entity, "field", field, "error", err)
		return "", false
	}
	l, ok := labels[strconv.FormatInt(value, 10)]
	return l, ok
}
