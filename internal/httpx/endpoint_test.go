package httpx_test

import (
	"net/http"
	"testing"

	"github.com/billbridge/billbridge/internal/httpx"
)

func TestEndpoint(t *testing.T) {
	tests := []struct {
		method, url, want string
	}{
		{"POST", "https://webservices5.autotask.net/ATServicesRest/V1.0/Companies/query", "POST /atservicesrest/v1.0/companies/query"},
		{"GET", "https://webservices5.autotask.net/ATServicesRest/V1.0/Companies/29683524/Contacts/30", "GET /atservicesrest/v1.0/companies/{id}/contacts/{id}"},
		{"get", "https://api.xero.com/api.xro/2.0/Invoices/2F6B3D1A-9C4E-4B8A-8F2D-0123456789AB?unitdp=4", "GET /api.xro/2.0/invoices/{id}"},
		{"POST", "https://quickbooks.api.intuit.com/v3/company/9130347246538796/invoice?requestid=r-1&minorversion=75", "POST /v3/company/{id}/invoice"},
		{"GET", "https://start.exactonline.nl/api/v1/3456/salesinvoice/SalesInvoices(guid'3f2504e0-4f89-11d3-9a0c-0305e82c3301')", "GET /api/v1/{id}/salesinvoice/salesinvoices(guid'{id}')"},
		{"", "http://127.0.0.1:8080", "GET /"},
		{"GET", "http://host/v2/items/", "GET /v2/items/"},
		{"GET", "http://host/inv-2024-001/12a", "GET /inv-2024-001/12a"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, tt.url, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := httpx.Endpoint(req); got != tt.want {
				t.Errorf("Endpoint(%s %s) = %q, want %q", tt.method, tt.url, got, tt.want)
			}
		})
	}
}
