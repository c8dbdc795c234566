// Command schemagen derives the Xero simulator's schema.json from Xero's
// OpenAPI description. Run it from the repository root when the spec changes:
//
//	go run ./internal/sim/xero/internal/schemagen ../shared/specs/xero/xero_accounting.yaml internal/sim/xero/schema.json
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"gopkg.in/yaml.v3"

	"github.com/billbridge/billbridge/internal/sim/xero/internal/specschema"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: schemagen SPEC.yaml OUT.json")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}

func run(specPath, outPath string) error {
	raw, err := os.ReadFile(specPath)
	if err != nil {
		return err
	}
	var doc map[string]any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("parse %s: %w", specPath, err)
	}
	sch, err := specschema.Derive(doc)
	if err != nil {
		return err
	}
	out, err := json.MarshalIndent(sch, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(outPath, append(out, '\n'), 0o644)
}
