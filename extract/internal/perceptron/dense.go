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
