// qstrs of the runtime (objects part): Q(c_name, "text"), one per line. See runtime/qstrs.h.
