// qstrs of the runtime (core part): Q(c_name, "text"), one per line. See runtime/qstrs.h.
