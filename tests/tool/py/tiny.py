# The smallest part of a module: a function that uses a name the native part
# defines, and a constant.
def twice(x):
    return 2 * x


def native_value():
    # "value" is stored by the native part of the test modules that have one
    return value  # noqa: F821


LABEL = "tiny"
