#include "textflag.h"

// func addDenseSSE(scores, d *float32, n int)
TEXT ·addDenseSSE(SB), NOSPLIT, $0-24
	MOVQ scores+0(FP), DI
	MOVQ d+8(FP), SI
	MOVQ n+16(FP), CX

loop16:
	CMPQ CX, $16
	JLT  loop4
	MOVUPS (SI), X0
	MOVUPS 16(SI), X1
	MOVUPS 32(SI), X2
	MOVUPS 48(SI), X3
	MOVUPS (DI), X4
	MOVUPS 16(DI), X5
	MOVUPS 32(DI), X6
	MOVUPS 48(DI), X7
	ADDPS  X0, X4
	ADDPS  X1, X5
	ADDPS  X2, X6
	ADDPS  X3, X7
	MOVUPS X4, (DI)
	MOVUPS X5, 16(DI)
	MOVUPS X6, 32(DI)
	MOVUPS X7, 48(DI)
	ADDQ   $64, SI
	ADDQ   $64, DI
	SUBQ   $16, CX
	JMP    loop16

loop4:
	CMPQ CX, $4
	JLT  tail
	MOVUPS (SI), X0
	MOVUPS (DI), X1
	ADDPS  X0, X1
	MOVUPS X1, (DI)
	ADDQ   $16, SI
	ADDQ   $16, DI
	SUBQ   $4, CX
	JMP    loop4

tail:
	TESTQ CX, CX
	JEQ   done
	MOVSS (DI), X0
	ADDSS (SI), X0
	MOVSS X0, (DI)
	ADDQ  $4, SI
	ADDQ  $4, DI
	DECQ  CX
	JMP   tail

done:
	RET

// func addDenseAVX2(scores, d *float32, n int), n a multiple of 8
TEXT ·addDenseAVX2(SB), NOSPLIT, $0-24
	MOVQ scores+0(FP), DI
	MOVQ d+8(FP), SI
	MOVQ n+16(FP), CX

avx32:
	CMPQ    CX, $32
	JLT     avx8
	VMOVUPS (SI), Y0
	VMOVUPS 32(SI), Y1
	VMOVUPS 64(SI), Y2
	VMOVUPS 96(SI), Y3
	VADDPS  (DI), Y0, Y0
	VADDPS  32(DI), Y1, Y1
	VADDPS  64(DI), Y2, Y2
	VADDPS  96(DI), Y3, Y3
	VMOVUPS Y0, (DI)
	VMOVUPS Y1, 32(DI)
	VMOVUPS Y2, 64(DI)
	VMOVUPS Y3, 96(DI)
	ADDQ    $128, SI
	ADDQ    $128, DI
	SUBQ    $32, CX
	JMP     avx32

avx8:
	CMPQ    CX, $8
	JLT     avxdone
	VMOVUPS (SI), Y0
	VADDPS  (DI), Y0, Y0
	VMOVUPS Y0, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $8, CX
	JMP     avx8

avxdone:
	VZEROUPPER
	RET

// func prefetchSlots(slots *slot, shift uint, keys *uint64, n int)
TEXT ·prefetchSlots(SB), NOSPLIT, $0-32
	MOVQ slots+0(FP), DI
	MOVQ shift+8(FP), CX
	MOVQ keys+16(FP), SI
	MOVQ n+24(FP), DX

ploop:
	TESTQ      DX, DX
	JEQ        pdone
	MOVQ       (SI), AX
	SHRQ       CX, AX
	SHLQ       $4, AX
	PREFETCHT0 (DI)(AX*1)
	ADDQ       $8, SI
	DECQ       DX
	JMP        ploop

pdone:
	RET

// func matVecAVX2(y, w, x *float32, rows, cols int), cols a multiple of 8:
// y[r] = the dot product of row r of w with x, summed as matVecGo does
// (eight lanes, then ((0+4)+(2+6)) + ((1+5)+(3+7))), multiplications and
// additions rounded separately.
TEXT ·matVecAVX2(SB), NOSPLIT, $0-40
	MOVQ y+0(FP), DI
	MOVQ w+8(FP), SI
	MOVQ x+16(FP), DX
	MOVQ rows+24(FP), R8
	MOVQ cols+32(FP), R9

mvrow:
	TESTQ  R8, R8
	JEQ    mvdone
	VXORPS Y0, Y0, Y0
	MOVQ   DX, BX
	MOVQ   R9, CX

mvchunk:
	TESTQ   CX, CX
	JEQ     mvsum
	VMOVUPS (SI), Y1
	VMULPS  (BX), Y1, Y1
	VADDPS  Y1, Y0, Y0
	ADDQ    $32, SI
	ADDQ    $32, BX
	SUBQ    $8, CX
	JMP     mvchunk

mvsum:
	VEXTRACTF128 $1, Y0, X1
	VADDPS       X1, X0, X0
	VMOVHLPS     X0, X0, X1
	VADDPS       X1, X0, X0
	VMOVSHDUP    X0, X1
	VADDSS       X1, X0, X0
	VMOVSS       X0, (DI)
	ADDQ         $4, DI
	DECQ         R8
	JMP          mvrow

mvdone:
	VZEROUPPER
	RET

// func prefetchRange(p unsafe.Pointer, n int), n > 0: PREFETCHT0 on every
// cache line of the n bytes at p (each 64-byte step from p, and the last
// byte).
TEXT ·prefetchRange(SB), NOSPLIT, $0-16
	MOVQ       p+0(FP), SI
	MOVQ       n+8(FP), CX
	ADDQ       SI, CX
	PREFETCHT0 -1(CX)

prloop:
	CMPQ       SI, CX
	JGE        prdone
	PREFETCHT0 (SI)
	ADDQ       $64, SI
	JMP        prloop

prdone:
	RET

// func prefetchIndexed(base unsafe.Pointer, idx *int32, n, stride, size int):
// PREFETCHT0 on every cache line of each of the n blocks of size bytes
// at base+idx[i]*stride (each 64-byte step from its start, and its last
// byte).
TEXT ·prefetchIndexed(SB), NOSPLIT, $0-40
	MOVQ base+0(FP), DI
	MOVQ idx+8(FP), SI
	MOVQ n+16(FP), CX
	MOVQ stride+24(FP), R8
	MOVQ size+32(FP), R9

piloop:
	TESTQ      CX, CX
	JEQ        pidone
	MOVLQSX    (SI), AX
	IMULQ      R8, AX
	ADDQ       DI, AX
	LEAQ       -1(AX)(R9*1), DX
	PREFETCHT0 (DX)

piline:
	CMPQ       AX, DX
	JGT        pinext
	PREFETCHT0 (AX)
	ADDQ       $64, AX
	JMP        piline

pinext:
	ADDQ $4, SI
	DECQ CX
	JMP  piloop

pidone:
	RET
