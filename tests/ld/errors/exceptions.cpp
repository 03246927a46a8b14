// C++ code that catches exceptions: its handler tables are refused.
int may_throw(int);
extern "C" int mpy_init(int x) {
    try {
        return may_throw(x);
    } catch (...) {
        return -1;
    }
}
