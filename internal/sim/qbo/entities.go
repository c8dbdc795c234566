package qbosim

import (
	"encoding/json"
	"maps"
	"strconv"
	"strings"
)

// kind says how an entity behaves on writes.
type kind int

const (
	nameList    kind = iota // made inactive, never deleted
	transaction             // deleted with operation=delete
	readOnly                // served, not written through the API
)

// entityDef describes one entity the API serves.
type entityDef struct {
	name     string
	kind     kind
	voidable bool
	// prepare validates a new or updated object (old is nil on create) and
	// fills the values QBO computes. It must not change anything else in
	// the realm; apply does that after the object is stored.
	prepare func(s *Server, rm *realm, entity string, o, old obj) *apiFault
	apply   func(s *Server, rm *realm, o, old obj)
	// unlink undoes apply when a transaction is deleted or voided.
	unlink func(s *Server, rm *realm, o obj)
}

var entities = map[string]*entityDef{}

func register(d *entityDef) { entities[strings.ToLower(d.name)] = d }

func init() {
	register(&entityDef{name: "Customer", prepare: prepareDisplayName})
	register(&entityDef{name: "Vendor", prepare: prepareDisplayName})
	register(&entityDef{name: "Item", prepare: prepareItem})
	register(&entityDef{name: "Account", prepare: prepareAccount})
	register(&entityDef{name: "Class", prepare: prepareNamed("Name")})
	register(&entityDef{name: "Department", prepare: prepareNamed("Name")})
	register(&entityDef{name: "Term", prepare: prepareTerm})
	register(&entityDef{name: "TaxAgency", prepare: prepareNamed("DisplayName")})
	register(&entityDef{name: "TaxCode", kind: readOnly})
	register(&entityDef{name: "TaxRate", kind: readOnly})
	register(&entityDef{name: "Invoice", kind: transaction, voidable: true, prepare: prepareSales})
	register(&entityDef{name: "CreditMemo", kind: transaction, prepare: prepareSales})
	register(&entityDef{name: "Payment", kind: transaction, voidable: true, prepare: preparePayment, apply: applyPayment, unlink: unlinkPayment})
	register(&entityDef{name: "PurchaseOrder", kind: transaction, prepare: preparePurchase})
	register(&entityDef{name: "Bill", kind: transaction, prepare: preparePurchase, apply: applyBill, unlink: unlinkBill})
	register(&entityDef{name: "JournalEntry", kind: transaction, prepare: prepareJournal})
}

func entityByPath(p string) *entityDef { return entities[strings.ToLower(p)] }

// entityByName finds an entity by its name as written in queries, CDC and
// batch items (case-insensitive, as Intuit's parser is).
func entityByName(n string) *entityDef { return entities[strings.ToLower(n)] }

func (s *Server) read(rm *realm, def *entityDef, id string) (obj, *apiFault) {
	o := rm.Entities[def.name][id]
	if o == nil {
		return nil, errNotFound(def.name, id)
	}
	return clone(o), nil
}

// write runs a create, an update (body has an Id), a delete or a void.
func (s *Server) write(rm *realm, def *entityDef, operation string, body obj) (obj, *apiFault) {
	if def.kind == readOnly {
		return nil, errUnsupportedOperation("create/update " + def.name)
	}
	switch operation {
	case "", "create", "update":
	case "delete", "void":
		return s.remove(rm, def, operation, body)
	default:
		return nil, errUnsupportedOperation(operation)
	}
	if f := s.checkFields(def.name, body); f != nil {
		return nil, f
	}
	if id, _ := body["Id"].(string); id != "" {
		return s.update(rm, def, body)
	}
	if operation == "update" {
		return nil, errRequired("Id")
	}
	o := clone(body)
	for _, k := range []string{"SyncToken", "MetaData", "sparse", "domain", "status"} {
		delete(o, k)
	}
	if f := def.prepare(s, rm, def.name, o, nil); f != nil {
		return nil, f
	}
	rm.NextID++
	id := strconv.Itoa(rm.NextID)
	now := qboTime(s.now())
	o["Id"], o["SyncToken"], o["domain"], o["sparse"] = id, "0", "QBO", false
	o["MetaData"] = map[string]any{"CreateTime": now, "LastUpdatedTime": now}
	s.store(rm, def, o)
	if def.apply != nil {
		def.apply(s, rm, o, nil)
	}
	if rm.hidden != nil {
		rm.hidden[def.name+"/"+id] = true
	}
	return clone(o), nil
}

func (s *Server) update(rm *realm, def *entityDef, body obj) (obj, *apiFault) {
	id := body["Id"].(string)
	old := rm.Entities[def.name][id]
	if old == nil {
		return nil, errNotFound(def.name, id)
	}
	tok, _ := body["SyncToken"].(string)
	if tok == "" {
		return nil, errRequired("SyncToken")
	}
	if tok != old["SyncToken"] {
		return nil, errStale(def.name)
	}
	var o obj
	if sparse, _ := body["sparse"].(bool); sparse {
		o = clone(old)
		maps.Copy(o, clone(body))
	} else {
		o = clone(body)
	}
	o["Id"], o["domain"], o["sparse"] = id, "QBO", false
	o["MetaData"] = clone(old["MetaData"].(map[string]any))
	if def.unlink != nil {
		def.unlink(s, rm, old)
	}
	if f := def.prepare(s, rm, def.name, o, old); f != nil {
		if def.apply != nil {
			def.apply(s, rm, old, nil) // put the old links back
		}
		return nil, f
	}
	s.bump(o)
	s.store(rm, def, o)
	if def.apply != nil {
		def.apply(s, rm, o, old)
	}
	return clone(o), nil
}

// remove deletes or voids a transaction; name lists are made inactive with
// an update instead, as in QBO.
func (s *Server) remove(rm *realm, def *entityDef, operation string, body obj) (obj, *apiFault) {
	if def.kind != transaction || (operation == "void" && !def.voidable) {
		return nil, errUnsupportedOperation(operation + " " + def.name)
	}
	id, _ := body["Id"].(string)
	if id == "" {
		return nil, errRequired("Id")
	}
	old := rm.Entities[def.name][id]
	if old == nil {
		return nil, errNotFound(def.name, id)
	}
	if tok, _ := body["SyncToken"].(string); tok == "" {
		return nil, errRequired("SyncToken")
	} else if tok != old["SyncToken"] {
		return nil, errStale(def.name)
	}
	if def.name == "Invoice" && hasPayments(old) {
		return nil, errBusiness("This invoice has payments applied to it; delete or void the payments first.", "")
	}
	if def.unlink != nil {
		def.unlink(s, rm, old)
	}
	if operation == "delete" {
		delete(rm.Entities[def.name], id)
		rm.Changes = append(rm.Changes, change{Entity: def.name, ID: id, At: s.now(), Deleted: true})
		return obj{"Id": id, "status": "Deleted", "domain": "QBO"}, nil
	}
	o := clone(old)
	voidAmounts(o)
	s.bump(o)
	s.store(rm, def, o)
	return clone(o), nil
}

// bump advances SyncToken and LastUpdatedTime.
func (s *Server) bump(o obj) {
	tok, _ := o["SyncToken"].(string)
	n, _ := strconv.Atoi(tok)
	o["SyncToken"] = strconv.Itoa(n + 1)
	md, _ := o["MetaData"].(map[string]any)
	if md == nil {
		md = map[string]any{"CreateTime": qboTime(s.now())}
	}
	md["LastUpdatedTime"] = qboTime(s.now())
	o["MetaData"] = md
}

func (s *Server) store(rm *realm, def *entityDef, o obj) {
	if rm.Entities[def.name] == nil {
		rm.Entities[def.name] = map[string]obj{}
	}
	rm.Entities[def.name][o["Id"].(string)] = o
	rm.Changes = append(rm.Changes, change{Entity: def.name, ID: o["Id"].(string), At: s.now()})
}

// clone deep-copies a JSON value.
func clone[T any](v T) T {
	raw, err := json.Marshal(v)
	if err != nil {
		panic("qbosim: clone: " + err.Error())
	}
	var out T
	d := json.NewDecoder(strings.NewReader(string(raw)))
	d.UseNumber()
	if err := d.Decode(&out); err != nil {
		panic("qbosim: clone: " + err.Error())
	}
	return out
}

// ref returns the value of a reference field ({"value": …}).
func ref(o obj, field string) string {
	m, _ := o[field].(map[string]any)
	v, _ := m["value"].(string)
	return v
}

// lookup finds an entity a reference points at; objects created earlier in
// the same batch are invisible, as at Intuit.
func lookup(rm *realm, entity, id string) obj {
	if id == "" || rm.hidden[entity+"/"+id] {
		return nil
	}
	return rm.Entities[entity][id]
}

// active reports whether a name-list object may be referenced.
func active(o obj) bool {
	a, ok := o["Active"].(bool)
	return !ok || a
}
