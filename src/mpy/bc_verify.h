// Verifying the flow of one bytecode function before the VM runs it.
//
// The VM (src/runtime/vm.c), like MicroPython's, trusts its bytecode: it
// does not check the depth of the value stack or of the handler-block
// stack, and it keeps raw data on the value stack (the iterator buffers of
// for loops) and MP_OBJ_NULL where an object may be absent. Bytecode from a
// hostile .mpy file could make it read or write outside the frame, or use
// such data as an object. This pass follows every path through the
// function (jumps, exception handlers, and the unwinding of finally and
// with blocks by break, continue and return) with an abstract stack that
// says what kind of value each slot holds, and refuses the function unless:
//   - every path reaches each instruction with the same stack depth and
//     the same handler blocks (a finally handler's code is followed once
//     for each way in: exception or fall-through, and jump or return,
//     which leave one more value);
//   - the value stack stays within the slots the frame has below its
//     locals (n_stack) and the handler stack within n_exc_stack;
//   - each instruction finds the kinds it needs: objects where objects are
//     used, a whole iterator buffer for FOR_ITER, the list, dict or set
//     that STORE_COMP and STORE_MAP add to;
//   - a handler never starts on stack slots the path has not filled;
//   - no path runs off the end of the code, and only generators yield.
// Where the VM's choice depends on values (END_FINALLY, WITH_CLEANUP), it
// decides by what it recorded in the handler block when it entered the
// handler, which bytecode cannot forge; this pass follows each choice.
// Code no path reaches is not looked at: the VM never runs it.
#ifndef MPY_BC_VERIFY_H
#define MPY_BC_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const uint8_t *code; // the bytecode (after the prelude)
    size_t len;
    uint32_t n_stack;    // slots of the frame below its locals
    uint32_t n_exc_stack;
    bool generator;
} bc_verify_input_t;

// True when the function passes. Otherwise writes what is wrong to
// msg[0..msg_size) and the offset (from the start of the code) of the
// instruction concerned to *err_ip.
bool bc_verify(const bc_verify_input_t *in, char *msg, size_t msg_size, size_t *err_ip);

#endif
