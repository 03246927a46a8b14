// For the RISC-V assembly of the register tests (RV32 and RV64): T_S and
// T_L store and load a register of XLEN bits, which takes T_W bytes.
#ifndef TEST_RISCV_XLEN_H
#define TEST_RISCV_XLEN_H
#if __riscv_xlen == 64
#define T_S "sd"
#define T_L "ld"
#define T_W "8"
#else
#define T_S "sw"
#define T_L "lw"
#define T_W "4"
#endif
#endif
