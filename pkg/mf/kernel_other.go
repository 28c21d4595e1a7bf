//go:build !amd64

package mf

const useFMA = false

func axpy64(alpha float64, x, y []float64) { panic("unreachable") }
func dot64(x, y []float64) float64         { panic("unreachable") }
func axpy32(alpha float32, x, y []float32) { panic("unreachable") }
func dot32(x, y []float32) float32         { panic("unreachable") }
