package autotasksim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/billbridge/billbridge/internal/atomicfile"
	"github.com/billbridge/billbridge/internal/money"
)

// Record is one entity record with Autotask's field names and JSON value
// types: json.Number for numbers (never float64), string, bool, nil, and for
// userDefinedFields a []any of {"name","value"} objects.
type Record = map[string]any

// Dataset is the simulator's data: entity name ("Companies", "Invoices", …)
// → records. It is also the data file format.
type Dataset map[string][]Record

// LoadDataset reads a data file. Numbers stay json.Number.
func LoadDataset(path string) (Dataset, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("autotasksim: load dataset: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var d Dataset
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("autotasksim: load dataset %s: %w", path, err)
	}
	s, err := loadSchema()
	if err != nil {
		return nil, err
	}
	if _, err := newStore(s, d); err != nil {
		return nil, fmt.Errorf("autotasksim: load dataset %s: %w", path, err)
	}
	return d, nil
}

// Save writes the dataset as JSON atomically (see atomicfile), so a crash
// never leaves half a file.
func (d Dataset) Save(path string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return fmt.Errorf("autotasksim: save dataset: %w", err)
	}
	// 0o600: the data file holds customers' billing data.
	if err := atomicfile.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("autotasksim: save dataset: %w", err)
	}
	return nil
}

// table is one entity's records sorted by id.
type table struct {
	rows []Record
	byID map[int64]int
}

// store is the validated, indexed copy of a dataset the server serves.
type store struct {
	tables map[string]*table // by entity path name
}

func newStore(s *schema, d Dataset) (*store, error) {
	st := &store{tables: map[string]*table{}}
	for _, e := range s.ordered {
		st.tables[e.name] = &table{byID: map[int64]int{}}
	}
	for name, recs := range d {
		e, ok := s.entity(name)
		if !ok || e.name != name {
			return nil, fmt.Errorf("unknown entity %q (entity names are Autotask's, e.g. Invoices)", name)
		}
		t := st.tables[e.name]
		for i, r := range recs {
			clean, id, err := normalize(e, r)
			if err != nil {
				return nil, fmt.Errorf("%s record %d: %w", name, i, err)
			}
			if _, dup := t.byID[id]; dup {
				return nil, fmt.Errorf("%s: duplicate id %d", name, id)
			}
			t.byID[id] = -1
			t.rows = append(t.rows, clean)
		}
		sort.Slice(t.rows, func(i, j int) bool { return idOf(t.rows[i]) < idOf(t.rows[j]) })
		for i, r := range t.rows {
			t.byID[idOf(r)] = i
		}
	}
	return st, nil
}

func idOf(r Record) int64 {
	n, _ := r["id"].(json.Number).Int64()
	return n
}

// normalize checks every field of r against the entity's field table and
// returns a copy with numbers of double fields at Autotask's 4 decimals.
func normalize(e *entity, r Record) (Record, int64, error) {
	idv, ok := r["id"].(json.Number)
	if !ok {
		return nil, 0, fmt.Errorf("id missing or not a number")
	}
	id, err := idv.Int64()
	if err != nil || id <= 0 {
		return nil, 0, fmt.Errorf("id %s is not a positive integer", idv)
	}
	out := make(Record, len(r))
	for k, v := range r {
		f, ok := e.field(k)
		if !ok || f.Name != k {
			return nil, 0, fmt.Errorf("%s id %d: unknown field %q", e.name, id, k)
		}
		nv, err := checkValue(f.DataType, v)
		if err != nil {
			return nil, 0, fmt.Errorf("%s id %d: field %s: %w", e.name, id, k, err)
		}
		out[k] = nv
	}
	return out, id, nil
}

func checkValue(dataType string, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch dataType {
	case "integer", "long":
		n, ok := v.(json.Number)
		if !ok {
			return nil, fmt.Errorf("want an integer, got %T", v)
		}
		if _, err := n.Int64(); err != nil {
			return nil, fmt.Errorf("%s is not an integer", n)
		}
		return n, nil
	case "double":
		n, ok := v.(json.Number)
		if !ok {
			return nil, fmt.Errorf("want a number, got %T", v)
		}
		d, err := money.Parse(n.String())
		if err != nil {
			return nil, err
		}
		return json.Number(d.StringFixed(4)), nil
	case "string":
		if _, ok := v.(string); !ok {
			return nil, fmt.Errorf("want a string, got %T", v)
		}
		return v, nil
	case "datetime":
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("want a date string, got %T", v)
		}
		if _, err := parseDate(s); err != nil {
			return nil, err
		}
		return s, nil
	case "boolean":
		if _, ok := v.(bool); !ok {
			return nil, fmt.Errorf("want true or false, got %T", v)
		}
		return v, nil
	case "udf":
		list, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("want an array of {name, value}")
		}
		for _, it := range list {
			m, ok := it.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("want an array of {name, value}")
			}
			if name, _ := m["name"].(string); name == "" {
				return nil, fmt.Errorf("user-defined field without a name")
			}
		}
		return v, nil
	}
	return nil, fmt.Errorf("unsupported data type %s", dataType)
}

// parseDate accepts what Autotask accepts in data and filters: full
// ISO-8601 with or without zone and fraction, and date-only (taken as UTC).
func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an ISO-8601 date", s)
}

// dataset returns a deep copy of the store as a Dataset.
func (st *store) dataset() Dataset {
	d := Dataset{}
	for name, t := range st.tables {
		if len(t.rows) == 0 {
			continue
		}
		recs := make([]Record, len(t.rows))
		for i, r := range t.rows {
			recs[i] = copyRecord(r)
		}
		d[name] = recs
	}
	return d
}

func copyRecord(r Record) Record {
	c := make(Record, len(r))
	for k, v := range r {
		if list, ok := v.([]any); ok {
			cl := make([]any, len(list))
			for i, it := range list {
				m, _ := it.(map[string]any)
				mc := make(map[string]any, len(m))
				for mk, mv := range m {
					mc[mk] = mv
				}
				cl[i] = mc
			}
			v = cl
		}
		c[k] = v
	}
	return c
}

// lowerFold is strings.ToLower, named for why it is used: Autotask compares
// strings case-insensitively.
func lowerFold(s string) string { return strings.ToLower(s) }
