// qstrs of the class support (objclass.c, __build_class__): Q(c_name, "text").
Q(__build_class__, "__build_class__")
Q(__dict__, "__dict__")
Q(__get__, "__get__")
Q(__set__, "__set__")
Q(__delete__, "__delete__")
Q(__setattr__, "__setattr__")
Q(__delattr__, "__delattr__")
