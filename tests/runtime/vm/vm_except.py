# try/except/finally, with, unwinding jumps and returns through finally.
def div(a, b):
    try:
        return a // b
    except ZeroDivisionError as e:
        print("caught", type(e).__name__, e)
        return None
    finally:
        print("finally", a, b)
print(div(7, 2), div(1, 0))
def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
    try:
        raise KeyError(3)
    except (TypeError, KeyError) as e:
        print("tuple match", repr(e))
nested()
def loop():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop())
def ret_in_finally():
    try:
        return 1
    finally:
        return 2
print(ret_in_finally())
def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError:
            pass
    return i
print(swallow())
def reraise():
    try:
        raise RuntimeError("x")
    except RuntimeError:
        print("reraising")
        raise
try:
    reraise()
except RuntimeError as e:
    print("got", e)
try:
    raise
except RuntimeError as e:
    print(e)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise IndexError
except IndexError as e:
    print("class raised", repr(e))
class_like = None
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n > 2:
                return n
        finally:
            print("wf", n)
print(while_finally())
def for_return():
    for i in range(10):
        for j in range(10):
            try:
                if j == 2:
                    return i, j
            finally:
                pass
print(for_return())
try:
    try:
        1 / 0
    except ZeroDivisionError:
        [][1]
except IndexError as e:
    print("nested exc", e)
def else_clause(x):
    try:
        y = 10 // x
    except ZeroDivisionError:
        return "zero"
    else:
        return "ok %d" % y
    finally:
        print("ec", x)
print(else_clause(2), else_clause(0))
