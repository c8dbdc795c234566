package qbosim

import (
	"strings"
)

// maxBatchItems is Intuit's limit of operations in one batch request.
const maxBatchItems = 30

// batch runs BatchItemRequest items one after another. Each answers with its
// entity, its QueryResponse or its own Fault; objects created by the batch
// cannot be referenced by its later items, as at Intuit.
func (s *Server) batch(rm *realm, body map[string]any) (map[string]any, *apiFault) {
	for k := range body {
		if k != "BatchItemRequest" {
			return nil, errUnsupportedProperty("IntuitBatchRequest", k)
		}
	}
	items, ok := body["BatchItemRequest"].([]any)
	if !ok || len(items) == 0 {
		return nil, errRequired("BatchItemRequest")
	}
	if len(items) > maxBatchItems {
		return nil, validation("6000", "A business validation error has occurred while processing your request",
			"Business Validation Error: The number of batch items (an operation or a query) in a request cannot be more than 30", "BatchItemRequest")
	}
	seen := map[string]bool{}
	for _, it := range items {
		m, _ := it.(map[string]any)
		bID, _ := m["bId"].(string)
		switch {
		case bID == "":
			return nil, errRequired("BatchItemRequest.bId")
		case len(bID) > 10:
			return nil, errTooLong("bId", 10, len(bID))
		case seen[bID]:
			return nil, errBusiness("bId "+bID+" is used twice in the batch", "bId")
		}
		seen[bID] = true
	}
	rm.hidden = map[string]bool{}
	defer func() { rm.hidden = nil }()
	var out []any
	changed := false
	for _, it := range items {
		m, _ := it.(map[string]any)
		bID := m["bId"].(string)
		res, f := s.batchItem(rm, m)
		if f != nil {
			out = append(out, map[string]any{"bId": bID, "Fault": f})
			continue
		}
		res["bId"] = bID
		out = append(out, res)
		if _, isQuery := res["QueryResponse"]; !isQuery {
			changed = true
		}
	}
	if changed {
		s.persistLocked()
	}
	return map[string]any{"BatchItemResponse": out}, nil
}

func (s *Server) batchItem(rm *realm, m map[string]any) (map[string]any, *apiFault) {
	var entity string
	var payload map[string]any
	var query string
	for k, v := range m {
		switch k {
		case "bId", "operation", "optionsData":
		case "Query":
			query, _ = v.(string)
		default:
			if entityByName(k) == nil {
				return nil, errUnsupportedProperty("BatchItemRequest", k)
			}
			if entity != "" {
				return nil, errBusiness("a batch item carries one entity", k)
			}
			entity, payload = k, nil
			payload, _ = v.(map[string]any)
		}
	}
	op, _ := m["operation"].(string)
	switch {
	case query != "" && entity == "":
		qr, f := s.query(rm, query)
		if f != nil {
			return nil, f
		}
		return map[string]any{"QueryResponse": qr}, nil
	case entity == "" || payload == nil:
		return nil, errRequired("BatchItemRequest entity")
	case op == "":
		return nil, errRequired("operation")
	}
	def := entityByName(entity)
	if def.name != entity && strings.EqualFold(def.name, entity) {
		return nil, errUnsupportedProperty("BatchItemRequest", entity)
	}
	switch op {
	case "create":
		if id, _ := payload["Id"].(string); id != "" {
			return nil, errBusiness("a create carries no Id", "Id")
		}
	case "update":
		if id, _ := payload["Id"].(string); id == "" {
			return nil, errRequired("Id")
		}
	case "delete", "void":
	default:
		return nil, errUnsupportedOperation(op)
	}
	o, f := s.write(rm, def, op, payload)
	if f != nil {
		return nil, f
	}
	return map[string]any{def.name: o}, nil
}
