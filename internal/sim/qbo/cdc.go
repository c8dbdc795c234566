package qbosim

import (
	"net/url"
	"sort"
	"strings"
	"time"
)

// cdcWindow is how far back change data capture looks.
const cdcWindow = 30 * 24 * time.Hour

// maxCDCObjects is the most objects one CDC answer carries.
const maxCDCObjects = 1000

// cdc answers /cdc?entities=…&changedSince=…: the current state of every
// object of the entities changed since then, and deleted ones as stubs.
func (s *Server) cdc(rm *realm, q url.Values) (map[string]any, *apiFault) {
	names := strings.Split(q.Get("entities"), ",")
	if q.Get("entities") == "" {
		return nil, errRequired("entities")
	}
	since, ok := parseWhen(q.Get("changedSince"))
	if !ok {
		return nil, errRequired("changedSince")
	}
	if s.now().Sub(since) > s.scaled(cdcWindow) {
		return nil, errBusiness("changedSince cannot be more than 30 days ago", "changedSince")
	}
	var responses []any
	total := 0
	for _, n := range names {
		def := entityByName(strings.TrimSpace(n))
		if def == nil {
			return nil, errQueryField("Entity " + n + " is not supported by change data capture")
		}
		last := map[string]change{}
		for _, c := range rm.Changes {
			if c.Entity == def.name && !c.At.Before(since) {
				last[c.ID] = c
			}
		}
		ids := make([]string, 0, len(last))
		for id := range last {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(a, b int) bool { return last[ids[a]].At.Before(last[ids[b]].At) })
		var list []any
		for _, id := range ids {
			c := last[id]
			if total >= maxCDCObjects {
				break
			}
			if o := rm.Entities[def.name][id]; o != nil && !c.Deleted {
				list = append(list, clone(o))
			} else if c.Deleted {
				list = append(list, map[string]any{"Id": id, "status": "Deleted", "domain": "QBO",
					"MetaData": map[string]any{"LastUpdatedTime": qboTime(c.At)}})
			} else {
				continue
			}
			total++
		}
		qr := map[string]any{}
		if len(list) > 0 {
			qr[def.name] = list
			qr["startPosition"] = 1
			qr["maxResults"] = len(list)
		}
		responses = append(responses, qr)
	}
	return map[string]any{"CDCResponse": []any{map[string]any{"QueryResponse": responses}}}, nil
}
