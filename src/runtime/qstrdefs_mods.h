// qstrs of the runtime (modules part: struct, collections, errno, time):
// Q(c_name, "text"), one per line. See runtime/qstrs.h.
// struct
Q(struct, "struct")
Q(calcsize, "calcsize")
Q(pack, "pack")
Q(pack_into, "pack_into")
Q(unpack, "unpack")
Q(unpack_from, "unpack_from")
// collections
Q(collections, "collections")
Q(deque, "deque")
Q(popleft, "popleft")
Q(namedtuple, "namedtuple")
Q(OrderedDict, "OrderedDict")
// errno
Q(errorcode, "errorcode")
// time
Q(time, "time")
Q(time_ns, "time_ns")
Q(clock, "clock")
Q(sleep, "sleep")
Q(sleep_ms, "sleep_ms")
Q(sleep_us, "sleep_us")
Q(ticks_ms, "ticks_ms")
Q(ticks_us, "ticks_us")
Q(ticks_cpu, "ticks_cpu")
Q(ticks_add, "ticks_add")
Q(ticks_diff, "ticks_diff")
Q(gmtime, "gmtime")
Q(localtime, "localtime")
Q(mktime, "mktime")
// import: `usys` names sys, as in MicroPython
Q(usys, "usys")
