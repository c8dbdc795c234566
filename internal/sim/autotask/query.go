package autotasksim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// apiError is an error answered in Autotask's body shape {"errors":[msg]}.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func errf(status int, format string, args ...any) *apiError {
	return &apiError{status: status, msg: fmt.Sprintf(format, args...)}
}

// query is a parsed query model.
type query struct {
	maxRecords    int
	includeFields []string // canonical field names; nil = all
	filter        []rawFilter
}

// rawFilter is one filter item as sent; keys are matched case-insensitively.
type rawFilter struct {
	Op    string
	Field string
	UDF   bool
	Value json.RawMessage
	Items []rawFilter
}

// decodeQuery reads a query body, accepting PascalCase and camelCase keys as
// Autotask does.
func decodeQuery(b []byte, pageSize int) (query, *apiError) {
	q := query{maxRecords: pageSize}
	obj, err := decodeObject(b)
	if err != nil {
		return q, errf(http.StatusInternalServerError, "The query could not be read: %v", err)
	}
	for k, raw := range obj {
		switch strings.ToLower(k) {
		case "maxrecords":
			var n *int
			if err := json.Unmarshal(raw, &n); err != nil {
				return q, errf(http.StatusInternalServerError, "MaxRecords must be an integer.")
			}
			if n != nil {
				if *n < 1 || *n > pageSize {
					return q, errf(http.StatusInternalServerError, "MaxRecords must be between 1 and %d.", pageSize)
				}
				q.maxRecords = *n
			}
		case "includefields":
			if err := json.Unmarshal(raw, &q.includeFields); err != nil {
				return q, errf(http.StatusInternalServerError, "IncludeFields must be an array of field names.")
			}
		case "filter":
			items, err := decodeFilters(raw)
			if err != nil {
				return q, errf(http.StatusInternalServerError, "The filter could not be read: %v", err)
			}
			q.filter = items
		}
	}
	if len(q.filter) == 0 {
		return q, errf(http.StatusInternalServerError, "A filter is required; use {\"op\":\"exist\",\"field\":\"id\"} to read all records.")
	}
	return q, nil
}

func decodeObject(b []byte) (map[string]json.RawMessage, error) {
	var obj map[string]json.RawMessage
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, fmt.Errorf("empty body")
	}
	if err := json.Unmarshal(b, &obj); err != nil {
		return nil, err
	}
	if obj == nil {
		return nil, fmt.Errorf("not a JSON object")
	}
	return obj, nil
}

func decodeFilters(raw json.RawMessage) ([]rawFilter, error) {
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("filter must be an array")
	}
	out := make([]rawFilter, 0, len(list))
	for _, item := range list {
		obj, err := decodeObject(item)
		if err != nil {
			return nil, err
		}
		var f rawFilter
		for k, v := range obj {
			switch strings.ToLower(k) {
			case "op":
				if err := json.Unmarshal(v, &f.Op); err != nil {
					return nil, fmt.Errorf("op must be a string")
				}
			case "field":
				if err := json.Unmarshal(v, &f.Field); err != nil {
					return nil, fmt.Errorf("field must be a string")
				}
			case "udf":
				if err := json.Unmarshal(v, &f.UDF); err != nil {
					return nil, fmt.Errorf("udf must be true or false")
				}
			case "value":
				f.Value = v
			case "items":
				if f.Items, err = decodeFilters(v); err != nil {
					return nil, err
				}
			}
		}
		out = append(out, f)
	}
	return out, nil
}

// resolveIncludeFields checks IncludeFields against the entity and returns
// canonical names.
func resolveIncludeFields(e *entity, names []string) ([]string, *apiError) {
	if len(names) == 0 {
		return nil, nil
	}
	out := make([]string, 0, len(names))
	for _, n := range names {
		f, ok := e.field(n)
		if !ok || f.DataType == "udf" {
			return nil, unknownField(e, n)
		}
		out = append(out, f.Name)
	}
	return out, nil
}

func unknownField(e *entity, name string) *apiError {
	// Autotask's own wording, as seen from production: "Unable to find
	// projectID in the TimeEntry Entity".
	return errf(http.StatusInternalServerError, "Unable to find %s in the %s Entity.", name, e.internal)
}
