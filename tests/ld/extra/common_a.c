// Tentative definitions (built with -fcommon) shared by two objects.
int shared_buf[16];
int counter;
int get(int i) {
    return shared_buf[i] + counter;
}
