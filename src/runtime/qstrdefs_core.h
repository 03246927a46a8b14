// qstrs of the runtime (core part): Q(c_name, "text"), one per line. See runtime/qstrs.h.
Q(__file__, "__file__")
Q(_lt_lambda_gt_, "<lambda>")
Q(_lt_listcomp_gt_, "<listcomp>")
Q(_lt_stdin_gt_, "<stdin>")
Q(_lt_string_gt_, "<string>")
