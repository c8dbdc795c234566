package qbosim

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// faultError is one entry of a Fault's Error list, with Intuit's mixed-case
// keys.
type faultError struct {
	Message string `json:"Message"`
	Detail  string `json:"Detail"`
	Code    string `json:"code"`
	Element string `json:"element,omitempty"`
}

// apiFault is an error answer of the Accounting API.
type apiFault struct {
	status int
	Type   string       `json:"type"`
	Errors []faultError `json:"Error"`
}

func (f *apiFault) Error() string {
	if len(f.Errors) == 0 {
		return f.Type
	}
	return f.Errors[0].Code + " " + f.Errors[0].Message + ": " + f.Errors[0].Detail
}

// body is the envelope {"Fault":{…},"time":…}.
func (f *apiFault) body(now time.Time) map[string]any {
	return map[string]any{"Fault": f, "time": qboTime(now)}
}

func validation(code, message, detail, element string) *apiFault {
	return &apiFault{status: http.StatusBadRequest, Type: "ValidationFault",
		Errors: []faultError{{Message: message, Detail: detail, Code: code, Element: element}}}
}

// The faults below carry Intuit's codes and message texts (Error codes page
// of the Accounting API docs).

func errUnsupportedProperty(entity, field string) *apiFault {
	return validation("2010", "Request has invalid or unsupported property",
		fmt.Sprintf("Property Name:Unrecognized field %q (class com.intuit.schema.finance.v3.%s), not marked as ignorable specified in request", field, entity), field)
}

func errInvalidValue(field, why string) *apiFault {
	return validation("2010", "Request has invalid or unsupported property",
		fmt.Sprintf("Property Name:%s, %s", field, why), field)
}

func errRequired(field string) *apiFault {
	return validation("2020", "Required param missing, need to supply the required value for the API",
		"Required parameter "+field+" is missing in the request", field)
}

func errTooLong(field string, maxLen, got int) *apiFault {
	return validation("2050", "String length is either shorter or longer than supported by specification",
		fmt.Sprintf("String length specified does not match the supported length. Min:0 Max:%d supplied length:%d", maxLen, got), field)
}

func errInvalidRef(field, id string) *apiFault {
	return validation("2500", "Invalid Reference Id",
		fmt.Sprintf("Invalid Reference Id : %s %s does not exist or is inactive", field, id), field)
}

func errNotFound(entity, id string) *apiFault {
	return validation("610", "Object Not Found",
		fmt.Sprintf("Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees. (%s %s)", entity, id), "")
}

func errStale(entity string) *apiFault {
	return validation("5010", "Stale Object Error",
		"Stale Object Error : You and another user were working on the same thing. The other user finished before you did, so your work was not saved. ("+entity+")", "")
}

func errDuplicateName(what string) *apiFault {
	return validation("6240", "Duplicate Name Exists Error",
		"The name supplied already exists. : Another "+what+" is already using this name. Please use a different name.", "")
}

func errDuplicateDoc(docNumber, entity, id string) *apiFault {
	return validation("6140", "Duplicate Document Number Error",
		fmt.Sprintf("Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=%s is assigned to TxnType=%s with TxnId=%s", docNumber, entity, id), "DocNumber")
}

func errBusiness(detail, element string) *apiFault {
	return validation("6000", "A business validation error has occurred while processing your request",
		"Business Validation Error: "+detail, element)
}

func errAmount(supplied string) *apiFault {
	return validation("6070", "Amount is not equal to UnitPrice * Qty",
		"Amount is not equal to UnitPrice * Qty. Supplied value:"+supplied, "Line.Amount")
}

func errTaxCode(detail string) *apiFault {
	return validation("6100", "Invalid Tax Code", "Invalid tax code: "+detail, "TaxCodeRef")
}

func errLink(detail string) *apiFault {
	return validation("620", "Transaction link error", "Transaction link error : "+detail, "LinkedTxn")
}

func errQuery(detail string) *apiFault {
	return validation("4000", "Error parsing query", "QueryParserError: "+detail, "")
}

func errQueryField(detail string) *apiFault {
	return validation("4001", "Invalid query", "QueryValidationError: "+detail, "")
}

func errUnsupportedOperation(detail string) *apiFault {
	return validation("500", "Unsupported Operation", "Operation "+detail+" is not supported.", "")
}

func errAuthorization() *apiFault {
	return &apiFault{status: http.StatusForbidden, Type: "AuthorizationFault", Errors: []faultError{{
		Message: "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403", Code: "3100"}}}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func (s *Server) writeFault(w http.ResponseWriter, f *apiFault) {
	writeJSON(w, f.status, f.body(s.now()))
}

// writeAuthFailed answers 401 the way the API really does: with lower-case
// keys ("fault", "error", "message", …), unlike every other Fault.
func (s *Server) writeAuthFailed(w http.ResponseWriter, detail string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="Intuit", error="invalid_token"`)
	writeJSON(w, http.StatusUnauthorized, map[string]any{
		"fault": map[string]any{"error": []map[string]any{{
			"message": "message=AuthenticationFailed; errorCode=003200; statusCode=401",
			"detail":  detail, "code": "3200"}}, "type": "AUTHENTICATION"},
		"time": qboTime(s.now()),
	})
}

// writeThrottled answers 429 with an XML Fault even when JSON was asked for,
// as Intuit does.
func (s *Server) writeThrottled(w http.ResponseWriter, detail string) {
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(http.StatusTooManyRequests)
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
		`<IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="%s"><Fault type="SERVICE">`+
		`<Error code="3001" element=""><Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>`+
		`<Detail>%s</Detail></Error></Fault></IntuitResponse>`, qboTime(s.now()), detail)
}
