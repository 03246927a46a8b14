// A second object with an undefined symbol of its own.
extern int missing_helper(int);
int use_missing(int x) {
    return missing_helper(x) + 1;
}
