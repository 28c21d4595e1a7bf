#!/usr/bin/env python3
"""Rewrites the code cells of the Korean notebooks from their English twins.

A Korean notebook runs the same program as its English twin (see
internal/nbtest's TestLanguagePairs): its code cells are the English ones
with the string literals and comments translated, and with the blank import
of pkg/plotting/hangul added to the first cell that draws. This script is
the home of those translations (KO below, keyed by the English literal or
comment exactly as in the Go source): after an English code cell changes,
add the new strings to KO and run

    python3 scripts/ko_code_cells.py           # rewrite the Korean code cells that differ
    python3 scripts/ko_code_cells.py --check   # list them, exit 1 if any

A rewritten cell's outputs are cleared. Strings that reproduce the source
verbatim (seed 000's "Iteration N, loss:" and tensor headings) and plain
formulas stay as they are; a string with English words that is neither in
KO nor in VERBATIM is reported, so nothing is left untranslated silently.
Markdown cells are not touched: the Korean prose is written, not generated.
"""

import argparse
import json
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PAIRS = [("notebooks/00_welcome.ipynb", "notebooks/ko/00_welcome.ipynb")] + [
    ("notebooks/en/%s.ipynb" % n, "notebooks/ko/%s.ipynb" % n) for n in (
        "01_matrix_factorization", "02_eigen_decomposition", "03_linear_maps",
        "04_eigenvalues_eigenvectors", "05_diagonalization", "06_svd",
        "07_recommending", "08_image_compression", "09_powers_pagerank", "10_pca_nmf_digits")]
HANGUL = '// 그림에 한글을 쓰게 하는 글꼴.\nimport _ "github.com/factorlab/factorlab/pkg/plotting/hangul"\n'

# Words of formulas and names, not English to translate.
NAMES = {"det", "diag", "Adam", "LAPACK", "NMF", "RMSE", "MAE", "SGD", "ALS", "camera", "sin"}

# Printed exactly as the source prints them.
VERBATIM = {
    '"Iteration %d, loss: %v\\n"', '"Original Matrix A:"', '"\\nFactorized Matrices W and H:"',
    '"\\nReconstructed Matrix A from W and H:"', '"\\nEigenvalues:"', '"\\nEigenvectors:"',
    '"\\nReconstructed Matrix A:"', '"errors.Is(err, decomp.ErrDefective):"',
}

KO = {}


def t(en, ko):
    KO[en] = ko


# welcome
t('// A is the matrix [[4, 1], [2, 3]].', '// A는 행렬 [[4, 1], [2, 3]]이다.')
t('"A is %d×%d, trace %.4g, determinant %.4g\\n"', '"A는 %d×%d 행렬, 대각합(trace) %.4g, 행렬식(determinant) %.4g\\n"')
t('// {A·x : ‖x‖ = 1}', '// {A·x : ‖x‖ = 1}, 단위원의 상')
t('"The unit circle and its image under A"', '"단위원과 A에 의한 그 상"')
t('"x on the unit circle"', '"단위원 위의 x"')
t('// a circle must look round', '// 원은 둥글게 보여야 한다')
# 01
t('// The toy matrix of the example below with A₁₁ = 5 missing, stored as 0.', '// 아래 예제의 행렬에서 A₁₁ = 5를 빼고 0으로 저장한 것.')
t('// The mask: 0 marks the missing entry, 1 the observed ones.', '// 마스크: 0은 빠진 성분, 1은 관측된 성분.')
t('// Adam, learning rate 0.01, 5000 iterations, each fit from the same seeded start.', '// Adam, 학습률 0.01, 5000회 반복. 세 분해 모두 같은 시드의 같은 시작점에서 출발한다.')
t('"dense loss,  k = 2: predicted A₁₁ = %.4f\\n"', '"전체 손실,   k = 2: 예측한 A₁₁ = %.4f\\n"')
t('"dense loss,  k = 1: predicted A₁₁ = %.4f\\n"', '"전체 손실,   k = 1: 예측한 A₁₁ = %.4f\\n"')
t('"masked loss, k = 1: predicted A₁₁ = %.4f (hidden value: 5)\\n"', '"마스크 손실, k = 1: 예측한 A₁₁ = %.4f (감춘 값: 5)\\n"')
t('// A is the toy example matrix.', '// A는 예제 행렬이다.')
t("// seed fixes the U[0,1) start of W and H; the source's torch.rand is unseeded.", '// seed는 W와 H의 U[0,1) 시작값을 고정한다. 원문의 torch.rand는 시드가 없다.')
t("// seedSettings are the settings of the source's In [1]: Adam with learning", '// seedSettings는 원문 In [1]의 설정이다: 평균제곱오차에 대해 학습률 0.01의')
t('// rate 0.01 for 5000 iterations on the mean squared error, in float32.', '// Adam을 float32로 5000회 반복한다.')
t('// factorize factorizes A with k latent factors and settings s, starting from', '// factorize는 잠재 요인 k개와 설정 s로 A를 분해한다. 시작점은 고정된')
t('// the fixed seed: the same k and s always give the same bits.', '// 시드이므로 같은 k와 s는 언제나 같은 비트를 준다.')
t("// printLoss prints the loss as the source's training loop does.", '// printLoss는 원문의 학습 루프처럼 손실을 출력한다.')
t('// k = 2 latent factors; print the loss every 500 iterations.', '// 잠재 요인 k = 2개. 500회마다 손실을 출력한다.')
t('"Adam, k = 2, lr 0.01 (In [1])"', '"Adam, k = 2, 학습률 0.01 (In [1])"')
t('"Mean squared error of WH against A"', '"A에 대한 WH의 평균제곱오차"')
t('// keep the legend off the curves', '// 범례가 곡선을 가리지 않게 한다')
t('// The same training, watched live: the callback runs every 100 iterations and', '// 같은 학습을 실시간으로 본다: 콜백이 100회마다 실행되어')
t('// redraws the curve in place (the saved notebook keeps the last frame).', '// 그 자리에서 곡선을 다시 그린다 (저장된 노트북에는 마지막 그림이 남는다).')
t('"live: iteration %d, loss %.3g"', '"실시간: 반복 %d, 손실 %.3g"')
t('// Plain gradient descent on the same mean squared error, same start, same η.', '// 같은 평균제곱오차, 같은 시작점, 같은 η로 하는 보통의 경사 하강법.')
t('"Gradient descent:"', '"경사 하강법:"')
t('"\\nloss at iteration 1000: Adam %.3g, gradient descent %.3g\\n"', '"\\n반복 1000에서의 손실: Adam %.3g, 경사 하강법 %.3g\\n"')
t('"final loss after 5000 iterations: Adam %.3g, gradient descent %.3g\\n"', '"5000회 반복 후의 최종 손실: Adam %.3g, 경사 하강법 %.3g\\n"')
t('"Adam, lr 0.01"', '"Adam, 학습률 0.01"')
t('"gradient descent, η = 0.01"', '"경사 하강법, η = 0.01"')
t('"Same loss, same start: Adam vs gradient descent"', '"같은 손실, 같은 시작점: Adam과 경사 하강법"')
t('// The first loss of the same start, under the two reductions.', '// 같은 시작점의 첫 손실을 두 가지 방식(평균, 합)으로 계산한다.')
t('"loss at the start: mean %.6f, sum %.6f, sum/mean = %.4f\\n"', '"시작점의 손실: 평균 %.6f, 합 %.6f, sum/mean = %.4f\\n"')
t('// Gradient descent on the sum with η = 0.01 (the update rules as written)', '// 합에 대해 η = 0.01로 하는 경사 하강법(원문에 쓰인 갱신 규칙)은')
t('// walks exactly like gradient descent on the mean with η = 0.08.', '// 평균에 대해 η = 0.08로 하는 경사 하강법과 똑같이 움직인다.')
t('"gradient descent on the sum,  η = 0.01: final sum/8 = %.6g\\n"', '"합에 대한 경사 하강법,   η = 0.01: 최종 합/8 = %.6g\\n"')
t('"gradient descent on the mean, η = 0.08: final mean  = %.6g\\n"', '"평균에 대한 경사 하강법, η = 0.08: 최종 평균 = %.6g\\n"')
t('// W = A and H = I: an exact rank-2 factorization, found without any training.', '// W = A, H = I: 학습 없이 얻는, 계수 2의 정확한 분해.')
t('"\\nbest possible mean squared error for k = 0, 1, 2: %.6f, %.6f, %.6f\\n"', '"\\nk = 0, 1, 2에서 가능한 최소 평균제곱오차: %.6f, %.6f, %.6f\\n"')
t('"Eckart–Young optimum, k = 1: %.6f\\n"', '"에커트–영 최적값, k = 1: %.6f\\n"')
t('"Adam, k = 1, loss after 5000 iterations: %.6f\\n"', '"Adam, k = 1, 5000회 반복 후의 손실: %.6f\\n"')
t('"\\nW (4×1), H (1×2) and the rank-1 product WH:"', '"\\nW (4×1), H (1×2)와 계수 1인 곱 WH:"')
t('"Adam, k = 1, lr 0.01"', '"Adam, k = 1, 학습률 0.01"')
t('"k = 1: the loss stops at the Eckart–Young optimum"', '"k = 1: 손실은 에커트–영 최적값에서 멈춘다"')
t('"Eckart–Young optimum"', '"에커트–영 최적값"')
t('// Any invertible R gives another pair with the same product.', '// 가역 행렬 R 하나하나가 곱이 같은 다른 쌍을 준다.')
t('"W and H (from In [1]):"', '"W와 H (In [1]에서):"')
t('"WR and R⁻¹H:"', '"WR과 R⁻¹H:"')
t('"Adam (In [1]): smallest entry of W %.4f, of H %.4f\\n"', '"Adam (In [1]): W의 가장 작은 성분 %.4f, H의 가장 작은 성분 %.4f\\n"')
t('"NMF:           smallest entry of W %.4f, of H %.4f\\n"', '"NMF:           W의 가장 작은 성분 %.4f, H의 가장 작은 성분 %.4f\\n"')
t('"NMF: ‖A − WH‖²_F = %.2g after %d multiplicative updates\\n"', '"NMF: ‖A − WH‖²_F = %.2g (곱셈 갱신 %d회 후)\\n"')
t('"\\nNMF factors W ≥ 0, H ≥ 0 and their product:"', '"\\nNMF의 인수 W ≥ 0, H ≥ 0과 그 곱:"')
# 02
t('"B = %.4g\\nsymmetric: %v\\ncond₂(V) = %.4g\\nsmallest angle between eigenvectors: %.2f°\\northogonal eigenvectors: %v\\n"',
  '"B = %.4g\\n대칭: %v\\ncond₂(V) = %.4g\\n고유벡터 사이의 가장 작은 각: %.2f°\\n고유벡터끼리 직교: %v\\n"')
t('"symmetric: %v\\ncond₂(V) = %.4g\\nsmallest angle between eigenvectors: %.2f°\\northogonal eigenvectors: %v\\n"',
  '"대칭: %v\\ncond₂(V) = %.4g\\n고유벡터 사이의 가장 작은 각: %.2f°\\n고유벡터끼리 직교: %v\\n"')
t('"cond₂(V) = %.4g\\ndiagonalizable: %v\\n"', '"cond₂(V) = %.4g\\n대각화 가능: %v\\n"')
t('// The matrix of the toy example below.', '// 아래 예제의 행렬.')
t('// The unit eigenvectors V (as columns), V⁻¹ and Vᵀ.', '// 단위 고유벡터를 열로 갖는 V, 그리고 V⁻¹과 Vᵀ.')
t('// The "spectral" formula V Λ Vᵀ is not A.', '// "스펙트럼" 공식 V Λ Vᵀ는 A가 아니다.')
t('"\\nsymmetric [[2, 1], [1, 2]]: angle between eigenvectors %.2f°, orthogonal: %v\\n"', '"\\n대칭행렬 [[2, 1], [1, 2]]: 고유벡터 사이의 각 %.2f°, 직교: %v\\n"')
t('// The shear J = [[1, 1], [0, 1]]: λ = 1 twice, one eigen-direction.', '// 층밀림 J = [[1, 1], [0, 1]]: λ = 1이 중근이고 고유 방향은 하나.')
t('"det(J − λI) = %s, roots λ = %g and %g\\n"', '"det(J − λI) = %s, 근 λ = %g, %g\\n"')
t('"eigen-direction of each root: (%g, %g) and (%g, %g)\\n\\n"', '"각 근의 고유 방향: (%g, %g), (%g, %g)\\n\\n"')
t('"\\nEigenvectors as LAPACK returns them:"', '"\\nLAPACK이 돌려준 고유벡터:"')
t('// A is the toy example matrix, used by the cells below.', '// A는 아래 셀들이 쓰는 예제 행렬이다.')
t('"det(A − λI) = %s = 0\\n"', '"det(A − λI) = %s = 0\\n"')
t('"tr(A) = %g, det(A) = %g, discriminant tr² − 4·det = %g\\n"', '"tr(A) = %g, det(A) = %g, 판별식 tr² − 4·det = %g\\n"')
t('"λ = %g: v = (%g, %g), unit vector (%.4f, %.4f)\\n"', '"λ = %g: v = (%g, %g), 단위벡터 (%.4f, %.4f)\\n"')
t('// Perform eigen decomposition (LAPACK dgeev, as torch.linalg.eig).', '// 고유분해 (torch.linalg.eig처럼 LAPACK dgeev).')
t('// Reconstructing the matrix from eigenvalues and eigenvectors: V Λ V⁻¹.', '// 고윳값과 고유벡터로 행렬을 다시 만든다: V Λ V⁻¹.')
# 03
t('// A is the example map (x, y) ↦ (ax + by, cx + dy) with a = 2, b = 1, c = 1, d = 2.', '// A는 a = 2, b = 1, c = 1, d = 2인 예제 변환 (x, y) ↦ (ax + by, cx + dy)이다.')
t('// mapping.png: the unit square and the grid before and after A.', '// mapping.png: A를 적용하기 전과 후의 단위 정사각형과 격자.')
t('// The image of the unit square (0, 0), (1, 0), (1, 1), (0, 1) under A.', '// 단위 정사각형 (0, 0), (1, 0), (1, 1), (0, 1)이 A로 옮겨진 도형.')
t('// The parameters of the rotation and stretching figure below: θ = 30°, (sₓ, s_y) = (2, 0.5).', '// 아래 회전·늘이기 그림의 값: θ = 30°, (sₓ, s_y) = (2, 0.5).')
t('// R rotates by θ counter-clockwise; S stretches x by sₓ and y by s_y.', '// R은 반시계 방향으로 θ만큼 회전하고, S는 x를 sₓ배, y를 s_y배 늘인다.')
t('// mapping_2.png: rotation by θ and stretching by (sₓ, s_y), before and after.', '// mapping_2.png: θ 회전과 (sₓ, s_y) 늘이기, 각각 변환 전과 후.')
# 04
t("// A is the matrix of the lecture's example.", '// A는 강의 예제의 행렬이다.')
t('// linear_transform_1.png (left) and linear_transform_2.png (right).', '// linear_transform_1.png (왼쪽)과 linear_transform_2.png (오른쪽).')
t('// B is not symmetric: its eigenvectors are not perpendicular.', '// B는 대칭이 아니다: 고유벡터가 수직이 아니다.')
t('"%.4g  symmetric: %-5t  angle between the eigenvectors: %.2f°\\n"', '"%.4g  대칭: %-5t  고유벡터 사이의 각: %.2f°\\n"')
t('// Completing the square: λ² − tr·λ + det = (tr/2 − λ)² − (tr² − 4·det)/4.', '// 완전제곱식: λ² − tr·λ + det = (tr/2 − λ)² − (tr² − 4·det)/4.')
t('"            = 0  ⇔  λ = %g or λ = %g\\n"', '"            = 0  ⇔  λ = %g 또는 λ = %g\\n"')
t('"tr A = %g, det A = %g, discriminant tr² − 4·det = %g\\n"', '"tr A = %g, det A = %g, 판별식 tr² − 4·det = %g\\n"')
t('"λ = %g:  p(λ) = %g,  (x, y) = t·(%g, %g),  unit vector (%.4f, %.4f)\\n"', '"λ = %g:  p(λ) = %g,  (x, y) = t·(%g, %g),  단위벡터 (%.4f, %.4f)\\n"')
t('"rotation %.4g: p(λ) = %s, eigenvalues %v\\n"', '"회전 %.4g: p(λ) = %s, 고윳값 %v\\n"')
t('"    real eigenvalues: %d of %d, so no real eigenvector (diagonalizable over ℂ only)\\n\\n"', '"    실수 고윳값: %d개 (전체 %d개), 그래서 실수 고유벡터가 없다 (ℂ에서만 대각화 가능)\\n\\n"')
t('"shear %.4g: p(λ) = %s, eigenvalues %g and %g\\n"', '"층밀림 %.4g: p(λ) = %s, 고윳값 %g, %g\\n"')
t('"    eigen-directions of the two roots: %v and %v, one line only\\n"', '"    두 근의 고유 방향: %v, %v, 직선 하나뿐\\n"')
t('"    cond₂(V) = %.3g, diagonalizable: %t\\n"', '"    cond₂(V) = %.3g, 대각화 가능: %t\\n"')
t('"%.4g: symmetric: %t, eigenvalues %.4g, xᵀAx at x = (1, −1): %g\\n"', '"%.4g: 대칭: %t, 고윳값 %.4g, x = (1, −1)에서 xᵀAx: %g\\n"')
t('// Positive semi-definite: MᵀM for a non-symmetric M.', '// 양의 준정부호: 대칭이 아닌 M으로 만든 MᵀM.')
t('"M = %.4g, MᵀM = %.4g: eigenvalues %.4g\\n"', '"M = %.4g, MᵀM = %.4g: 고윳값 %.4g\\n"')
# 05
t('// A is the symmetric matrix of §13.2; B = [[4, 1], [2, 3]] is not symmetric.', '// A는 §13.2의 대칭행렬이고, B = [[4, 1], [2, 3]]은 대칭이 아니다.')
t('// examples names the two matrices, for the cells that treat both.', '// examples는 두 행렬을 함께 다루는 셀을 위해 두 행렬에 이름을 붙인다.')
t('"A = %.4g, eigenvalues λ = %g\\n"', '"A = %.4g, 고윳값 λ = %g\\n"')
t('"column lengths: %.4f, %.4f\\n"', '"열의 길이: %.4f, %.4f\\n"')
t('"B = %.4g, eigenvalues λ = %g\\n"', '"B = %.4g, 고윳값 λ = %g\\n"')
t('"SᵀS is not I: off-diagonal %.4f = cos %.2f°\\n"', '"SᵀS는 I가 아니다: 비대각 성분 %.4f = cos %.2f°\\n"')
t('"shear = %.4g, eigenvalues λ = %g\\n"', '"층밀림 = %.4g, 고윳값 λ = %g\\n"')
t('"rotation %.4g: eigenvalues %v\\n"', '"회전 %.4g: 고윳값 %v\\n"')
t('"    real S and Λ: %v\\n"', '"    실수 S와 Λ: %v\\n"')
t('"    complex S and Λ: ‖A − SΛS⁻¹‖_F = %.1e\\n"', '"    복소수 S와 Λ: ‖A − SΛS⁻¹‖_F = %.1e\\n"')
t('"%.4g: eigenvalues %.4g, singular values %.4g\\n"', '"%.4g: 고윳값 %.4g, 특잇값 %.4g\\n"')
# 06
t('// A is 3×2: not square.', '// A는 3×2: 정방행렬이 아니다.')
t('"symmetric: AᵀA %t, AAᵀ %t\\n"', '"대칭: AᵀA %t, AAᵀ %t\\n"')
t('"largest residuals ‖AᵀA·v − λv‖ = %.1e, ‖AAᵀ·u − λu‖ = %.1e\\n"', '"가장 큰 잔차 ‖AᵀA·v − λv‖ = %.1e, ‖AAᵀ·u − λu‖ = %.1e\\n"')
t('// The same eigenvectors of AAᵀ with the opposite signs: −U.', '// 부호만 반대인 AAᵀ의 같은 고유벡터: −U.')
t('"−U is a valid eigenvector matrix of AAᵀ: ‖(−U)Λ₂(−U)ᵀ − AAᵀ‖_F = %.1e\\n\\n"', '"−U도 AAᵀ의 올바른 고유벡터 행렬이다: ‖(−U)Λ₂(−U)ᵀ − AAᵀ‖_F = %.1e\\n\\n"')
t('"uᵢ = Avᵢ/σᵢ:  ‖A − UΣVᵀ‖_F = %.1e\\n"', '"uᵢ = Avᵢ/σᵢ:  ‖A − UΣVᵀ‖_F = %.1e\\n"')
t('"pair %d: |⟨uᵢ, uᵢ\'⟩| = %.6f, |⟨vᵢ, vᵢ\'⟩| = %.6f, sign of uᵢ relative to LAPACK: %+.0f\\n"', '"쌍 %d: |⟨uᵢ, uᵢ\'⟩| = %.6f, |⟨vᵢ, vᵢ\'⟩| = %.6f, LAPACK에 대한 uᵢ의 부호: %+.0f\\n"')
t('"singular values σ₁ = %.4f, σ₂ = %.4f;  σ² = %.4f, %.4f\\n"', '"특잇값 σ₁ = %.4f, σ₂ = %.4f;  σ² = %.4f, %.4f\\n"')
# after the redesign
t("// Seed 000's training (Adam, learning rate 0.01, 5000 iterations), each fit from the same seeded start.", '// seed 000의 학습 설정(Adam, 학습률 0.01, 5000회 반복). 세 분해 모두 같은 시드의 같은 시작점에서 출발한다.')
t('// predicted returns the entry A₁₁ of the product WH.', '// predicted는 곱 WH의 성분 A₁₁을 돌려준다.')
t('// A is the toy example matrix of seed 000.', '// A는 seed 000의 예제 행렬이다.')
t("// the fixed seed of the fixture (the source's torch.rand is unseeded): the", '// 고정된 시드(원문의 torch.rand에는 시드가 없다)에서 출발하므로')
t('// same k and s always give the same bits.', '// 같은 k와 s는 언제나 같은 비트를 준다.')
t('// factorization is what mf.Dense and mf.NMF have in common.', '// factorization은 mf.Dense와 mf.NMF의 공통 부분이다.')
t('// factors returns the factors W and H of f and their product WH.', '// factors는 f의 인수 W, H와 그 곱 WH를 돌려준다.')
t("// Seed 000's In [1]: k = 2 latent factors; print the loss every 500 iterations.", '// seed 000의 In [1]: 잠재 요인 k = 2개, 500회마다 손실을 출력한다.')
t('// The matrix of the toy example below, [[4, 1], [2, 3]].', '// 아래 예제의 행렬 [[4, 1], [2, 3]].')
t('// A is the toy example matrix [[4, 1], [2, 3]], used by the cells below.', '// A는 아래 셀들이 쓰는 예제 행렬 [[4, 1], [2, 3]]이다.')
t("// A is the matrix of the lecture's example, [[2, 1], [1, 2]].", '// A는 강의 예제의 행렬 [[2, 1], [1, 2]]이다.')
t("// The figure draws decomp's eigenpairs in this order and these colours.", '// 그림도 decomp의 고유쌍을 이 순서와 이 색으로 그린다.')
t('"green"', '"초록"')
t('"red"', '"빨강"')
t('"%-5s  λ = %g, x = (%.4f, %.4f):  A·x = (%.4f, %.4f) = %g·x\\n"', '"%-3s λ = %g, x = (%.4f, %.4f):  A·x = (%.4f, %.4f) = %g·x\\n"')
t('// [[0, −1], [1, 0]]', '// [[0, −1], [1, 0]]')
t('// A is 3×2, [[1, 2], [3, 4], [5, 6]]: not square.', '// A는 3×2 행렬 [[1, 2], [3, 4], [5, 6]]: 정방행렬이 아니다.')
t('"signs of the eigenvectors        ‖C − A‖_F   ‖C + A‖_F   ‖CᵀC − AᵀA‖_F"', '"‖C − A‖_F   ‖C + A‖_F   ‖CᵀC − AᵀA‖_F   고유벡터의 부호"')
t('"gonum LAPACK (OrderDescending)"', '"gonum LAPACK 그대로 (OrderDescending)"')
t('"largest component positive"', '"가장 큰 성분을 양수로 (OrderCanonical)"')
t('"U replaced by −U"', '"U 대신 −U"')
t('"%-32s %9.3g   %9.3g   %9.1e\\n"', '"%9.3[2]g   %9.3[3]g   %9.1[4]e     %[1]s\\n"')
t('"\\nC with the largest component positive = %.4f\\n"', '"\\n가장 큰 성분을 양수로 고른 C =\\n%.4f\\n"')
t('"                                        "', '""')
t('"C with −U = %.4f\\n"', '"−U를 쓴 C =\\n%.4f\\n"')
t('"            "', '""')
t('"σ (from AᵀA) = %.4f\\nσ (LAPACK)   = %.4f\\n"', '"σ (AᵀA)    = %.4f\\nσ (LAPACK) = %.4f\\n"')

# 07
t('// The ratings (seed 2026) and one 80 % / 20 % split, the same in every cell.', '// 평점(시드 2026)과 80 % / 20 % 분할 하나. 모든 셀에서 같다.')
t('// floor is the test RMSE of the true model the stars were drawn from:', '// floor는 별점을 만든 참 모델의 테스트 RMSE이다.')
t('// the best a fitted model can expect (unknown for a real u.data: 0, not drawn).', '// 학습된 모델이 기대할 수 있는 최선이다(실제 u.data에서는 알 수 없으므로 0이고, 그리지 않는다).')
t('"ratings from"', '"평점 파일:"')
t('"synthetic 1–5 star ratings with the shape of MovieLens-100k"', '"MovieLens-100k와 같은 모양의 합성 1–5 별점"')
t('"floor: the true model\'s test RMSE is %.4f (noise σ = %g before rounding to stars)\\n"', '"바닥: 참 모델의 테스트 RMSE는 %.4f (별점으로 반올림하기 전 잡음 σ = %g)\\n"')
t('"stars 1…5: %d, %d, %d, %d, %d ratings\\n"', '"별점 1…5: 평점 %d, %d, %d, %d, %d개\\n"')
t('"%d users × %d items = %d cells, %d ratings: %.2f %% observed\\n"', '"사용자 %d명 × 항목 %d개 = 칸 %d개, 평점 %d개: %.2f %% 관측\\n"')
t('"ratings per user: fewest %d, median %d, most %d\\n"', '"사용자당 평점 수: 최소 %d, 중앙값 %d, 최대 %d\\n"')
t('"mean rating %.3f; training set %d ratings, test set %d ratings\\n"', '"평균 평점 %.3f; 학습 집합 평점 %d개, 테스트 집합 평점 %d개\\n"')
t('"blanks as zeros, rank-2 SVD: test RMSE %.4f\\n"', '"빈칸을 0으로 둔 계수 2 특잇값 분해: 테스트 RMSE %.4f\\n"')
t('"bias-only baseline μ + b_u + b_i: test RMSE %.4f, MAE %.4f\\n"', '"편향만 쓰는 기준 모델 μ + b_u + b_i: 테스트 RMSE %.4f, MAE %.4f\\n"')
t('"biased MF by SGD, k = 2"', '"편향 있는 행렬 분해, SGD, k = 2"')
t('"floor"', '"바닥"')
t('"SGD, k = 2, 30 epochs: train RMSE %.4f, test RMSE %.4f\\n"', '"SGD, k = 2, 30 에포크: 학습 RMSE %.4f, 테스트 RMSE %.4f\\n"')
t('"ALS epoch %2.0f: train RMSE %.4f, test RMSE %.4f\\n"', '"ALS 에포크 %2.0f: 학습 RMSE %.4f, 테스트 RMSE %.4f\\n"')
t('"ALS, k = 2, λ = %g: test RMSE %.4f\\n"', '"ALS, k = 2, λ = %g: 테스트 RMSE %.4f\\n"')
t('"k = %d, λ = 0.01: train RMSE %.4f, test RMSE %.4f\\n"', '"k = %d, λ = 0.01: 학습 RMSE %.4f, 테스트 RMSE %.4f\\n"')
t('"ALS, λ = 0.01: error against the number of factors"', '"ALS, λ = 0.01: 요인 수에 따른 오차"')
t('"factors k"', '"요인 수 k"')
t('"k = 8, λ = %-4g: train RMSE %.4f, test RMSE %.4f, gap %.4f\\n"', '"k = 8, λ = %-4g: 학습 RMSE %.4f, 테스트 RMSE %.4f, 차이 %.4f\\n"')
t('"user %d: %d training ratings, μ = %.3f, b_u = %+.3f, p_u = (%.3f, %.3f)\\n"', '"사용자 %d: 학습 평점 %d개, μ = %.3f, b_u = %+.3f, p_u = (%.3f, %.3f)\\n"')
t('"their highest training ratings:"', '"이 사용자가 가장 높게 준 학습 평점:"')
t('"  item %4d  rated %.0f  predicted %.2f\\n"', '"  항목 %4d  평점 %.0f  예측 %.2f\\n"')
t('"top 5 of the items they have not rated:"', '"평점을 주지 않은 항목 중 상위 5개:"')
t('"  item %4d  predicted %.2f = μ %.2f %+.2f (b_u) %+.2f (b_i) %+.2f (p_uᵀq_i)\\n"', '"  항목 %4d  예측 %.2f = μ %.2f %+.2f (b_u) %+.2f (b_i) %+.2f (p_uᵀq_i)\\n"')
# 08
t('// camera is the 512×512 photograph, grey levels 0 (black) … 255 (white).', '// camera는 512×512 사진이고, 회색 단계는 0 (검정) … 255 (흰색)이다.')
t('"camera: %d×%d pixels, grey levels %.0f…%.0f, ‖A‖_F = %.1f\\n"', '"camera: %d×%d 픽셀, 회색 단계 %.0f…%.0f, ‖A‖_F = %.1f\\n"')
t('"rank %3d: %6d numbers = %5.1f %% of the pixels, relative error %.4f\\n"', '"계수 %3d: 수 %6d개 = 픽셀의 %5.1f %%, 상대 오차 %.4f\\n"')
t('"rank %d (%.1f %%)"', '"계수 %d (%.1f %%)"')
t('"k = %3.0f: bound %.5f, truncated SVD %.5f, randomized q = 0 %.5f, q = 2 %.5f\\n"', '"k = %3.0f: 하한 %.5f, 절단 특잇값 분해 %.5f, 무작위 q = 0 %.5f, q = 2 %.5f\\n"')
t('"Eckart–Young bound = truncated SVD"', '"에커트–영 하한 = 절단 특잇값 분해"')
t('"randomized SVD, q = 0"', '"무작위 특잇값 분해, q = 0"')
t('"randomized SVD, q = 2"', '"무작위 특잇값 분해, q = 2"')
t('"camera: relative error of rank-k approximations"', '"camera: 계수 k 근사의 상대 오차"')
t('"rank k"', '"계수 k"')
t('"%.1f %% of ‖A‖²_F: rank %d\\n"', '"‖A‖²_F의 %.1f %%: 계수 %d\\n"')
t('"camera: singular values"', '"camera: 특잇값"')
t('"break-even rank mn/(m + n + 1) = %.2f\\n"', '"손익분기 계수 mn/(m + n + 1) = %.2f\\n"')
t('"rank %3d: %6d numbers for %d pixels (%.1f %%)\\n"', '"계수 %3d: 픽셀 %[3]d개에 수 %[2]d개 (%.1[4]f %%)\\n"')
t('"rank %d"', '"계수 %d"')

# 09
t('// fibStep maps (F_k, F_{k−1}) to (F_{k+1}, F_k).', '// fibStep은 (F_k, F_{k−1})을 (F_{k+1}, F_k)로 보낸다.')
t('"k = %2d: F_k = %.0f (A^k), SΛᵏS⁻¹ gives %.1f, relative error %.1e\\n"', '"k = %2d: F_k = %.0f (A^k), SΛᵏS⁻¹로는 %.1f, 상대 오차 %.1e\\n"')
t('"F₄₁/F₄₀ = %.12f: the ratio tends to λ₁, the other term shrinks like (λ₂/λ₁)ᵏ\\n"', '"F₄₁/F₄₀ = %.12f: 비는 λ₁에 다가가고, 다른 항은 (λ₂/λ₁)ᵏ처럼 줄어든다\\n"')
t('"λ₁ stands out"', '"λ₁이 두드러짐"')
t('"λ₂ close to λ₁"', '"λ₂가 λ₁에 가까움"')
t('"%s: λ₁ = %.6f after %d steps, predicted rate |λ₂/λ₁| = %.4f, measured error ratio per step %.4f\\n"', '"%s: λ₁ = %.6f (%d단계 후), 예측한 속도 |λ₂/λ₁| = %.4f, 측정한 단계당 오차 비 %.4f\\n"')
t('"power iteration: error per step against the predicted rate"', '"거듭제곱 반복: 단계마다의 오차와 예측한 속도"')
t('"step t"', '"단계 t"')
t('"error"', '"오차"')
t('"power iteration: λ₁ = %.8f after %d steps, |λ₂/λ₁| = %.4f ≤ α = %.2f\\n"', '"거듭제곱 반복: λ₁ = %.8f (%d단계 후), |λ₂/λ₁| = %.4f ≤ α = %.2f\\n"')
t('"rank  page       PageRank  links in  links out"', '"순위  페이지     PageRank  들어오는 링크  나가는 링크"')
t('"%4d  %-9s  %8.4f  %8d  %9d\\n"', '"%4d  %-9s  %8.4f  %13d  %11d\\n"')
t('"α = %.2f: |λ₂/λ₁| = %.4f, %3d steps to a residual of 1e-10\\n"', '"α = %.2f: |λ₂/λ₁| = %.4f, 잔차 1e-10까지 %3d단계\\n"')
# 10
t('// digits holds the 1797 images: digits.Pixels is 1797×64, one image per row.', '// digits는 이미지 1797개를 담는다: digits.Pixels는 1797×64 행렬이고 한 행이 이미지 하나다.')
t('"%d images of %d×%d = %d pixels, values 0…%.0f; images per digit %v\\n"', '"이미지 %d개, 각각 %d×%d = %d 픽셀, 값 0…%.0f; 숫자별 이미지 수 %v\\n"')
t('"label %d"', '"레이블 %d"')
t('// pca is the principal component analysis of the digits (about 10 ms).', '// pca는 숫자 이미지의 주성분 분석(PCA)이다 (약 10 ms).')
t('"%2.0f %% of the variance: %2d of 64 components\\n"', '"분산의 %2.0f %%: 주성분 64개 중 %2d개\\n"')
t('"components 1 and 2 explain %.1f %% and %.1f %%\\n"', '"주성분 1과 2가 설명하는 분산: %.1f %%, %.1f %%\\n"')
t('"cumulative share"', '"누적 비율"')
t('"digits: explained variance"', '"숫자: 설명된 분산"')
t('"components"', '"주성분 수"')
t('"share of the variance"', '"분산의 비율"')
t('"component %d"', '"주성분 %d"')
t('"component %d: smallest entry %+.3f, largest %+.3f\\n"', '"주성분 %d: 최솟값 %+.3f, 최댓값 %+.3f\\n"')
t('"digits on the first two principal components"', '"처음 두 주성분 위의 숫자"')
t('"component 1"', '"주성분 1"')
t('"component 2"', '"주성분 2"')
t('"uncentred SVD: |cos ∠(v₁, mean image)| = %.5f\\n"', '"중심화하지 않은 특잇값 분해: |cos ∠(v₁, 평균 이미지)| = %.5f\\n"')
t('"centred (PCA): |cos ∠(v₁, mean image)| = %.5f\\n"', '"중심화한 특잇값 분해 (PCA):  |cos ∠(v₁, 평균 이미지)| = %.5f\\n"')
t("// nearZero counts the entries of the rows of m below 1 % of their row's largest magnitude.", '// nearZero는 m의 각 행에서 절댓값이 그 행의 가장 큰 절댓값의 1 % 미만인 성분의 비율(%)을 센다.')
t('"part %d"', '"부분 %d"')
t('"NMF, 16 parts: smallest entry of W %.2g, of H %.2g\\n"', '"NMF, 부분 16개: W의 가장 작은 성분 %.2g, H의 가장 작은 성분 %.2g\\n"')
t('"pixels within 1 %% of zero: NMF parts %.0f %%, PCA components %.0f %%\\n"', '"0에서 1 %% 이내인 픽셀: NMF 부분 %.0f %%, PCA 주성분 %.0f %%\\n"')
t('"relative error ‖X − WH‖_F/‖X‖_F: NMF %.4f, Eckart–Young bound for rank 16 %.4f\\n"', '"상대 오차 ‖X − WH‖_F/‖X‖_F: NMF %.4f, 계수 16의 에커트–영 하한 %.4f\\n"')
t('"full SVD:       %6.2f ms, rank-%d relative error %.5f (the optimum)\\n"', '"전체 특잇값 분해:   %6.2f ms, 계수 %d 근사의 상대 오차 %.5f (최적값)\\n"')
t('"randomized SVD: %6.2f ms, rank-%d relative error %.5f\\n"', '"무작위 특잇값 분해: %6.2f ms, 계수 %d 근사의 상대 오차 %.5f\\n"')
t('"randomized/optimal error: %.5f\\n"', '"무작위/최적 오차의 비: %.5f\\n"')


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(path, nb):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def lines(s):
    ls = s.split("\n")
    out = [l + "\n" for l in ls[:-1]]
    if ls[-1] != "":
        out.append(ls[-1])
    return out


def pieces(src):
    """Splits Go source into ('str'|'raw'|'comment'|'code', text) pieces.
    GoNB command lines (starting with % or !) are code."""
    i, n, out, start = 0, len(src), [], 0

    def flush(j):
        if j > start:
            out.append(("code", src[start:j]))
    while i < n:
        c = src[i]
        if (i == 0 or src[i - 1] == "\n") and src[i:].lstrip(" \t")[:1] in ("%", "!"):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == '"':
            flush(i)
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            out.append(("str", src[i:j + 1]))
            i = start = j + 1
            continue
        if c == "`":
            flush(i)
            j = src.index("`", i + 1)
            out.append(("raw", src[i:j + 1]))
            i = start = j + 1
            continue
        if c == "'":
            j = i + 1
            while src[j] != "'":
                j += 2 if src[j] == "\\" else 1
            i = j + 1
            continue
        if src.startswith("//", i):
            flush(i)
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(("comment", src[i:j]))
            i = start = j
            continue
        if src.startswith("/*", i):
            flush(i)
            j = src.index("*/", i) + 2
            out.append(("comment", src[i:j]))
            i = start = j
            continue
        i += 1
    flush(n)
    return out


def translate(src, untranslated):
    res = []
    for kind, text in pieces(src):
        if kind != "code":
            if text in KO:
                text = KO[text]
            elif (text not in VERBATIM and not re.fullmatch(r'"[a-z0-9./]+"', text)
                  and set(re.findall(r"[A-Za-z]{3,}", re.sub(r"%[-+# 0-9.*\[\]]*[a-zA-Z]", "", text))) - NAMES):
                untranslated.append(text)
        res.append(text)
    return "".join(res)


def add_hangul_import(src):
    m = re.match(r"((?:import \([^)]*\)\n|import [^\n]*\n)+)", src)
    if m:
        return src[:m.end()] + "\n" + HANGUL + src[m.end():]
    return HANGUL + "\n" + src


def korean_cells(en, untranslated):
    """The Korean code cells for the English notebook en."""
    out, hangul = [], False
    for c in en["cells"]:
        if c["cell_type"] != "code":
            continue
        src = "".join(c["source"])
        ko = translate(src, untranslated)
        if not hangul and '"github.com/factorlab/factorlab/pkg/plotting"' in src:
            ko, hangul = add_hangul_import(ko), True
        out.append(ko)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only report Korean cells that differ")
    args = ap.parse_args()
    differ, untranslated = [], []
    for en_path, ko_path in PAIRS:
        en, ko = load(os.path.join(ROOT, en_path)), load(os.path.join(ROOT, ko_path))
        want = korean_cells(en, untranslated)
        cells = [c for c in ko["cells"] if c["cell_type"] == "code"]
        if len(cells) != len(want):
            print("%s has %d code cells, %s has %d: add or remove Korean cells by hand first"
                  % (en_path, len(want), ko_path, len(cells)))
            differ.append(ko_path)
            continue
        changed = False
        for i, (c, src) in enumerate(zip(cells, want)):
            if "".join(c["source"]) != src:
                differ.append("%s code cell %d" % (ko_path, i + 1))
                if not args.check:
                    c["source"], c["outputs"], c["execution_count"] = lines(src), [], None
                    changed = True
        if changed:
            save(os.path.join(ROOT, ko_path), ko)
    for s in dict.fromkeys(untranslated):
        print("untranslated:", s)
    for d in differ:
        print(("differs: " if args.check else "rewrote: ") + d)
    if args.check and (differ or untranslated):
        sys.exit(1)


if __name__ == "__main__":
    main()
