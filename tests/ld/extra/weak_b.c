int hook(int x) {
    return 2 * x + 1;
}
