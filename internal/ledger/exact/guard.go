package exact

import (
	"fmt"
	"time"

	"github.com/billbridge/billbridge/internal/apperr"
)

// MaxFailuresPerHour is how many failed calls (400, 401, 403, 404) the client
// lets one endpoint have in an hour before it stops calling it. Exact blocks
// the app key for an hour — longer on repeat — after more than ten; stopping
// at half that leaves room for other apps on the same key and for calls
// already in flight.
const MaxFailuresPerHour = 5

// guard remembers recent failures per endpoint.
type guard struct {
	failures map[string][]failure
}

type failure struct {
	at      time.Time
	message string
}

// recordFailure notes a failed call to endpoint.
func (c *Client) recordFailure(endpoint, message string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.guard.failures == nil {
		c.guard.failures = make(map[string][]failure)
	}
	c.guard.failures[endpoint] = append(c.recentFailures(endpoint), failure{at: c.now(), message: message})
}

// recentFailures are endpoint's failures of the last hour; c.mu is held.
func (c *Client) recentFailures(endpoint string) []failure {
	cutoff := c.now().Add(-time.Hour)
	all := c.guard.failures[endpoint]
	i := 0
	for i < len(all) && !all[i].at.After(cutoff) {
		i++
	}
	return all[i:]
}

// checkGuard refuses a call to an endpoint that has failed too often.
func (c *Client) checkGuard(endpoint string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	recent := c.recentFailures(endpoint)
	if len(recent) < MaxFailuresPerHour {
		return nil
	}
	last := recent[len(recent)-1]
	again := recent[0].at.Add(time.Hour)
	return apperr.New(apperr.RateLimited,
		fmt.Sprintf("Billbridge stopped calling Exact Online's %s for %s after %d failed calls in the last hour, so that Exact does not block the connection; the last error was: %s",
			endpoint, c.divisionName, len(recent), last.message),
		fmt.Sprintf("Correct what that error names (in Autotask or in Billbridge's mappings), then sync again after %s.",
			again.Local().Format("15:04")))
}

// Failures returns how many failed calls endpoint (e.g.
// "salesentry/SalesEntries") had in the last hour.
func (c *Client) Failures(endpoint string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.recentFailures(endpoint))
}
