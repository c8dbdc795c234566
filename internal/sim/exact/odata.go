package exactsim

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// queryOptions Exact accepts; anything else starting with $ is refused.
var queryOptions = []string{"$select", "$filter", "$top", "$skiptoken", "$expand", "$orderby", "$inlinecount", "$format"}

func parseSelect(v string, e *entity) ([]string, *apiError) {
	if v == "" {
		return nil, nil
	}
	var out []string
	for _, f := range strings.Split(v, ",") {
		f = strings.TrimSpace(f)
		if _, ok := e.kinds[f]; !ok {
			return nil, badRequest(fmt.Sprintf("No property '%s' exists in type '%s'.", f, e.typeName()))
		}
		out = append(out, f)
	}
	return out, nil
}

var syncFilterRE = regexp.MustCompile(`^\s*Timestamp\s+gt\s+(\d+)L?\s*$`)

// rows are the records an endpoint lists, as its view shows them.
func (c *call) rows() []record {
	if c.ep.table == "SystemDivision" {
		return c.divisionRecords()
	}
	if c.ep.table == "ReportingBalance" {
		return reportingBalances(c.div) // computed from the bookings, never stored
	}
	src := c.div.Tables[c.ep.table]
	if !c.ep.sync {
		return src
	}
	out := make([]record, len(src))
	for i, r := range src {
		v := record{}
		for k, x := range r {
			v[k] = x
		}
		v["Timestamp"] = r.int("_ts")
		out[i] = v
	}
	slices.SortFunc(out, func(a, b record) int { return int(a.int("_ts") - b.int("_ts")) })
	return out
}

// get answers a collection or a single-record GET.
func (c *call) get(w http.ResponseWriter) {
	q := c.r.URL.Query()
	for k := range q {
		if strings.HasPrefix(k, "$") && !slices.Contains(queryOptions, k) {
			badRequest("The query parameter '" + k + "' is not supported.").write(w)
			return
		}
	}
	e := c.s.ents[c.ep.view]
	sel, aerr := parseSelect(q.Get("$select"), e)
	if aerr != nil {
		aerr.write(w)
		return
	}
	expand := map[string]bool{}
	for _, x := range strings.Split(q.Get("$expand"), ",") {
		if x = strings.TrimSpace(x); x != "" {
			if _, ok := e.kinds[x]; !ok {
				badRequest("No property '" + x + "' exists in type '" + e.typeName() + "'.").write(w)
				return
			}
			expand[x] = true
		}
	}
	base := c.s.APIBaseURL() + strconv.Itoa(c.div.Division.Code) + "/" + c.ep.path
	uriOf := func(r record) string {
		k := r[e.key]
		if s, ok := k.(string); ok {
			return base + "(guid'" + s + "')"
		}
		return fmt.Sprintf("%s(%v)", base, k)
	}
	if c.key != "" {
		for _, r := range c.rows() {
			if strings.EqualFold(fmt.Sprint(r[e.key]), c.key) {
				writeJSON(w, http.StatusOK, map[string]any{"d": c.s.ents.wire(e, r, sel, expand, uriOf(r))})
				return
			}
		}
		(&apiError{http.StatusNotFound, "Record not found: " + c.ep.path + "(" + c.key + ")"}).write(w)
		return
	}
	top := -1
	if t := q.Get("$top"); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 0 {
			badRequest("Invalid $top value '" + t + "'.").write(w)
			return
		}
		top = n
	}
	if c.ep.needSelect && len(sel) == 0 && top != 1 {
		badRequest("Please add a $select or a $top=1 statement to the query string.").write(w)
		return
	}
	rows := c.rows()
	var after int64 = -1 // rows past this _seq (or _ts on sync endpoints)
	if c.ep.sync {
		m := syncFilterRE.FindStringSubmatch(q.Get("$filter"))
		if m == nil {
			badRequest("Only a filter 'Timestamp gt N' is allowed on " + c.ep.path + " (start with Timestamp gt 1).").write(w)
			return
		}
		after, _ = strconv.ParseInt(m[1], 10, 64)
	} else if f := q.Get("$filter"); f != "" {
		x, err := parseFilter(f, e)
		if err != nil {
			badRequest(err.Error()).write(w)
			return
		}
		rows = slices.DeleteFunc(slices.Clone(rows), func(r record) bool { b, _ := x.eval(r).(bool); return !b })
	}
	order := "_seq"
	if c.ep.sync {
		order = "_ts"
	}
	if tok := q.Get("$skiptoken"); tok != "" {
		n, err := strconv.ParseInt(strings.TrimSuffix(tok, "L"), 10, 64)
		if err != nil {
			badRequest("Invalid $skiptoken '" + tok + "'.").write(w)
			return
		}
		after = max(after, n)
	}
	rows = slices.DeleteFunc(slices.Clone(rows), func(r record) bool { return r.int(order) <= after })
	if ob := q.Get("$orderby"); ob != "" {
		if aerr := orderBy(rows, ob, e); aerr != nil {
			aerr.write(w)
			return
		}
	}
	size := c.ep.pageSize
	if top >= 0 && top < size {
		size = top
	}
	page, more := rows, false
	if len(rows) > size {
		page, more = rows[:size], top < 0 || top > size
	}
	results := make([]any, len(page))
	for i, r := range page {
		results[i] = c.s.ents.wire(e, r, sel, expand, uriOf(r))
	}
	d := map[string]any{"results": results}
	if more && q.Get("$orderby") == "" {
		next := url.Values{}
		for k, v := range q {
			next[k] = v
		}
		next.Set("$skiptoken", strconv.FormatInt(page[len(page)-1].int(order), 10)+"L")
		d["__next"] = base + "?" + next.Encode()
	}
	writeJSON(w, http.StatusOK, map[string]any{"d": d})
}

// orderBy sorts rows by one field, "Field" or "Field desc".
func orderBy(rows []record, spec string, e *entity) *apiError {
	field, dir, _ := strings.Cut(strings.TrimSpace(spec), " ")
	if _, ok := e.kinds[field]; !ok || (dir != "" && dir != "asc" && dir != "desc") {
		return badRequest("Invalid $orderby '" + spec + "': one property, optionally asc or desc.")
	}
	slices.SortStableFunc(rows, func(a, b record) int {
		n, _ := compare(a[field], b[field])
		if dir == "desc" {
			return -n
		}
		return n
	})
	return nil
}

// create answers a POST: the body is decoded strictly, the endpoint
// validates and stores it; with Prefer: return=representation the new
// record comes back as {"d":{…}}, otherwise 204 with its Location.
func (c *call) create(w http.ResponseWriter) {
	e := c.s.ents[c.ep.table]
	in, err := c.s.ents.decode(e, c.body, false)
	if err != nil {
		badRequest(err.Error()).write(w)
		return
	}
	rec, aerr := c.ep.post(c, in)
	if aerr != nil {
		aerr.write(w)
		return
	}
	c.s.persistLocked()
	uri := c.s.APIBaseURL() + strconv.Itoa(c.div.Division.Code) + "/" + c.ep.path + "(guid'" + rec.str(e.key) + "')"
	w.Header().Set("Location", uri)
	if !strings.Contains(c.r.Header.Get("Prefer"), "return=representation") {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	expand := map[string]bool{}
	for f, kind := range e.kinds {
		if kind == "lines" {
			expand[f] = true
		}
	}
	writeJSON(w, http.StatusCreated, map[string]any{"d": c.s.ents.wire(e, rec, nil, expand, uri)})
}

// update answers a PUT on Entity(guid'…'): only the fields sent change.
func (c *call) update(w http.ResponseWriter) {
	e := c.s.ents[c.ep.table]
	cur := c.div.byID(c.ep.table, e.key, c.key)
	if cur == nil {
		(&apiError{http.StatusNotFound, "Record not found: " + c.ep.path + "(" + c.key + ")"}).write(w)
		return
	}
	in, err := c.s.ents.decode(e, c.body, false)
	if err != nil {
		badRequest(err.Error()).write(w)
		return
	}
	if aerr := c.ep.put(c, cur, in); aerr != nil {
		aerr.write(w)
		return
	}
	cur["Modified"] = c.s.now()
	c.div.touch(cur)
	c.s.persistLocked()
	w.WriteHeader(http.StatusNoContent)
}
