# Long functions (two-byte jump offsets) and many names (qstr indices past
# 127, which need two bytes once a merge raises them).
def long_branches(x):
    if x:
        a0 = x + 1; a1 = a0 * 2; a2 = a1 - 3; a3 = a2 // 4; a4 = a3 % 5
        a5 = a4 + a0; a6 = a5 * a1; a7 = a6 - a2; a8 = a7 // 7; a9 = a8 % 11
        b0 = a9 + 1; b1 = b0 * 2; b2 = b1 - 3; b3 = b2 // 4; b4 = b3 % 5
        b5 = b4 + b0; b6 = b5 * b1; b7 = b6 - b2; b8 = b7 // 7; b9 = b8 % 11
        c0 = b9 + a9; c1 = c0 * 2; c2 = c1 - 3; c3 = c2 // 4; c4 = c3 % 5
        c5 = c4 + c0; c6 = c5 * c1; c7 = c6 - c2; c8 = c7 // 7; c9 = c8 % 11
        d0 = c9 + b9; d1 = d0 * 2; d2 = d1 - 3; d3 = d2 // 4; d4 = d3 % 5
        d5 = d4 + d0; d6 = d5 * d1; d7 = d6 - d2; d8 = d7 // 7; d9 = d8 % 11
        x = a9 + b9 + c9 + d9
    else:
        x = -1
    while x > 0:
        e0 = x + 1; e1 = e0 * 2; e2 = e1 - 3; e3 = e2 // 4; e4 = e3 % 5
        e5 = e4 + e0; e6 = e5 * e1; e7 = e6 - e2; e8 = e7 // 7; e9 = e8 % 11
        f0 = e9 + 1; f1 = f0 * 2; f2 = f1 - 3; f3 = f2 // 4; f4 = f3 % 5
        f5 = f4 + f0; f6 = f5 * f1; f7 = f6 - f2; f8 = f7 // 7; f9 = f8 % 11
        g0 = f9 + e9; g1 = g0 * 2; g2 = g1 - 3; g3 = g2 // 4; g4 = g3 % 5
        g5 = g4 + g0; g6 = g5 * g1; g7 = g6 - g2; g8 = g7 // 7; g9 = g8 % 11
        x = x - 1 - (g9 & 0)
    return x


class Names:
    alpha_00 = 0; alpha_01 = 1; alpha_02 = 2; alpha_03 = 3; alpha_04 = 4
    alpha_05 = 5; alpha_06 = 6; alpha_07 = 7; alpha_08 = 8; alpha_09 = 9
    alpha_10 = 10; alpha_11 = 11; alpha_12 = 12; alpha_13 = 13; alpha_14 = 14
    alpha_15 = 15; alpha_16 = 16; alpha_17 = 17; alpha_18 = 18; alpha_19 = 19
    beta_00 = 0; beta_01 = 1; beta_02 = 2; beta_03 = 3; beta_04 = 4
    beta_05 = 5; beta_06 = 6; beta_07 = 7; beta_08 = 8; beta_09 = 9
    beta_10 = 10; beta_11 = 11; beta_12 = 12; beta_13 = 13; beta_14 = 14
    beta_15 = 15; beta_16 = 16; beta_17 = 17; beta_18 = 18; beta_19 = 19
    gamma_00 = 0; gamma_01 = 1; gamma_02 = 2; gamma_03 = 3; gamma_04 = 4
    gamma_05 = 5; gamma_06 = 6; gamma_07 = 7; gamma_08 = 8; gamma_09 = 9
    gamma_10 = 10; gamma_11 = 11; gamma_12 = 12; gamma_13 = 13; gamma_14 = 14
    gamma_15 = 15; gamma_16 = 16; gamma_17 = 17; gamma_18 = 18; gamma_19 = 19
    delta_00 = 0; delta_01 = 1; delta_02 = 2; delta_03 = 3; delta_04 = 4
    delta_05 = 5; delta_06 = 6; delta_07 = 7; delta_08 = 8; delta_09 = 9
    delta_10 = 10; delta_11 = 11; delta_12 = 12; delta_13 = 13; delta_14 = 14
    delta_15 = 15; delta_16 = 16; delta_17 = 17; delta_18 = 18; delta_19 = 19


def total(obj):
    s = 0
    for name in dir(obj):
        if name[0] != "_":
            v = getattr(obj, name)
            if isinstance(v, int):
                s += v
    return s


def near_edge(x):
    # a loop whose backward jump is close to the one-byte limit
    n = 0
    while n < 20:
        n += 1
        if x & 1:
            x = x * 3 + 1
        else:
            x = x // 2 + 7
        x += len(str(x)) + len(repr(x)) - len(str(x)) - len(repr(x))
        x += abs(-1) - abs(1) + min(1, 2) - max(0, 1)
        x += int("1") - int("1") + bool(1) - bool(1)
    return x


def edge_signed(x):
    # one-byte signed jumps (JUMP, POP_JUMP_IF_TRUE) that need two bytes once
    # the qstr indices of the names in the loop take two bytes each
    n = 0
    while n < 3:
        n += 1
        x = abs(x) + len(str(x)) - len(repr(x)) + min(x, 1) - max(x, 0) + abs(n) + abs(n)
    return x


def edge_unsigned(xs):
    # the same for the unsigned forward jump of FOR_ITER
    t = 0
    for x in xs:
        t += abs(x) + len(str(x)) - len(repr(x)) + min(x, 1) - max(x, 0)
        t += abs(x) + len(str(x)) - len(repr(x)) + min(x, 1) - max(x, 0)
        t += abs(t) + abs(x) + len(str(t)) + abs(t) + abs(x)
    return t


print("bigjump", long_branches(3), long_branches(0), total(Names), near_edge(5))
print(edge_signed(-4), edge_unsigned([1, -2, 30]))
