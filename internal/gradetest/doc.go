// Package gradetest tests the whole nbgrader grading loop of FactorLab's lab
// courses (notebooks/labs/en and notebooks/labs/ko) with the pinned nbgrader
// and the real GoNB kernel: a temporary course, generate_assignment, three
// students' submissions, autograde, the exact scores, and generate_feedback.
// It has no code outside its test; see grade_test.go.
package gradetest
