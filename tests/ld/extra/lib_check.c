int lib_check(int b) {
    return b != 0;
}
