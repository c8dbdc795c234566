// Command fieldgen writes the simulator's fields.json from Autotask's
// published OpenAPI description:
//
//	go run ./internal/sim/autotask/internal/fieldgen \
//	  -spec ../shared/specs/autotask/autotask-billing-subset.openapi.json \
//	  -out internal/sim/autotask/fields.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/billbridge/billbridge/internal/sim/autotask/internal/fieldspec"
)

func main() {
	specPath := flag.String("spec", "", "OpenAPI spec file")
	out := flag.String("out", "fields.json", "output file")
	flag.Parse()
	if err := run(*specPath, *out); err != nil {
		fmt.Fprintln(os.Stderr, "fieldgen:", err)
		os.Exit(1)
	}
}

func run(specPath, out string) error {
	f, err := os.Open(specPath)
	if err != nil {
		return err
	}
	defer f.Close()
	file, err := fieldspec.FromOpenAPI(f)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(file, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(b, '\n'), 0o644)
}
