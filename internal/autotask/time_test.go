package autotask_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/billbridge/billbridge/internal/autotask"
)

func TestTimeJSON(t *testing.T) {
	tests := []struct {
		in, out string
		want    time.Time
	}{
		{`"2021-12-01T00:00:00Z"`, `"2021-12-01T00:00:00Z"`, time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC)},
		{`"2022-12-02T08:52:54.023Z"`, `"2022-12-02T08:52:54.023Z"`, time.Date(2022, 12, 2, 8, 52, 54, 23e6, time.UTC)},
		{`"2022-12-02T08:52:54.02Z"`, `"2022-12-02T08:52:54.020Z"`, time.Date(2022, 12, 2, 8, 52, 54, 20e6, time.UTC)},
		{`"2021-12-01"`, `"2021-12-01T00:00:00Z"`, time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC)},
		{`"2021-12-01T10:00:00"`, `"2021-12-01T10:00:00Z"`, time.Date(2021, 12, 1, 10, 0, 0, 0, time.UTC)},
		{`"2021-12-01T10:00:00+02:00"`, `"2021-12-01T08:00:00Z"`, time.Date(2021, 12, 1, 8, 0, 0, 0, time.UTC)},
		{`null`, `null`, time.Time{}},
	}
	for _, tt := range tests {
		var got autotask.Time
		if err := json.Unmarshal([]byte(tt.in), &got); err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if !got.Equal(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.in, got.Time, tt.want)
		}
		b, _ := json.Marshal(got)
		if string(b) != tt.out {
			t.Errorf("%s: marshals as %s, want %s", tt.in, b, tt.out)
		}
	}
	var bad autotask.Time
	if err := json.Unmarshal([]byte(`"1 Dec 2021"`), &bad); err == nil {
		t.Error("a non-Autotask date was accepted")
	}
}
