// Nothing refers to this member: it must not be linked.
int lib_unused(int x) {
    return x * 7;
}
