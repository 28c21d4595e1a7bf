package lab

import "fmt"

// msg identifies a user-facing text: a verdict's message, a name, a hint,
// a report title or a label. Every msg has an English and a Korean text in
// messages; texts with arguments are fmt formats, and the Korean one may
// reorder the arguments with explicit indexes (%[2]d).
type msg int

const (
	// verdict.go
	msgCorrect msg = iota
	msgNotImplemented
	msgStatusFail
	msgStatusPanicked
	msgStatusTimedOut
	msgLabelExpected // plain text, padded to line up with the others
	msgLabelGot
	msgLabelHint
	msgMdExpected
	msgMdGot
	msgMdHint
	msgHeadNothing
	msgHeadPassedOne
	msgHeadPassedTwo
	msgHeadPassedAll
	msgHeadFailedOne
	msgHeadFailed
	msgFigureFailed

	// run.go
	msgRan
	msgPanicked
	msgPanickedIn
	msgTimedOut
	msgHintTimedOut
	msgHintIndex
	msgHintNil
	msgHintShapes
	msgHintPanic

	// compare.go
	msgGotValue
	msgHintNaN
	msgOffBy
	msgElementCount
	msgOffByAt
	msgMatrixShape
	msgMatches
	msgOffByAtIJ
	msgAnyMultiple
	msgZeroVector
	msgHintZeroDirection
	msgSameDirection
	msgPointsElsewhere
	msgEigenpairExpected
	msgXElementCount
	msgXZero
	msgHintXZero
	msgResidualTooLarge
	msgHintResidual
	msgHintTODO

	// adam.go
	msgTitleL11
	msgNameLoss
	msgWhatLoss
	msgWhatGradient
	msgHintMNTimes
	msgHintHalf
	msgHintWrongSign
	msgHintGradientShape
	msgTitleL12
	msgNameAdamStepAt
	msgNameMAfter1
	msgNameVAfter1
	msgNameParamAfter1
	msgHintAdamUpdate
	msgHintParamUnchanged
	msgHintMZero
	msgNameParamAfter3
	msgHintBiasCorrection
	msgTitleL13
	msgNameLossCount
	msgLossCount
	msgHintLossCount
	msgNameLoss1
	msgHintLoss1
	msgNameLoss1000
	msgLoss1000Pass
	msgLoss1000
	msgHintLoss1000
	msgNameWHA
	msgWHNoProduct
	msgHintWHInPlace
	msgHintTrainInPlace
	msgHintTrainDiffers
	msgHintTrainNotReturned

	// hidden.go
	msgTitleHidden

	// claims.go
	msgYourMatrix
	msgTitleL31
	msgTitleL32
	msgTitleL33

	// eigen2.go
	msgTitleL21
	msgNameCharPoly
	msgHintCharPoly
	msgTitleL22
	msgNameEigenvalues
	msgHintEigenvalues
	msgHintSameRoot
	msgTitleL23
	msgNameDirection

	// lowrank.go
	msgTitleL51
	msgNameOptimalMSE
	msgHintOptimalMSE
	msgHintFrobenius
	msgTitleL52
	msgNameShapesWH
	msgShapesWH
	msgHintShapesWH
	msgNameRankOneMSE
	msgRankOnePass
	msgRankOneFail
	msgHintRankOne

	// maps.go
	msgTitleL61
	msgHintRotation
	msgHintClockwise
	msgTitleL62
	msgHintStretch
	msgTitleL63
	msgNameFourCorners
	msgCornerCount
	msgHintCornerCount
	msgHintCorners

	// property.go
	msgHintReturnMatrix
	msgNaNEntries
	msgPropertyName
	msgIsSquare
	msgHintIsSquare
	msgIsSymmetric
	msgNotSquareShape
	msgAsymmetricAt
	msgHintSymmetric
	msgNotSquare
	msgHasNegative
	msgEigenvalues
	msgNoneNegative
	msgHintNegative
	msgNonOrthogonal
	msgComplexNotReal
	msgAllEqual
	msgMeetAt90
	msgMeetAt
	msgHintNonOrthogonal
	msgLacksBasis
	msgComplexNoEigenvector
	msgDefectiveOne
	msgDefective
	msgFullSet
	msgHintLacksBasis

	// svd.go
	msgTitleL41
	msgNameSigma
	msgHintDescending
	msgHintSquareRoots
	msgHintSigma
	msgTitleL42
	msgNameShapeU
	msgShapeU
	msgHintShapeU
	msgHintReconstruct
	msgHintUnitLength

	// apps.go
	msgTitleL71
	msgTestSet
	msgTrainingSet
	msgNameRMSE
	msgHintRMSESqrt
	msgHintRMSEMAE
	msgHintRMSEMean
	msgHintRMSE
	msgTitleL72
	msgFitError
	msgHintFitError
	msgNameModelSize
	msgModelSize
	msgHintModelSize
	msgNameTestRMSE
	msgTestRMSEPass
	msgTestRMSEFail
	msgHintFitWorse
	msgHintFitBaseline
	msgHintFitTune
	msgTitleL81
	msgCamera
	msgNameEnergy
	msgHintEnergySquares
	msgHintEnergyLost
	msgHintEnergyIndex
	msgHintEnergy
	msgTitleL82
	msgNameSmallestRank
	msgSmallestRankPass
	msgHintSmallestRankIndex
	msgHintSmallestRankFirst
	msgHintSmallestRank

	msgCount // number of messages; not a message
)

// messages holds each msg's text by Language: English, Korean.
var messages = map[msg][2]string{
	msgCorrect:        {"correct", "정답"},
	msgNotImplemented: {"not implemented yet", "아직 구현되지 않음"},
	msgStatusFail:     {"fail", "틀림"},
	msgStatusPanicked: {"panicked", "panic 발생"},
	msgStatusTimedOut: {"timed out", "시간 초과"},
	msgLabelExpected:  {"expected: ", "기댓값: "},
	msgLabelGot:       {"got:      ", "실제값: "},
	msgLabelHint:      {"hint:     ", "힌트:   "},
	msgMdExpected:     {"expected", "기댓값"},
	msgMdGot:          {"got", "실제값"},
	msgMdHint:         {"hint", "힌트"},
	msgHeadNothing:    {"nothing was checked", "검사한 항목이 없음"},
	msgHeadPassedOne:  {"passed", "통과"},
	msgHeadPassedTwo:  {"both checks passed", "검사 2개 모두 통과"},
	msgHeadPassedAll:  {"all %d checks passed", "검사 %d개 모두 통과"},
	msgHeadFailedOne:  {"%d of %d check failed", "검사 %[2]d개 중 %[1]d개 실패"},
	msgHeadFailed:     {"%d of %d checks failed", "검사 %[2]d개 중 %[1]d개 실패"},
	msgFigureFailed:   {"the figure could not be drawn: %s", "그림을 그리지 못했다: %s"},

	msgRan:        {"ran", "실행 완료"},
	msgPanicked:   {"your code panicked: %s", "코드에서 panic이 발생했다: %s"},
	msgPanickedIn: {" (in %s)", " (위치: %s)"},
	msgTimedOut:   {"did not finish within %v", "%v 안에 끝나지 않았다"},
	msgHintTimedOut: {
		"is there a loop that never ends? Check its stopping condition. The runaway code keeps running in the background until this cell ends",
		"끝나지 않는 루프가 있는지 보자. 루프의 종료 조건을 확인해야 한다. 멈추지 않은 코드는 이 셀이 끝날 때까지 background에서 계속 실행된다",
	},
	msgHintIndex: {
		"an index went past the end of a slice or matrix: check the loop bounds (Go indexes from 0)",
		"index가 slice나 행렬의 범위를 벗어났다. 루프의 범위를 확인하자 (Go의 index는 0부터 시작한다)",
	},
	msgHintNil: {
		"something is nil: make sure every matrix is created (mat.NewDense) before it is used",
		"nil인 값이 있다. 모든 행렬을 쓰기 전에 만들었는지 (mat.NewDense) 확인하자",
	},
	msgHintShapes: {
		"a gonum operation got matrices of incompatible shapes: compare the Dims() of its operands",
		"gonum 연산에 크기가 맞지 않는 행렬이 들어갔다. 피연산자들의 Dims()를 비교해 보자",
	},
	msgHintPanic: {
		"read the panic message above; the check runs your function on the inputs the task describes",
		"위의 panic 메시지를 읽어 보자. 검사는 과제에서 설명한 입력으로 여러분의 함수를 실행한다",
	},

	msgGotValue: {"got %s", "결과가 %s이다"},
	msgHintNaN: {
		"a NaN or Inf usually comes from dividing by zero or from a step that diverged",
		"NaN이나 Inf는 대개 0으로 나누었거나 계산이 발산했을 때 생긴다",
	},
	msgOffBy:             {"off by %s (tolerance %s)", "%s만큼 차이가 난다 (허용 오차 %s)"},
	msgElementCount:      {"has %d elements, want %d", "원소가 %d개인데, %d개여야 한다"},
	msgOffByAt:           {"off by %s at [%d] (tolerance %s)", "[%[2]d]에서 %[1]s만큼 차이가 난다 (허용 오차 %[3]s)"},
	msgMatrixShape:       {"is %d×%d, want %d×%d", "크기가 %d×%d이다 (기대한 크기: %d×%d)"},
	msgMatches:           {"matches (largest difference %s)", "일치한다 (최대 차이 %s)"},
	msgOffByAtIJ:         {"off by %s at [%d,%d] (tolerance %s)", "[%[2]d,%[3]d]에서 %[1]s만큼 차이가 난다 (허용 오차 %[4]s)"},
	msgAnyMultiple:       {"%s (or any non-zero multiple)", "%s (또는 0이 아닌 임의의 상수배)"},
	msgZeroVector:        {"is the zero vector (or not finite), which has no direction", "영벡터이거나 유한하지 않은 값이어서 방향이 없다"},
	msgHintZeroDirection: {"an eigenvector must be non-zero: v = 0 solves (A − λI)v = 0 for every λ", "고유벡터는 0이 아니어야 한다. v = 0은 모든 λ에 대해 (A − λI)v = 0을 만족한다"},
	msgSameDirection:     {"same direction (up to sign and length)", "방향이 같다 (부호와 길이는 상관없다)"},
	msgPointsElsewhere:   {"points elsewhere: angle %.3g° to the expected direction", "방향이 다르다: 기대한 방향과 %.3g°를 이룬다"},
	msgEigenpairExpected: {"Ax = λx with x ≠ 0", "x ≠ 0이고 Ax = λx"},
	msgXElementCount:     {"x has %d elements, want %d", "x의 원소가 %d개인데, %d개여야 한다"},
	msgXZero:             {"x is the zero vector (or not finite)", "x가 영벡터이거나 유한하지 않다"},
	msgHintXZero:         {"an eigenvector must be non-zero: pick a non-zero solution of (A − λI)x = 0", "고유벡터는 0이 아니어야 한다. (A − λI)x = 0의 해 중에서 0이 아닌 것을 고르자"},
	msgResidualTooLarge:  {"‖Ax − λx‖/‖x‖ = %s, too large (tolerance %s)", "‖Ax − λx‖/‖x‖ = %s, 너무 크다 (허용 오차 %s)"},
	msgHintResidual: {
		"x must solve (A − λI)x = 0: its entries are a non-zero solution of either row of A − λI",
		"x는 (A − λI)x = 0을 만족해야 한다. A − λI의 한 행을 0으로 만드는, 0이 아닌 해가 x의 성분이 된다",
	},
	msgHintTODO: {"replace the `// TODO` stub with your code, then run this cell again", "`// TODO` stub을 여러분의 코드로 바꾼 뒤 이 셀을 다시 실행하자"},

	msgTitleL11:     {"L1.1 MSE loss and gradient", "L1.1 MSE loss와 gradient"},
	msgNameLoss:     {"loss mean((WH − A)²)", "loss mean((WH − A)²)"},
	msgWhatLoss:     {"loss", "loss"},
	msgWhatGradient: {"gradient", "gradient"},
	msgHintMNTimes: {
		"your %s is m·n = %g times too large: the mean divides the sum of squares by m·n",
		"%s 값이 m·n = %g배만큼 크다. 평균은 제곱의 합을 m·n으로 나눈 것이다",
	},
	msgHintHalf:          {"your %s is half the expected one: d(x²)/dx = 2x", "%s 값이 기댓값의 절반이다. d(x²)/dx = 2x이다"},
	msgHintWrongSign:     {"your %s has the wrong sign: use E = WH − A, not A − WH", "%s 값의 부호가 반대다. A − WH가 아니라 E = WH − A를 쓰자"},
	msgHintGradientShape: {"the gradient has the shape of the parameter (%d×%d); %s", "gradient는 parameter와 크기가 같아야 한다 (%d×%d). %s"},
	msgTitleL12:          {"L1.2 one Adam step", "L1.2 Adam 한 step"},
	msgNameAdamStepAt:    {"AdamStep at t = %d", "t = %d에서의 AdamStep"},
	msgNameMAfter1:       {"m after step 1: β₁m + (1 − β₁)g", "step 1 후의 m: β₁m + (1 − β₁)g"},
	msgNameVAfter1:       {"v after step 1: β₂v + (1 − β₂)g²", "step 1 후의 v: β₂v + (1 − β₂)g²"},
	msgNameParamAfter1:   {"parameter after step 1", "step 1 후의 parameter"},
	msgHintAdamUpdate: {
		"m and v are right, so look at the update: p ← p − lr·m̂/(√v̂ + ε) with the bias corrections m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ); after step 1 each entry moves by about lr = 0.01 against its gradient's sign",
		"m과 v는 맞았으니 update 식을 살펴보자. bias correction m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)를 써서 p ← p − lr·m̂/(√v̂ + ε)이다. step 1 후에는 각 성분이 gradient 부호의 반대 방향으로 약 lr = 0.01만큼 움직인다",
	},
	msgHintParamUnchanged: {
		"the parameter did not change: update p in place (p.Set or p.Sub), do not replace the variable",
		"parameter가 바뀌지 않았다. 변수에 새 행렬을 대입하지 말고 p를 제자리에서(in place) 갱신하자 (p.Set 또는 p.Sub)",
	},
	msgHintMZero: {
		"m is still zero: update m and v in place (m.Set(i, j, ...)) so the next step sees them",
		"m이 아직 0이다. 다음 step에서 쓸 수 있도록 m과 v를 제자리에서 갱신하자 (m.Set(i, j, ...))",
	},
	msgNameParamAfter3: {"parameter after step 3", "step 3 후의 parameter"},
	msgHintBiasCorrection: {
		"step 1 can hide mistakes in the bias correction: it must use the step number t, as 1 − β₁ᵗ and 1 − β₂ᵗ",
		"step 1만으로는 bias correction의 실수가 드러나지 않을 수 있다. 1 − β₁ᵗ, 1 − β₂ᵗ처럼 step 번호 t를 써야 한다",
	},
	msgTitleL13:      {"L1.3 training reproduces seed 000", "L1.3 학습으로 seed 000 재현하기"},
	msgNameLossCount: {"one loss per iteration", "iteration마다 loss 하나"},
	msgLossCount:     {"got %d losses, want %d", "loss가 %d개인데, %d개여야 한다"},
	msgHintLossCount: {
		"append the loss of every iteration (before its step) to the slice you return",
		"매 iteration의 loss를 (그 iteration의 step 전에) 계산해서 반환할 slice에 append하자",
	},
	msgNameLoss1: {"loss at iteration 1", "iteration 1의 loss"},
	msgHintLoss1: {
		"start from the W and H you are given (do not draw new ones) and record the loss before the first step",
		"주어진 W와 H에서 시작하고 (새로 뽑지 말자), 첫 step 전에 loss를 기록하자",
	},
	msgNameLoss1000: {"loss at iteration 1000 below 1e-4", "iteration 1000의 loss가 1e-4 미만"},
	msgLoss1000Pass: {"loss at iteration 1000: %.3g (seed 000, PyTorch: 8.8e-09)", "iteration 1000의 loss: %.3g (seed 000, PyTorch: 8.8e-09)"},
	msgLoss1000:     {"loss at iteration 1000: %.3g", "iteration 1000의 loss: %.3g"},
	msgHintLoss1000: {
		"use both parameters' own m and v (four moment matrices), t starting at 1, and lr = 0.01; then compare with task 2",
		"두 parameter가 각자의 m과 v를 쓰고 (moment 행렬 4개), t는 1부터 시작하며, lr = 0.01이어야 한다. 그다음 과제 2와 비교해 보자",
	},
	msgNameWHA:       {"WH = A to 4 decimals after %d iterations", "%d iteration 후 소수점 4자리까지 WH = A"},
	msgWHNoProduct:   {"W and H do not multiply", "W와 H를 곱할 수 없다"},
	msgHintWHInPlace: {"update the W and H you are given in place", "주어진 W와 H를 제자리에서 갱신하자"},
	msgHintTrainInPlace: {
		"W and H are still the ones Train was given: Train must update them in place, so the caller sees the trained factors",
		"W와 H가 Train에 주어진 값 그대로다. 호출한 쪽에서 학습된 factor를 볼 수 있도록, Train은 주어진 W와 H를 제자리에서 갱신해야 한다",
	},
	msgTitleHidden: {"%s · hidden tests", "%s · 숨겨진 테스트"},
	msgHintTrainDiffers: {
		"your loop trains, but not as Adam does: its loss first differs from a correct loop's at iteration %d (%s, expected %s); check what that iteration does: t counts from 1, lr = 0.01, and W and H each keep their own m and v",
		"학습은 되지만 Adam과 다르게 진행된다. loss가 iteration %d에서 처음으로 올바른 루프와 달라진다 (%s, 기대값 %s). 그 iteration에서 하는 일을 확인하자. t는 1부터 세고, lr = 0.01이며, W와 H는 각자의 m과 v를 가진다",
	},
	msgHintTrainNotReturned: {
		"your losses are those of a correct loop, yet the W and H left after Train are not the trained ones: update the W and H you were given, not copies of them",
		"loss는 올바른 루프와 같지만, Train이 끝난 뒤의 W와 H는 학습된 값이 아니다. 복사본이 아니라 주어진 W와 H를 갱신하자",
	},

	msgYourMatrix: {"your matrix", "작성한 행렬"},
	msgTitleL31:   {`L3.1 refute "eigenvectors are always orthogonal"`, `L3.1 "eigenvector는 서로 직교한다" 반박하기`},
	msgTitleL32:   {`L3.2 refute "symmetric ⇒ eigenvalues are non-negative"`, `L3.2 "대칭행렬이면 eigenvalue가 non-negative이다" 반박하기`},
	msgTitleL33:   {`L3.3 refute "every n×n matrix has n real eigenvectors"`, `L3.3 "모든 n×n 행렬은 실수 eigenvector n개를 가진다" 반박하기`},

	msgTitleL21:     {"L2.1 characteristic polynomial", "L2.1 특성다항식"},
	msgNameCharPoly: {"(p, q) of λ² + pλ + q for A = %s", "A = %s일 때 λ² + pλ + q의 (p, q)"},
	msgHintCharPoly: {
		"expand (a₁₁ − λ)(a₂₂ − λ) − a₁₂a₂₁: p = −(a₁₁ + a₂₂) = −tr(A), q = a₁₁a₂₂ − a₁₂a₂₁ = det(A)",
		"(a₁₁ − λ)(a₂₂ − λ) − a₁₂a₂₁을 전개하자. p = −(a₁₁ + a₂₂) = −tr(A), q = a₁₁a₂₂ − a₁₂a₂₁ = det(A)이다",
	},
	msgTitleL22:        {"L2.2 eigenvalues from the characteristic polynomial", "L2.2 특성다항식으로 구하는 고윳값"},
	msgNameEigenvalues: {"eigenvalues of %s (any order)", "%s의 고윳값 (순서 무관)"},
	msgHintEigenvalues: {
		"λ = (−p ± √(p² − 4q)) / 2 with p = −tr(A), q = det(A); return both roots",
		"p = −tr(A), q = det(A)일 때 λ = (−p ± √(p² − 4q)) / 2이다. 두 근을 모두 반환하자",
	},
	msgHintSameRoot:  {"you returned the same root twice: one root uses +√, the other −√", "같은 근을 두 번 반환했다. 한 근은 +√, 다른 근은 −√를 쓴다"},
	msgTitleL23:      {"L2.3 eigenvectors", "L2.3 고유벡터"},
	msgNameDirection: {"direction", "방향"},

	msgTitleL51:       {"L5.1 the Eckart–Young optimum", "L5.1 Eckart–Young 최적값"},
	msgNameOptimalMSE: {"optimal MSE, k = %d, A = %s", "최적 MSE, k = %d, A = %s"},
	msgHintOptimalMSE: {
		"sum the squares of the singular values you drop (σ_{k+1}, …) and divide by the number of entries m·n",
		"버리는 특잇값 (σ_{k+1}, …)의 제곱을 모두 더한 뒤 원소의 개수 m·n으로 나누자",
	},
	msgHintFrobenius:  {"that is the squared Frobenius error; the MSE divides it by m·n", "그것은 Frobenius norm 오차의 제곱이다. MSE는 그 값을 m·n으로 나눈 것이다"},
	msgTitleL52:       {"L5.2 best rank-1 factorization of seed 000's matrix", "L5.2 seed 000 행렬의 최적 계수 1 행렬 분해"},
	msgNameShapesWH:   {"shapes of W and H", "W와 H의 크기"},
	msgShapesWH:       {"W is %d×%d and H is %d×%d, want 4×1 and 1×2", "W는 %d×%d, H는 %d×%d인데, 각각 4×1과 1×2여야 한다"},
	msgHintShapesWH:   {"k = 1: W is one column (m×1), H is one row (1×n)", "k = 1이면 W는 column 하나 (m×1), H는 row 하나 (1×n)이다"},
	msgNameRankOneMSE: {"MSE of WH (Eckart–Young optimum 0.020898)", "WH의 MSE (Eckart–Young 최적값 0.020898)"},
	msgRankOnePass:    {"MSE = %.6f, the Eckart–Young optimum", "MSE = %.6f, Eckart–Young 최적값이다"},
	msgRankOneFail:    {"MSE = %.6f, optimum %.6f", "MSE = %.6f, 최적값은 %.6f"},
	msgHintRankOne: {
		"use the largest singular value and its vectors: W = σ₁u₁ (a column), H = v₁ᵀ (a row)",
		"가장 큰 특잇값과 그 특이벡터를 쓰자. W = σ₁u₁ (column), H = v₁ᵀ (row)",
	},

	msgTitleL61:      {"L6.1 rotation matrix", "L6.1 회전 행렬"},
	msgHintRotation:  {"R(θ) = [[cos θ, −sin θ], [sin θ, cos θ]] (counter-clockwise, θ in radians)", "R(θ) = [[cos θ, −sin θ], [sin θ, cos θ]] (반시계 방향, θ는 radian 단위)"},
	msgHintClockwise: {"this rotates clockwise: the −sin θ belongs in the first row", "시계 방향으로 회전하고 있다. −sin θ는 첫 번째 row에 와야 한다"},
	msgTitleL62:      {"L6.2 stretch matrix", "L6.2 늘이기(stretching) 행렬"},
	msgHintStretch: {
		"S = [[sx, 0], [0, sy]]: it scales x by sx and y by sy and mixes nothing",
		"S = [[sx, 0], [0, sy]]: x를 sx배, y를 sy배 할 뿐 두 좌표를 섞지 않는다",
	},
	msgTitleL63:        {"L6.3 where the unit square goes under M = S(2, 0.5)·R(π/2)", "L6.3 M = S(2, 0.5)·R(π/2)로 옮긴 단위 정사각형"},
	msgNameFourCorners: {"four corners", "꼭짓점 4개"},
	msgCornerCount:     {"got %d points, want 4", "점이 %d개인데, 4개여야 한다"},
	msgHintCornerCount: {"give the images of (0,0), (1,0), (1,1), (0,1) in that order", "(0,0), (1,0), (1,1), (0,1)이 옮겨 간 점을 이 순서대로 주자"},
	msgHintCorners: {
		"rotate first (a quarter turn counter-clockwise: (x, y) ↦ (−y, x)), then stretch x by 2 and y by 0.5",
		"먼저 회전하고 (반시계 방향으로 90°: (x, y) ↦ (−y, x)), 그다음 x를 2배, y를 0.5배로 늘이자",
	},

	msgHintReturnMatrix: {"return a matrix (mat.NewDense) instead of nil", "nil 대신 행렬을 반환하자 (mat.NewDense)"},
	msgNaNEntries:       {"has NaN or Inf entries", "NaN이나 Inf인 원소가 있다"},
	msgPropertyName:     {"%s %s", "%s: %s"},
	msgIsSquare:         {"is square", "정방행렬이다"},
	msgHintIsSquare:     {"eigenvalues need an n×n matrix", "고윳값은 n×n 행렬에서만 정의된다"},
	msgIsSymmetric:      {"is symmetric", "대칭행렬이다"},
	msgNotSquareShape:   {"%d×%d is not square", "%d×%d, 정방행렬이 아니다"},
	msgAsymmetricAt:     {"a[%d,%d] = %s but a[%d,%d] = %s", "a[%d,%d] = %s이지만 a[%d,%d] = %s이다"},
	msgHintSymmetric:    {"a symmetric matrix has aᵢⱼ = aⱼᵢ: mirror it across the diagonal", "대칭행렬은 aᵢⱼ = aⱼᵢ이다. 대각선을 기준으로 원소가 대칭이 되게 하자"},
	msgNotSquare:        {"is not square", "정방행렬이 아니다"},
	msgHasNegative:      {"has a negative eigenvalue", "음수 고윳값이 있다"},
	msgEigenvalues:      {"eigenvalues %s", "고윳값 %s"},
	msgNoneNegative:     {"eigenvalues %s: none is negative", "고윳값 %s: 음수가 없다"},
	msgHintNegative: {
		"det(A) is the product of the eigenvalues: a symmetric 2×2 matrix with det(A) < 0 has one negative eigenvalue",
		"det(A)는 고윳값들의 곱이다. det(A) < 0인 2×2 대칭행렬은 음수 고윳값을 하나 가진다",
	},
	msgNonOrthogonal:  {"has non-orthogonal eigenvectors", "직교하지 않는 고유벡터가 있다"},
	msgComplexNotReal: {"eigenvalues %s are complex, so the eigenvectors are not real vectors", "고윳값 %s: 복소수이므로 고유벡터가 실수 벡터가 아니다"},
	msgAllEqual:       {"eigenvalues %s: all equal, so the eigenvectors can always be chosen orthogonal", "고윳값 %s: 모두 같으므로 고유벡터를 언제나 직교하게 고를 수 있다"},
	msgMeetAt90:       {"eigenvalues %s: eigenvectors meet at 90°", "고윳값 %s: 고유벡터가 90°로 만난다"},
	msgMeetAt:         {"eigenvalues %s: eigenvectors for λ = %s and λ = %s meet at %.4g°, not 90°", "고윳값 %s: λ = %s, λ = %s에 대한 고유벡터가 90°가 아닌 %.4g°로 만난다"},
	msgHintNonOrthogonal: {
		"symmetric matrices always have orthogonal eigenvectors: try a non-symmetric matrix with two different real eigenvalues, e.g. a triangular one",
		"대칭행렬의 고유벡터는 언제나 직교한다. 서로 다른 실수 고윳값 두 개를 가진 비대칭 행렬, 예를 들어 삼각행렬을 시도해 보자",
	},
	msgLacksBasis:           {"has fewer than n independent real eigenvectors", "일차독립인 실수 고유벡터가 n개보다 적다"},
	msgComplexNoEigenvector: {"eigenvalues %s: a complex λ has no real eigenvector", "고윳값 %s: 복소수 λ에는 실수 고유벡터가 없다"},
	msgDefectiveOne: {
		"eigenvalues %s (real) but only %d independent eigenvector for n = %d: the matrix is defective",
		"고윳값 %s (실수): n = %[3]d인데 일차독립인 고유벡터가 %[2]d개뿐이므로 defective 행렬이다",
	},
	msgDefective: {
		"eigenvalues %s (real) but only %d independent eigenvectors for n = %d: the matrix is defective",
		"고윳값 %s (실수): n = %[3]d인데 일차독립인 고유벡터가 %[2]d개뿐이므로 defective 행렬이다",
	},
	msgFullSet: {"eigenvalues %s: %d independent real eigenvectors, a full set", "고윳값 %s: 일차독립인 실수 고유벡터가 %d개로 빠짐없이 있다"},
	msgHintLacksBasis: {
		"try a rotation (its eigenvalues are complex) or a shear like [[1, 1], [0, 1]] (one eigenvalue, one eigenvector direction)",
		"회전 행렬 (고윳값이 복소수다) 이나 [[1, 1], [0, 1]] 같은 shear (고윳값 하나, 고유벡터 방향 하나) 를 시도해 보자",
	},

	msgTitleL41:  {"L4.1 singular values from AᵀA", "L4.1 AᵀA로 구하는 특잇값"},
	msgNameSigma: {"σ of %s", "%s의 σ"},
	msgHintDescending: {
		"sort the singular values in descending order, σ₁ ≥ σ₂ ≥ … (gonum's symmetric eigendecomposition returns eigenvalues in ascending order)",
		"특잇값을 σ₁ ≥ σ₂ ≥ … 처럼 내림차순으로 정렬하자 (gonum의 대칭 고유분해는 고윳값을 오름차순으로 돌려준다)",
	},
	msgHintSquareRoots: {"these are the eigenvalues of AᵀA: the singular values are their square roots", "이것은 AᵀA의 고윳값이다. 특잇값은 그 제곱근이다"},
	msgHintSigma:       {"σᵢ = √λᵢ where λᵢ are the eigenvalues of AᵀA (n×n for an m×n A)", "σᵢ = √λᵢ이고, λᵢ는 AᵀA의 고윳값이다 (A가 m×n이면 AᵀA는 n×n)"},
	msgTitleL42:        {"L4.2 fix the naive SVD with uᵢ = Avᵢ/σᵢ", "L4.2 uᵢ = Avᵢ/σᵢ로 naive 특잇값 분해 고치기"},
	msgNameShapeU:      {"%s: shape of U", "%s: U의 크기"},
	msgShapeU:          {"U is %d×%d, want %d×%d", "U의 크기가 %d×%d이다 (기대한 크기: %d×%d)"},
	msgHintShapeU:      {"U has one column uᵢ = Avᵢ/σᵢ per singular value", "U는 특잇값마다 column uᵢ = Avᵢ/σᵢ를 하나씩 가진다"},
	msgHintReconstruct: {
		"column i of U must be A·vᵢ divided by σᵢ, with vᵢ the i-th column of the V you are given",
		"U의 i번째 column은 A·vᵢ를 σᵢ로 나눈 것이어야 한다. 여기서 vᵢ는 주어진 V의 i번째 column이다",
	},
	msgHintUnitLength: {"divide A·vᵢ by σᵢ so that every uᵢ has length 1", "모든 uᵢ의 길이가 1이 되도록 A·vᵢ를 σᵢ로 나누자"},
	msgTitleL71:       {"L7.1 RMSE by hand", "L7.1 직접 계산하는 RMSE"},
	msgTestSet:        {"test set", "테스트 집합"},
	msgTrainingSet:    {"training set", "학습 집합"},
	msgNameRMSE:       {"RMSE of the bias-only baseline on notebook 07's %s", "노트북 07의 %s에서 편향만 쓰는 기준 모델의 RMSE"},
	msgHintRMSESqrt:   {"that is the mean squared error: take its square root", "그것은 평균 제곱 오차(MSE)다. 제곱근을 취하자"},
	msgHintRMSEMAE:    {"that is the mean absolute error: square each error instead of taking |·|", "그것은 평균 절대 오차(MAE)다. |·| 대신 각 오차를 제곱하자"},
	msgHintRMSEMean:   {"divide the sum of squared errors by the number of ratings before the square root", "제곱근을 취하기 전에 오차 제곱의 합을 평점 개수로 나누자"},
	msgHintRMSE: {
		"for every rating x in r.All(): d = p.Predict(x.User, x.Item) − x.Value; RMSE = √(Σd² / r.Len())",
		"r.All()의 모든 평점 x에 대해 d = p.Predict(x.User, x.Item) − x.Value이고, RMSE = √(Σd² / r.Len())이다",
	},
	msgTitleL72:      {"L7.2 a model within 0.05 of the floor", "L7.2 바닥에서 0.05 안에 드는 모델"},
	msgFitError:      {"Fit returned the error %v", "Fit이 오류를 반환했다: %v"},
	msgHintFitError:  {"training failed: a smaller learning rate or more regularization keeps SGD from diverging", "학습이 실패했다. 학습률을 낮추거나 정규화를 키우면 SGD가 발산하지 않는다"},
	msgNameModelSize: {"size of the model", "모델의 크기"},
	msgModelSize:     {"the model knows %d users and %d items, the ratings have %d and %d", "모델은 사용자 %d명과 항목 %d개를 아는데, 평점에는 %d명과 %d개가 있다"},
	msgHintModelSize: {"train the model on the training set it is given, which has every user and item", "주어진 학습 집합으로 모델을 학습하자. 그 집합에 모든 사용자와 항목이 있다"},
	msgNameTestRMSE:  {"test RMSE of the fitted model (floor %.4f)", "학습한 모델의 테스트 RMSE (바닥 %.4f)"},
	msgTestRMSEPass:  {"test RMSE %.4f, %.4f above the floor", "테스트 RMSE %.4f, 바닥보다 %.4f 높다"},
	msgTestRMSEFail:  {"test RMSE %.4f, want below %.4f", "테스트 RMSE %.4f인데, %.4f보다 낮아야 한다"},
	msgHintFitWorse: {
		"worse than the bias-only baseline (%.4f): too many factors with too weak a penalty over-fit, too strong a penalty under-fits; notebook 07 shows both",
		"편향만 쓰는 기준 모델(%.4f)보다 나쁘다. 요인이 너무 많고 벌점이 약하면 과적합하고, 벌점이 너무 강하면 과소적합한다. 노트북 07에 둘 다 나온다",
	},
	msgHintFitBaseline: {
		"about as good as the bias-only baseline (%.4f): add latent factors (mf.Biased with Factors > 0)",
		"편향만 쓰는 기준 모델(%.4f)과 비슷하다. 잠재 요인을 더하자 (mf.Biased, Factors > 0)",
	},
	msgHintFitTune: {
		"close: the ratings have true rank 2; try Factors: 2 with a smaller λ than ALS's default 0.1, or SGD for 30 epochs",
		"거의 다 왔다. 평점의 참 계수는 2다. Factors: 2에 ALS 기본값 0.1보다 작은 λ를 쓰거나, SGD로 30 에포크 학습해 보자",
	},
	msgTitleL81:          {"L8.1 the share of ‖A‖²_F kept by rank k", "L8.1 계수 k가 남기는 ‖A‖²_F의 몫"},
	msgCamera:            {"the camera photograph", "camera 사진"},
	msgNameEnergy:        {"share kept by rank %d of %s", "계수 %d에서 남는 %s의 몫"},
	msgHintEnergySquares: {"you summed σᵢ: the energy is Σσᵢ², so square before you sum", "σᵢ를 더했다. 에너지는 Σσᵢ²이므로 더하기 전에 제곱하자"},
	msgHintEnergyLost:    {"that is the share lost: the kept share is the first k values, sigma[:k]", "그것은 잃는 몫이다. 남는 몫은 처음 k개의 값, sigma[:k]다"},
	msgHintEnergyIndex:   {"off by one value: rank k keeps σ₁ … σ_k, which are sigma[0] … sigma[k−1] in Go", "값 하나만큼 어긋났다. 계수 k는 σ₁ … σ_k를 남기며, Go에서는 sigma[0] … sigma[k−1]이다"},
	msgHintEnergy:        {"divide Σ_{i≤k} σᵢ² (the kept values, sigma[:k]) by Σ σᵢ² over all values", "Σ_{i≤k} σᵢ² (남기는 값, sigma[:k])를 모든 값의 Σ σᵢ²로 나누자"},
	msgTitleL82:          {"L8.2 the smallest rank that keeps a share of ‖A‖²_F", "L8.2 ‖A‖²_F의 몫을 남기는 가장 작은 계수"},
	msgNameSmallestRank:  {"smallest rank keeping %.1f %% of ‖A‖²_F (%s)", "‖A‖²_F의 %.1f %%를 남기는 가장 작은 계수 (%s)"},
	msgSmallestRankPass:  {"rank %d keeps %.2f %%", "계수 %d: %.2f %% 남김"},
	msgHintSmallestRankIndex: {
		"off by one: return the number of values kept, k, which is one more than the index of the last one",
		"하나 어긋났다. 남기는 값의 개수 k를 반환하자. 마지막 값의 index보다 하나 크다",
	},
	msgHintSmallestRankFirst: {"too large: stop at the first k whose share reaches the target (≥, not >)", "너무 크다. 몫이 목표에 처음 닿는(>가 아니라 ≥) k에서 멈추자"},
	msgHintSmallestRank:      {"add σᵢ² from the largest down and stop when the running sum reaches share · Σ σᵢ²", "가장 큰 σᵢ²부터 더해 가다가 누적합이 share · Σ σᵢ²에 닿으면 멈추자"},
}

// tr returns the text of id in the current language, formatted with args
// when there are any.
func tr(id msg, args ...any) string { return trIn(CurrentLanguage(), id, args...) }

// trIn returns the text of id in language l (English for an unknown l),
// formatted with args when there are any.
func trIn(l Language, id msg, args ...any) string {
	texts, ok := messages[id]
	if !ok {
		return fmt.Sprintf("lab: message %d", int(id))
	}
	s := texts[English]
	if l == Korean {
		s = texts[Korean]
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}
