"""nbgrader configuration of the course. The instructor workflow is in README.md."""

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearHiddenTests,
                                    GetGrades, IgnorePattern, LimitOutput, SaveAutoGrades)

from course.grading.execute import GradingExecute

c = get_config()  # noqa: F821 (nbgrader provides it)

c.CourseDirectory.course_id = "communication-and-http-with-asyncio"

# Per cell. Every wait inside a hidden test has a shorter deadline (course/timeouts.py), so
# a hanging student function fails its own check before nbgrader interrupts the cell.
c.Execute.timeout = 20
# A graceful kernel shutdown adds about 2.5 s per notebook, and grading needs nothing from it.
c.Execute.shutdown_kernel = "immediate"

# A deleted test cell is put back and graded, instead of waiting for a manual grade forever.
c.OverwriteCells.add_missing_cells = True

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# Autograde runs the notebook with GradingExecute: it survives a kernel that dies or ignores
# the interrupt, caps floods of output, and keeps hidden test lines out of tracebacks.
c.Autograde.autograde_preprocessors = [
    GradingExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
    SaveAutoGrades, AssignLatePenalties, CheckCellMetadata,
]

# nbgrader's feedback shows hidden tests unless they are cleared from it.
c.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor, ClearHiddenTests]
