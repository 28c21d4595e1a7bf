// Copyright ©2026 The FactorLab Authors.

//go:build amd64

#include "textflag.h"

// HSUM adds the four lanes of Yr into the low lane of Xr, using Xt.
#define HSUM(Yr, Xr, Xt) \
	VEXTRACTF128 $1, Yr, Xt \
	VADDPD       Xt, Xr, Xr \
	VPERMILPD    $1, Xr, Xt \
	VADDSD       Xt, Xr, Xr

// func dot4(n int, a0, a1, a2, a3, x *float64) (s0, s1, s2, s3 float64)
//
// sᵣ = Σⱼ aᵣ[j]·x[j] for j < n, in four lanes of fused multiply–adds over
// blocks of four, the lanes added at the end, then the tail in order.
TEXT ·dot4(SB), NOSPLIT, $0-80
	MOVQ   n+0(FP), CX
	MOVQ   a0+8(FP), R8
	MOVQ   a1+16(FP), R9
	MOVQ   a2+24(FP), R10
	MOVQ   a3+32(FP), R11
	MOVQ   x+40(FP), SI
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	XORQ   AX, AX
	MOVQ   CX, DX
	ANDQ   $-4, DX

dot4_loop:
	CMPQ        AX, DX
	JGE         dot4_sum
	VMOVUPD     (SI)(AX*8), Y4
	VFMADD231PD (R8)(AX*8), Y4, Y0
	VFMADD231PD (R9)(AX*8), Y4, Y1
	VFMADD231PD (R10)(AX*8), Y4, Y2
	VFMADD231PD (R11)(AX*8), Y4, Y3
	ADDQ        $4, AX
	JMP         dot4_loop

dot4_sum:
	HSUM(Y0, X0, X5)
	HSUM(Y1, X1, X5)
	HSUM(Y2, X2, X5)
	HSUM(Y3, X3, X5)

dot4_tail:
	CMPQ        AX, CX
	JGE         dot4_done
	VMOVSD      (SI)(AX*8), X4
	VFMADD231SD (R8)(AX*8), X4, X0
	VFMADD231SD (R9)(AX*8), X4, X1
	VFMADD231SD (R10)(AX*8), X4, X2
	VFMADD231SD (R11)(AX*8), X4, X3
	INCQ        AX
	JMP         dot4_tail

dot4_done:
	VMOVSD X0, s0+48(FP)
	VMOVSD X1, s1+56(FP)
	VMOVSD X2, s2+64(FP)
	VMOVSD X3, s3+72(FP)
	VZEROUPPER
	RET

// func axpy4(n int, c *[4]float64, a0, a1, a2, a3, y *float64)
//
// y[j] += c[0]·a0[j] + c[1]·a1[j] + c[2]·a2[j] + c[3]·a3[j] for j < n, as
// four fused multiply–adds in that order.
TEXT ·axpy4(SB), NOSPLIT, $0-56
	MOVQ         n+0(FP), CX
	MOVQ         c+8(FP), BX
	MOVQ         a0+16(FP), R8
	MOVQ         a1+24(FP), R9
	MOVQ         a2+32(FP), R10
	MOVQ         a3+40(FP), R11
	MOVQ         y+48(FP), DI
	VBROADCASTSD (BX), Y0
	VBROADCASTSD 8(BX), Y1
	VBROADCASTSD 16(BX), Y2
	VBROADCASTSD 24(BX), Y3
	XORQ         AX, AX
	MOVQ         CX, DX
	ANDQ         $-4, DX

axpy4_loop:
	CMPQ        AX, DX
	JGE         axpy4_tail
	VMOVUPD     (DI)(AX*8), Y4
	VFMADD231PD (R8)(AX*8), Y0, Y4
	VFMADD231PD (R9)(AX*8), Y1, Y4
	VFMADD231PD (R10)(AX*8), Y2, Y4
	VFMADD231PD (R11)(AX*8), Y3, Y4
	VMOVUPD     Y4, (DI)(AX*8)
	ADDQ        $4, AX
	JMP         axpy4_loop

axpy4_tail:
	CMPQ        AX, CX
	JGE         axpy4_done
	VMOVSD      (DI)(AX*8), X4
	VFMADD231SD (R8)(AX*8), X0, X4
	VFMADD231SD (R9)(AX*8), X1, X4
	VFMADD231SD (R10)(AX*8), X2, X4
	VFMADD231SD (R11)(AX*8), X3, X4
	VMOVSD      X4, (DI)(AX*8)
	INCQ        AX
	JMP         axpy4_tail

axpy4_done:
	VZEROUPPER
	RET

// func dotAxpy(n int, s float64, a, x, y *float64) float64
//
// Returns Σⱼ a[j]·x[j] (as dot4 sums) and sets y[j] += s·a[j], j < n, in one
// pass over a.
TEXT ·dotAxpy(SB), NOSPLIT, $0-48
	MOVQ         n+0(FP), CX
	VBROADCASTSD s+8(FP), Y1
	MOVQ         a+16(FP), R8
	MOVQ         x+24(FP), SI
	MOVQ         y+32(FP), DI
	VXORPD       Y0, Y0, Y0
	XORQ         AX, AX
	MOVQ         CX, DX
	ANDQ         $-4, DX

dotaxpy_loop:
	CMPQ        AX, DX
	JGE         dotaxpy_sum
	VMOVUPD     (R8)(AX*8), Y2
	VFMADD231PD (SI)(AX*8), Y2, Y0
	VMOVUPD     (DI)(AX*8), Y3
	VFMADD231PD Y2, Y1, Y3
	VMOVUPD     Y3, (DI)(AX*8)
	ADDQ        $4, AX
	JMP         dotaxpy_loop

dotaxpy_sum:
	HSUM(Y0, X0, X5)

dotaxpy_tail:
	CMPQ        AX, CX
	JGE         dotaxpy_done
	VMOVSD      (R8)(AX*8), X2
	VFMADD231SD (SI)(AX*8), X2, X0
	VMOVSD      (DI)(AX*8), X3
	VFMADD231SD X2, X1, X3
	VMOVSD      X3, (DI)(AX*8)
	INCQ        AX
	JMP         dotaxpy_tail

dotaxpy_done:
	VMOVSD X0, ret+40(FP)
	VZEROUPPER
	RET
