# time (and its alias utime), as MicroPython v1.21's unix port: only what
# does not depend on the wall clock, the machine's word size or the time
# zone is printed.
import time
import utime

print(time.__name__, utime is time)

# types
print(type(time.time()), type(time.time_ns()), type(time.clock()))
print(type(time.ticks_ms()), type(time.ticks_us()), type(time.ticks_cpu()))
print(time.ticks_cpu())
print(time.time() > 1600000000, time.time_ns() > 1600000000 * 10**9)
print(abs(time.time_ns() / 1e9 - time.time()) < 10)
print(time.time_ns() % 1000)
print(time.clock() >= 0)

# the ticks period: the small-int range (2**62 or 2**30). Ticks values are
# kept small ints (MicroPython reads the ticks arguments unchecked).
top = time.ticks_add(0, -1)
half = top // 2 + 1
print(top + 1 in (2**30, 2**62), half * 2 == top + 1)
print(time.ticks_ms() <= top, time.ticks_us() <= top, time.ticks_ms() >= 0)

# ticks arithmetic wraps modulo the period; ticks_diff is signed
print(time.ticks_add(0, 1), time.ticks_add(5, -3), time.ticks_add(100, 0))
print(time.ticks_add(top, 1), time.ticks_add(top, 2), time.ticks_add(0, -2) == top - 1)
print(time.ticks_diff(5, 3), time.ticks_diff(3, 5), time.ticks_diff(7, 7))
print(time.ticks_diff(0, top), time.ticks_diff(top, 0))
print(time.ticks_diff(half, 0) == -half, time.ticks_diff(half - 1, 0) == half - 1)
print(time.ticks_diff(0, half) == -half, time.ticks_diff(1, half + 2) == half - 1)
for start in (0, 1, 12345, half - 1, half, top):
    for delta in (0, 1, -1, 1000, -1000, half - 1, -half + 1):
        end = time.ticks_add(start, delta)
        if not (0 <= end <= top and time.ticks_diff(end, start) == delta
                and time.ticks_diff(start, end) == -delta):
            print("wrong", start, delta)
print("ticks_add/ticks_diff round trips")
# ticks_add refuses a delta that ticks_diff cannot give back
for delta in (half, -half, half + 1, top, -top, top + 1, -(top + 1)):
    try:
        time.ticks_add(0, delta)
        print("no error")
    except OverflowError as e:
        print("OverflowError", e)
try:
    time.ticks_add(0, 2**100)
except OverflowError as e:
    print("OverflowError", e)
for args in ((0, 1.5), (0, "1"), (0, None)):
    try:
        time.ticks_add(*args)
    except TypeError as e:
        print("TypeError", e)

# sleeping: the clocks move forward by the time slept (sleep_ms may end
# within the last millisecond: the unix port waits until ticks_ms has moved
# on by that many)
t0 = time.ticks_ms()
u0 = time.ticks_us()
time.sleep_ms(30)
print(time.ticks_diff(time.ticks_ms(), t0) >= 30, time.ticks_diff(time.ticks_us(), u0) >= 28000)
u0 = time.ticks_us()
time.sleep_us(20000)
print(time.ticks_diff(time.ticks_us(), u0) >= 20000)
t0 = time.ticks_ms()
time.sleep(0.05)
print(time.ticks_diff(time.ticks_ms(), t0) >= 50)
t0 = time.ticks_ms()
time.sleep(0)
time.sleep_ms(0)
time.sleep_us(0)
time.sleep_ms(-5)
time.sleep_us(-5)
print(time.ticks_diff(time.ticks_ms(), t0) < 1000)
n0 = time.time_ns()
time.sleep_ms(10)
print(time.time_ns() - n0 >= 8 * 10**6)
print(time.sleep(0.001), time.sleep_ms(1), time.sleep_us(1))
for f, arg in ((time.sleep, -1), (time.sleep, -0.5), (time.sleep, "1"), (time.sleep_ms, 1.5),
               (time.sleep_us, None), (time.sleep_ms, "1")):
    try:
        f(arg)
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)

# gmtime: (year, month, mday, hour, minute, second, weekday, yearday, isdst)
for secs in (0, 1, -1, 59, 86399, 86400, 951782400, 1000000000, 1234567890.9, -1.9, 2147483647,
             -2147483648, 68169600, 946684800):
    print(secs, time.gmtime(secs))
print(len(time.gmtime()), len(time.localtime()), time.gmtime()[0] >= 2020)
try:
    time.gmtime(None)
except TypeError as e:
    print("TypeError", e)
try:
    time.gmtime(1, 2)
except TypeError as e:
    print("TypeError", e)

# mktime is localtime's inverse (in whatever time zone this is)
for secs in (0, 86400 * 365, 1000000000, 1234567890, 1700000000):
    lt = time.localtime(secs)
    print(time.mktime(lt) == secs, time.mktime(lt[:8]) == secs, time.mktime(list(lt)) == secs)
print(time.mktime((2001, 9, 9, 1, 46, 40, 0, 0)) - time.mktime((2001, 9, 8, 1, 46, 40, 0, 0)))
# out-of-range fields are normalised
print(time.mktime((2000, 1, 1, 0, 0, 60, 0, 0)) - time.mktime((2000, 1, 1, 0, 1, 0, 0, 0)))
print(time.mktime((2000, 13, 1, 12, 0, 0, 0, 0)) - time.mktime((2001, 1, 1, 12, 0, 0, 0, 0)))
for arg in ((1, 2), (1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 5, "12345678", (2000, 1, 1, 0, 0, "0", 0, 0)):
    try:
        time.mktime(arg)
    except TypeError as e:
        print("TypeError", e)
print(type(time.mktime(time.localtime())))
