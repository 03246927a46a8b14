// qstrs of the runtime (compile part): Q(c_name, "text"), one per line. See runtime/qstrs.h.
Q(_lt_dictcomp_gt_, "<dictcomp>")
Q(_lt_setcomp_gt_, "<setcomp>")
Q(_lt_genexpr_gt_, "<genexpr>")
