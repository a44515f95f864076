# expect: wrong
# why: the answer cell itself ends the kernel process (the grader must restart it and grade the rest)
import os

os._exit(1)
