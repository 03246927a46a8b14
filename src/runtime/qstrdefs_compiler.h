// qstrs of the runtime (compiler part): Q(c_name, "text"), one per line. See runtime/qstrs.h.
Q(opt_level, "opt_level")
Q(__aiter__, "__aiter__")
Q(__anext__, "__anext__")
Q(__aenter__, "__aenter__")
Q(__aexit__, "__aexit__")
Q(StopAsyncIteration, "StopAsyncIteration")
