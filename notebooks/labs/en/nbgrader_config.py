# nbgrader configuration of the FactorLab lab course (one course per language:
# notebooks/labs/en and notebooks/labs/ko). Run nbgrader from this folder.
c = get_config()  # noqa: F821 (defined by nbgrader when it loads this file)

# nbgrader knows no stub for Go. Every answer region of the labs is a whole
# function body, so this stub compiles in each of them; pkg/lab turns the
# panic into a friendly "not implemented yet" verdict.
c.ClearSolutions.code_stub = {"go": "// TODO: your code here\npanic(lab.TODO)"}

# Each GoNB cell is a separate go build; L1's training check also runs
# 5000 Adam iterations. Give a slow machine room.
c.Execute.timeout = 120
