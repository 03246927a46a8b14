// qstrs of the runtime (compile part): Q(c_name, "text"), one per line. See runtime/qstrs.h.
