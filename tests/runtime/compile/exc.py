try:
    1 / 0
except ZeroDivisionError as e:
    print('caught', type(e).__name__, e)
try:
    raise ValueError('bad')
except (TypeError, ValueError) as e:
    print('tuple', e)
else:
    print('no else')
try:
    pass
except Exception:
    print('x')
else:
    print('else ran')
finally:
    print('finally ran')
def f():
    try:
        return 1
    finally:
        print('in finally')
print(f())
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print('body', i)
    finally:
        print('fin', i)
try:
    try:
        raise KeyError(5)
    except IndexError:
        print('wrong')
except KeyError as e:
    print('outer', e)
try:
    assert 1 == 2, 'msg'
except AssertionError as e:
    print('assert', e)
try:
    raise RuntimeError('x') from None
except RuntimeError as e:
    print('from', e)
def reraise():
    try:
        raise OSError(1)
    except OSError:
        raise
try:
    reraise()
except OSError as e:
    print('re', e)
try:
    x = undefined_name
except NameError as e:
    print(e)
try:
    e
except NameError as e2:
    print('e deleted')
while True:
    try:
        break
    finally:
        print('wf')
import sys
from sys import argv as av
print(type(av))
x = 5
del x
try:
    print(x)
except NameError:
    print('deleted')
def g():
    raise TypeError('deep')
def h():
    g()
h()
