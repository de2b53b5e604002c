// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

// DefaultRateLimit is the documented limit of DescribeOrganizationMemberEmailBind,
// which the emulator also applies to every other action.
const DefaultRateLimit = 20

// rateWindow counts a key's requests in one wall-clock second, which is how
// "20 requests per second" reads: no second may hold more.
type rateWindow struct {
	second int64
	count  int
}

func (s *Server) allow(key string) bool {
	second := s.Now().Unix()
	s.mu.Lock()
	defer s.mu.Unlock()
	w, ok := s.windows[key]
	if !ok || w.second != second {
		w = &rateWindow{second: second}
		s.windows[key] = w
	}
	w.count++
	return w.count <= s.world.rateLimit()
}

func (w World) rateLimit() int {
	if w.RateLimit == 0 {
		return DefaultRateLimit
	}
	return w.RateLimit
}
