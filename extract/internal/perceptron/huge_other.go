//go:build !linux

package perceptron

// HugeSlice returns n zeroed values of T (see huge_linux.go).
func HugeSlice[T any](n int) []T { return make([]T, n) }
