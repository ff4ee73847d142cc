package parse

// state is a configuration of the arc-hybrid system for a sentence of n
// words; index n is the root, which sits at the end of the buffer.
type state struct {
	n      int
	stack  []int
	b0     int   // front of the buffer; the buffer is b0..n
	heads  []int // head of each word, -1 until attached; n for the root
	labels []int // label of each word's arc, -1 until attached
	// children, for features: leftmost, second leftmost, rightmost and
	// second rightmost (-1 when absent), counts and label sets.
	l1, l2, r1, r2 []int
	nl, nr         []int
	lset, rset     [][2]uint64
}

func newState(n int, s *state) *state {
	if s == nil {
		s = &state{}
	}
	s.n = n
	s.stack = s.stack[:0]
	s.b0 = 0
	grow := func(a []int, v int) []int {
		if cap(a) < n+1 {
			a = make([]int, n+1)
		}
		a = a[:n+1]
		for i := range a {
			a[i] = v
		}
		return a
	}
	s.heads = grow(s.heads, -1)
	s.labels = grow(s.labels, -1)
	s.l1 = grow(s.l1, -1)
	s.l2 = grow(s.l2, -1)
	s.r1 = grow(s.r1, -1)
	s.r2 = grow(s.r2, -1)
	s.nl = grow(s.nl, 0)
	s.nr = grow(s.nr, 0)
	if cap(s.lset) < n+1 {
		s.lset = make([][2]uint64, n+1)
		s.rset = make([][2]uint64, n+1)
	}
	s.lset = s.lset[:n+1]
	s.rset = s.rset[:n+1]
	clear(s.lset)
	clear(s.rset)
	return s
}

func (s *state) terminal() bool { return len(s.stack) == 0 && s.b0 == s.n }

func (s *state) s(k int) int {
	if k < len(s.stack) {
		return s.stack[len(s.stack)-1-k]
	}
	return -1
}

func (s *state) shift() {
	s.stack = append(s.stack, s.b0)
	s.b0++
}

// arc attaches d to h with label l.
func (s *state) arc(h, d, l int) {
	s.heads[d] = h
	s.labels[d] = l
	if d < h {
		s.nl[h]++
		s.lset[h][l/64] |= 1 << (l % 64)
		switch {
		case s.l1[h] < 0 || d < s.l1[h]:
			s.l2[h] = s.l1[h]
			s.l1[h] = d
		case s.l2[h] < 0 || d < s.l2[h]:
			s.l2[h] = d
		}
	} else {
		s.nr[h]++
		s.rset[h][l/64] |= 1 << (l % 64)
		switch {
		case d > s.r1[h]:
			s.r2[h] = s.r1[h]
			s.r1[h] = d
		case d > s.r2[h]:
			s.r2[h] = d
		}
	}
}

// left attaches s0 to b0 and pops it.
func (s *state) left(l int) {
	d := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.arc(s.b0, d, l)
}

// right attaches s0 to s1 and pops it.
func (s *state) right(l int) {
	d := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.arc(s.stack[len(s.stack)-1], d, l)
}

// Moves are numbered: 0 shift, 1..L left with label m-1, L+1..2L right
// with label m-L-1.
const shiftMove = 0

type moves struct {
	nLabels int
	root    int // index of the "root" label
}

func (m moves) count() int { return 1 + 2*m.nLabels }

func (m moves) decode(mv int) (kind, label int) {
	switch {
	case mv == 0:
		return 0, -1
	case mv <= m.nLabels:
		return 1, mv - 1
	default:
		return 2, mv - 1 - m.nLabels
	}
}

// valid reports whether move mv can be made in s. The root takes exactly
// one dependent, the last word left on the stack, labelled root.
func (m moves) valid(s *state, mv int) bool {
	kind, l := m.decode(mv)
	switch kind {
	case 0:
		return s.b0 < s.n
	case 1:
		if len(s.stack) == 0 {
			return false
		}
		if s.b0 == s.n {
			return len(s.stack) == 1 && l == m.root
		}
		return l != m.root
	default:
		return len(s.stack) >= 2 && l != m.root
	}
}

func (m moves) apply(s *state, mv int) {
	kind, l := m.decode(mv)
	switch kind {
	case 0:
		s.shift()
	case 1:
		s.left(l)
	default:
		s.right(l)
	}
}

// costs returns the number of gold arcs each unlabelled move (shift, left,
// right) makes unreachable, by the arc-hybrid dynamic oracle of Goldberg
// and Nivre (2013). gold holds the gold head of each word (n for root).
func costs(s *state, gold []int) (sh, la, ra int) {
	b0 := s.b0
	if len(s.stack) == 0 {
		return 0, 0, 0
	}
	s0 := s.stack[len(s.stack)-1]
	s1 := -1
	if len(s.stack) >= 2 {
		s1 = s.stack[len(s.stack)-2]
	}
	// Shift: b0 loses its dependents on the stack and a head on the stack
	// other than s0.
	if b0 < s.n {
		for _, k := range s.stack {
			if gold[k] == b0 {
				sh++
			}
		}
		if h := gold[b0]; h != s0 {
			for _, k := range s.stack[:len(s.stack)-1] {
				if k == h {
					sh++
					break
				}
			}
		}
	}
	// Popping s0 loses its dependents in the buffer.
	kids := 0
	for k := b0; k < s.n; k++ {
		if gold[k] == s0 {
			kids++
		}
	}
	h := gold[s0]
	inBuffer := h >= b0 // the root (n) is in the buffer
	la = kids
	if h != b0 && (h == s1 || inBuffer) {
		la++
	}
	ra = kids
	if h != s1 && inBuffer {
		ra++
	}
	return sh, la, ra
}
