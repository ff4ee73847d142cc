package perceptron

// addDenseGo adds d to scores, eight at a time (the compiler neither
// unrolls nor vectorises the plain loop). It is addDense where there is no
// assembly version, and the reference the assembly is tested against.
func addDenseGo(scores, d []float32) {
	sc := scores[:len(d)]
	i := 0
	for ; i+8 <= len(d); i += 8 {
		s, w := sc[i:i+8:i+8], d[i:i+8:i+8]
		s[0] += w[0]
		s[1] += w[1]
		s[2] += w[2]
		s[3] += w[3]
		s[4] += w[4]
		s[5] += w[5]
		s[6] += w[6]
		s[7] += w[7]
	}
	for ; i < len(d); i++ {
		sc[i] += d[i]
	}
}

// AddDense adds d to scores, which must be at least as long, with vector
// instructions where the processor has them (the same sums as the plain
// loop, bit for bit).
func AddDense(scores, d []float32) { addDense(scores, d) }

// Dot returns the dot product of a and b (at least as long as a), summed
// in eight lanes, as matVec does.
func Dot(a, b []float32) float32 {
	var s0, s1, s2, s3, s4, s5, s6, s7 float32
	b = b[:len(a)]
	i := 0
	for ; i+8 <= len(a); i += 8 {
		x, y := a[i:i+8:i+8], b[i:i+8:i+8]
		s0 += x[0] * y[0]
		s1 += x[1] * y[1]
		s2 += x[2] * y[2]
		s3 += x[3] * y[3]
		s4 += x[4] * y[4]
		s5 += x[5] * y[5]
		s6 += x[6] * y[6]
		s7 += x[7] * y[7]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return ((s0 + s4) + (s2 + s6)) + ((s1 + s5) + (s3 + s7))
}

// matVecGo is matVec without assembly, and its reference.
func matVecGo(y, w, x []float32) {
	k := len(x)
	for r := range y {
		y[r] = Dot(w[r*k:(r+1)*k], x)
	}
}

// MatVec sets y[r] to the dot product of row r of w (len(y) rows of
// len(x) columns) with x, with vector instructions where the processor
// has them (the same sums as Dot, bit for bit).
func MatVec(y, w, x []float32) { matVec(y, w, x) }
