// Links fine but has no entry point.
int not_the_entry(int x) {
    return x + 1;
}
