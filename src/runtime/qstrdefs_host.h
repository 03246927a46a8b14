// qstrs of the runtime (host part): Q(c_name, "text"), one per line. See runtime/qstrs.h.
