# tables: rodata tables and BSS state kept between calls.
import tables

print([tables.sine(d) for d in range(0, 361, 15)])
print([tables.sine(d) for d in (-90, 725, 7, 12)])
print([tables.note_name(n) for n in (0, 12, 60, 61, 69, 127)])
print(tables.histogram(), tables.calls())
for v in (3, 3, 7, 0, 0, 0):
    tables.record(v)
print(tables.histogram(), tables.calls())
tables.clear()
print(tables.histogram(), tables.calls())
# The same module object again: its BSS is not reset by a second import.
tables.record(1)
import tables as t2
print(t2 is tables, t2.histogram())
for bad in (-1, 8, 100):
    try:
        tables.record(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    tables.note_name(128)
except ValueError as e:
    print("ValueError", e)
