//go:build linux

package perceptron

import (
	"syscall"
	"unsafe"
)

// HugeSlice returns n zeroed values of T (a type without pointers) in
// memory outside the Go heap that the kernel may back with 2 MB pages
// (madvise MADV_HUGEPAGE), which saves a TLB miss on most random lookups
// into a large weight table. Small or failed requests come from make.
func HugeSlice[T any](n int) []T {
	var z T
	size := n * int(unsafe.Sizeof(z))
	if size < 4<<20 {
		return make([]T, n)
	}
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]T, n)
	}
	_ = syscall.Madvise(b, syscall.MADV_HUGEPAGE)
	return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
}
