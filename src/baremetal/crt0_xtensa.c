// Start-up of the xtensa lx106 firmware (picolibc has no crt0 for QEMU's
// `sim` machine that fits xtensa.ld): the entry jump QEMU starts at, then
// the stack, the processor state, a zeroed .bss, the constructors, main
// and exit. QEMU has loaded .data in place, so nothing is copied.
#if defined(__XTENSA__)

__asm__ (
    // QEMU starts at the lowest code address (xtensa.ld puts this first).
    // l32r reads only literals below it: the address of _start sits between
    // a jump over it and its load.
    "    .pushsection .entry, \"ax\"\n"
    "    .globl _entry\n"
    "_entry:\n"
    "    j 1f\n"
    "    .p2align 2\n"
    "2:  .word _start\n"
    "1:  l32r a0, 2b\n"
    "    jx a0\n"
    "    .popsection\n"
    "\n"
    "    .pushsection .text\n"
    "    .globl _start\n"
    "    .type _start, @function\n"
    "    .p2align 2\n"
    "_start:\n"
    "    movi a1, __stack\n"
    // PS: out of exception mode (EXCM 0, so that a fault takes the user
    // exception vector, fault_xtensa.c), user vector mode (UM), all
    // interrupts masked (INTLEVEL 15: nothing here takes one).
    "    movi a2, 0x2f\n"
    "    wsr.ps a2\n"
    "    rsync\n"
    "    movi a2, __bss_start\n"
    "    movi a3, 0\n"
    "    movi a4, __bss_end\n"
    "    sub a4, a4, a2\n"
    "    movi a0, memset\n"
    "    callx0 a0\n"
    "    movi a0, __libc_init_array\n"
    "    callx0 a0\n"
    // main(0, NULL): the command line comes from platform_command_line.
    "    movi a2, 0\n"
    "    movi a3, 0\n"
    "    movi a0, main\n"
    "    callx0 a0\n"
    "    movi a0, exit\n"
    "    callx0 a0\n"
    "    .size _start, .-_start\n"
    "    .popsection\n"
);

#endif
