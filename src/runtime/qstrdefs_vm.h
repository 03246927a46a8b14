// qstrs of the runtime (VM and loader part): Q(c_name, "text"), one per line. See runtime/qstrs.h.
Q(function, "function")
Q(__globals__, "__globals__")
Q(__path__, "__path__")
Q(generator, "generator")
