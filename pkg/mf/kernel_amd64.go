package mf

// useFMA reports whether the CPU and OS support AVX2 and FMA3, so the
// dense kernel can use the AVX2/FMA assembly in kernel_amd64.s.
var useFMA = detectFMA()

func detectFMA() bool {
	_, _, ecx1, _ := cpuid(1, 0)
	const (
		fma     = 1 << 12
		osxsave = 1 << 27
		avx     = 1 << 28
	)
	if ecx1&(fma|osxsave|avx) != fma|osxsave|avx {
		return false
	}
	if xcr0, _ := xgetbv(); xcr0&6 != 6 { // XMM and YMM state enabled by the OS
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	return ebx7&(1<<5) != 0 // AVX2
}

func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)
func xgetbv() (eax, edx uint32)

// axpy64 computes y[i] += alpha·x[i] for i < len(x) with fused multiply–adds;
// len(y) must be ≥ len(x).
//
//go:noescape
func axpy64(alpha float64, x, y []float64)

// dot64 returns Σ x[i]·y[i] for i < len(x) in four interleaved fused
// multiply–add accumulators; len(y) must be ≥ len(x).
//
//go:noescape
func dot64(x, y []float64) float64

// axpy32 is axpy64 for float32.
//
//go:noescape
func axpy32(alpha float32, x, y []float32)

// dot32 is dot64 for float32 (accumulated in float32, like sdot).
//
//go:noescape
func dot32(x, y []float32) float32
