package mf

import "unsafe"

// asF32 and asF64 reinterpret a []T as the concrete slice type T is; they
// are only called after a type switch established that identity.
func asF32[T float](x []T) []float32 {
	return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(x))), len(x))
}

func asF64[T float](x []T) []float64 {
	return unsafe.Slice((*float64)(unsafe.Pointer(unsafe.SliceData(x))), len(x))
}
