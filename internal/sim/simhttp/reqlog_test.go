package simhttp_test

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/billbridge/billbridge/internal/sim/simhttp"
)

type entry struct {
	Path   string `json:"path"`
	Status int    `json:"status"`
	Body   string `json:"body,omitempty"`
}

func TestRequestLogConcurrentAdd(t *testing.T) {
	var log simhttp.RequestLog[entry]
	const writers, each = 16, 50
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				log.Add(entry{Path: "/w", Status: w*1000 + i})
				_ = log.All() // readers run alongside the writers
			}
		}()
	}
	wg.Wait()
	all := log.All()
	if len(all) != writers*each {
		t.Fatalf("got %d entries, want %d", len(all), writers*each)
	}
	// Each writer's entries keep their order: oldest first.
	last := map[int]int{}
	for _, e := range all {
		w, i := e.Status/1000, e.Status%1000
		if prev, ok := last[w]; ok && i <= prev {
			t.Fatalf("writer %d: entry %d after %d", w, i, prev)
		}
		last[w] = i
	}
}

func TestRequestLogAllIsACopy(t *testing.T) {
	var log simhttp.RequestLog[entry]
	if got := log.All(); got != nil {
		t.Fatalf("empty log: got %v, want nil", got)
	}
	log.Add(entry{Path: "/a"})
	got := log.All()
	got[0].Path = "/changed"
	log.Add(entry{Path: "/b"})
	if all := log.All(); len(all) != 2 || all[0].Path != "/a" || all[1].Path != "/b" {
		t.Fatalf("log changed through a copy or lost order: %+v", all)
	}
	log.Reset()
	if all := log.All(); len(all) != 0 {
		t.Fatalf("after Reset: %+v", all)
	}
}

func TestRequestLogWriteJSONLines(t *testing.T) {
	tests := []struct {
		name    string
		entries []entry
		want    string
	}{
		{"empty", nil, ""},
		{"one line per request, oldest first", []entry{{Path: "/a", Status: 200}, {Path: "/b", Status: 0}},
			`{"path":"/a","status":200}` + "\n" + `{"path":"/b","status":0}` + "\n"},
		{"no HTML escaping", []entry{{Path: "/q", Status: 400, Body: `<a href="x">&</a>`}},
			`{"path":"/q","status":400,"body":"<a href=\"x\">&</a>"}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log simhttp.RequestLog[entry]
			for _, e := range tt.entries {
				log.Add(e)
			}
			var b strings.Builder
			if err := log.WriteJSONLines(&b, "testsim"); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Fatalf("got %q, want %q", b.String(), tt.want)
			}
			for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
				if line != "" && !json.Valid([]byte(line)) {
					t.Fatalf("line is not JSON: %q", line)
				}
			}
		})
	}
}

type failingWriter struct{}

var errDiskFull = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestRequestLogWriteJSONLinesError(t *testing.T) {
	var log simhttp.RequestLog[entry]
	log.Add(entry{Path: "/a"})
	err := log.WriteJSONLines(failingWriter{}, "testsim")
	if !errors.Is(err, errDiskFull) || !strings.HasPrefix(err.Error(), "testsim: write request log: ") {
		t.Fatalf("got %v", err)
	}
}
