import tables

print([tables.sine(d) for d in (0, 30, 45, 90, 91, 180, 270, -90, 360, 7, 12, 725)])
print(tables.note_name(61), tables.note_name(0), tables.note_name(127), tables.note_name(60))
tables.record(3)
tables.record(3)
tables.record(7)
print(tables.histogram(), tables.calls())
tables.clear()
print(tables.histogram(), tables.calls())
for bad in (-1, 8):
    try:
        tables.record(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    tables.note_name(128)
except ValueError as e:
    print("ValueError", e)
