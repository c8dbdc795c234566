package autotasksim

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
)

// pageDetails is written in Autotask's field order.
type pageDetails struct {
	Count        int `json:"count"`
	RequestCount int `json:"requestCount"`
	PrevPageURL  any `json:"prevPageUrl"`
	NextPageURL  any `json:"nextPageUrl"`
}

// pageToken is the opaque continuation in nextPageUrl/prevPageUrl: the
// original query and the id after which the page starts.
type pageToken struct {
	Search string `json:"s"`
	After  int64  `json:"a"`
}

func (s *Server) runQuery(w http.ResponseWriter, r *http.Request, e *entity, body []byte, count bool) {
	raw := body
	if r.Method == http.MethodGet {
		search := r.URL.Query().Get("search")
		if search == "" {
			writeErrors(w, http.StatusInternalServerError, "The search parameter is required.")
			return
		}
		raw = []byte(search)
	}
	s.answerQuery(w, e, raw, 0, count)
}

func (s *Server) nextPage(w http.ResponseWriter, r *http.Request, e *entity) {
	b, err := base64.RawURLEncoding.DecodeString(r.URL.Query().Get("paging"))
	var tok pageToken
	if err != nil || json.Unmarshal(b, &tok) != nil || tok.Search == "" {
		writeErrors(w, http.StatusInternalServerError, "The paging parameter is not valid.")
		return
	}
	s.answerQuery(w, e, []byte(tok.Search), tok.After, false)
}

func (s *Server) answerQuery(w http.ResponseWriter, e *entity, raw []byte, after int64, count bool) {
	q, apiErr := decodeQuery(raw, s.opts.PageSize)
	if apiErr != nil {
		writeErrors(w, apiErr.status, apiErr.msg)
		return
	}
	include, apiErr := resolveIncludeFields(e, q.includeFields)
	if apiErr != nil {
		writeErrors(w, apiErr.status, apiErr.msg)
		return
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c := &compiler{e: e, udfNames: s.udfNames[e.name], udfSeen: map[string]bool{},
		warn: func(op string) {
			s.log.Warn("autotasksim: unknown filter operator ignored, as Autotask does", "op", op)
		}}
	match, apiErr := c.all(q.filter)
	if apiErr != nil {
		writeErrors(w, apiErr.status, apiErr.msg)
		return
	}
	rows := s.st.tables[e.name].rows
	if count {
		n := 0
		for _, r := range rows {
			if match(r) {
				n++
			}
		}
		writeJSON(w, http.StatusOK, map[string]int{"queryCount": n})
		return
	}
	start := sort.Search(len(rows), func(i int) bool { return idOf(rows[i]) > after })
	var page []Record
	hasNext := false
	for i := start; i < len(rows); i++ {
		if !match(rows[i]) {
			continue
		}
		if len(page) == q.maxRecords {
			hasNext = true
			break
		}
		page = append(page, rows[i])
	}
	if hasNext && include != nil && !slices.Contains(include, "id") {
		writeErrors(w, http.StatusInternalServerError, "The query matches more than "+strconv.Itoa(q.maxRecords)+
			" records: IncludeFields must contain id so that the results can be paged.")
		return
	}
	var next, prev any
	if hasNext {
		next = s.pageURL(e, raw, idOf(page[len(page)-1]))
	}
	if after > 0 {
		prev = s.pageURL(e, raw, prevAfter(rows, start, q.maxRecords, match))
	}
	var buf bytes.Buffer
	buf.WriteString(`{"items":[`)
	for i, r := range page {
		if i > 0 {
			buf.WriteByte(',')
		}
		encodeRecord(&buf, e, r, include)
	}
	buf.WriteString(`],"pageDetails":`)
	pd, _ := json.Marshal(pageDetails{Count: len(page), RequestCount: q.maxRecords, PrevPageURL: prev, NextPageURL: next})
	buf.Write(pd)
	buf.WriteString("}\n")
	writeRaw(w, http.StatusOK, buf.Bytes())
}

// prevAfter finds where the previous page starts: walk back over up to
// max matches before start.
func prevAfter(rows []Record, start, max int, match pred) int64 {
	n := 0
	for i := start - 1; i >= 0; i-- {
		if match(rows[i]) {
			n++
			if n == max {
				return idOf(rows[i]) - 1
			}
		}
	}
	return 0
}

func (s *Server) pageURL(e *entity, raw []byte, after int64) string {
	tok, _ := json.Marshal(pageToken{Search: string(raw), After: after})
	return s.URL() + "ATServicesRest/V1.0/" + e.name + "/query/next?paging=" +
		url.QueryEscape(base64.RawURLEncoding.EncodeToString(tok))
}

func (s *Server) getOne(w http.ResponseWriter, e *entity, id int64) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t := s.st.tables[e.name]
	i, ok := t.byID[id]
	if !ok {
		writeRaw(w, http.StatusOK, []byte(`{"item":null}`+"\n"))
		return
	}
	var buf bytes.Buffer
	buf.WriteString(`{"item":`)
	encodeRecord(&buf, e, t.rows[i], nil)
	buf.WriteString("}\n")
	writeRaw(w, http.StatusOK, buf.Bytes())
}

func (s *Server) entityInformation(w http.ResponseWriter, e *entity) {
	access := func(ok bool) string {
		if ok {
			return "All"
		}
		return "None"
	}
	writeJSON(w, http.StatusOK, map[string]any{"info": map[string]any{
		"name": e.internal, "canCreate": e.canCreate, "canDelete": false, "canQuery": true, "canUpdate": e.canUpdate,
		"userAccessForCreate": access(e.canCreate), "userAccessForDelete": access(false),
		"userAccessForQuery": access(true), "userAccessForUpdate": access(e.canUpdate),
		"hasUserDefinedFields": e.hasUDFs, "supportsWebhookCallouts": false,
	}})
}

// udfInformation lists the user-defined fields the data carries; all are
// text fields in the simulator.
func (s *Server) udfInformation(w http.ResponseWriter, e *entity) {
	s.mu.RLock()
	names := make([]string, 0, len(s.udfNames[e.name]))
	for _, n := range s.udfNames[e.name] {
		names = append(names, n)
	}
	s.mu.RUnlock()
	sort.Strings(names)
	fields := make([]map[string]any, 0, len(names))
	for _, n := range names {
		fields = append(fields, map[string]any{
			"name": n, "label": n, "type": "string", "length": 100, "description": "", "isRequired": false,
			"isReadOnly": false, "isQueryable": true, "isReference": false, "referenceEntityType": "",
			"isPickList": false, "picklistValues": nil, "picklistParentValueField": "", "defaultValue": "",
		})
	}
	writeJSON(w, http.StatusOK, map[string]any{"fields": fields})
}

// encodeRecord writes r in the entity's field order, null for absent
// fields, as Autotask serialises every field of a record.
func encodeRecord(buf *bytes.Buffer, e *entity, r Record, include []string) {
	buf.WriteByte('{')
	first := true
	put := func(name, dataType string) {
		if !first {
			buf.WriteByte(',')
		}
		first = false
		buf.WriteByte('"')
		buf.WriteString(name)
		buf.WriteString(`":`)
		v, ok := r[name]
		switch {
		case !ok && dataType == "udf":
			buf.WriteString("[]")
		case v == nil:
			buf.WriteString("null")
		default:
			b, _ := marshalNoEscape(v)
			buf.Write(b)
		}
	}
	if include != nil {
		for _, n := range include {
			f, _ := e.field(n)
			put(f.Name, f.DataType)
		}
	} else {
		for _, f := range e.fields {
			put(f.Name, f.DataType)
		}
	}
	buf.WriteByte('}')
}

func marshalNoEscape(v any) ([]byte, error) {
	switch t := v.(type) {
	case json.Number:
		return []byte(t), nil
	case bool:
		return strconv.AppendBool(nil, t), nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
