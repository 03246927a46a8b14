# A word in text holding the address of rodata, as xtensa code built with
# -mtext-section-literals has: it must become a load-time relocation (with
# the rodata of xtensawin loaded apart from text).
    .section .rodata
    .align 4
message:
    .word 0x12345678
    .text
    .align 4
    .global mpy_init
mpy_init:
    ret
    .align 4
    .word message
