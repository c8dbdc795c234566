package httpx

import (
	"net/http"
	"regexp"
	"strings"
)

// guid matches a GUID anywhere in a path segment, as in Xero's
// /Invoices/{guid} and Exact Online's SalesInvoices(guid'…').
var guid = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// Endpoint names the API operation req calls, for counters and logs: the
// method and the lower-cased path, with numeric segments and GUIDs replaced by
// {id}, so every invoice read counts under one name:
//
//	GET /api.xro/2.0/invoices/{id}
//	POST /atservicesrest/v1.0/companies/query
//	POST /v3/company/{id}/invoice
func Endpoint(req *http.Request) string {
	method := strings.ToUpper(req.Method)
	if method == "" {
		method = http.MethodGet
	}
	path := "/"
	if req.URL != nil && req.URL.Path != "" {
		path = strings.ToLower(req.URL.Path)
	}
	segs := strings.Split(path, "/")
	for i, s := range segs {
		switch {
		case s == "":
		case isDigits(s):
			segs[i] = "{id}"
		default:
			segs[i] = guid.ReplaceAllString(s, "{id}")
		}
	}
	return method + " " + strings.Join(segs, "/")
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
