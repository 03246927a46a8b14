# initdata: initialised data and static variables; a second import starts
# again from the initial values.
import sys
import initdata

print(initdata.state())
print([initdata.apply(i, 7) for i in range(3)])
for _ in range(2):
    print(initdata.step())
print(initdata.state())
print([initdata.apply(i, 7) for i in range(3)])
try:
    initdata.apply(3, 1)
except ValueError as e:
    print("ValueError", e)

del sys.modules["initdata"]
import initdata as again

print(again is initdata)
print(again.state())
print(again.step())
print(initdata.state())
