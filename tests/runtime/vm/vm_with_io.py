# with statements over built-in context managers (io.StringIO): normal
# exit, an exception passing through, return and break out of the block.
import io
s = io.StringIO()
with s as f:
    f.write("abc")
    print(f is s, f.getvalue())
try:
    with io.StringIO() as f:
        raise ValueError("through with")
except ValueError as e:
    print("caught", e)
def ret():
    with io.StringIO("data") as f:
        return f.read()
print(ret())
out = []
for i in range(5):
    with io.StringIO() as f:
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
print(out)
def nested():
    with io.StringIO() as a:
        with io.BytesIO() as b:
            try:
                return "nested"
            finally:
                print("finally in with")
print(nested())
