#include "mpy/bc_lower.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "mpy/bc_decode.h"

#define EXCEPTION_MATCH 8 // binary operator number of <exception match>

static bool names_base_exception(const mpy_file_t *f, int64_t qstr_index) {
    if (qstr_index < 0 || (uint64_t)qstr_index >= f->n_qstrs) {
        return false;
    }
    const mpy_qstr_t *q = &f->qstrs[qstr_index];
    return q->len == 13 && memcmp(q->str, "BaseException", 13) == 0;
}

// The offset of the POP_JUMP_IF_FALSE when the test starts at ip, else 0.
static size_t unwind_test_at(const mpy_file_t *f, const uint8_t *code, size_t len, size_t ip,
                             const uint8_t *is_target) {
    bc_insn_t in;
    static const uint8_t pattern[4] = {BC_DUP_TOP, BC_LOAD_GLOBAL,
                                       BC_BINARY_OP_MULTI + EXCEPTION_MATCH, BC_POP_JUMP_IF_FALSE};
    size_t at = ip;
    for (int i = 0; i < 4; i++) {
        if (bc_decode_insn(code, len, at, &in) != BC_DECODE_OK || in.opcode != pattern[i] ||
            (i > 0 && is_target[at]) || (i == 1 && !names_base_exception(f, in.arg))) {
            return 0;
        }
        if (i < 3) {
            at += in.size;
        }
    }
    return at;
}

void bc_lower(const mpy_file_t *f, uint8_t *code, size_t len) {
    uint8_t *is_target = xcalloc(len ? len : 1, 1);
    bc_insn_t in;
    for (size_t ip = 0; ip < len && bc_decode_insn(code, len, ip, &in) == BC_DECODE_OK;
         ip += in.size) {
        if ((in.info->operand == BC_OPERAND_JUMP || in.info->operand == BC_OPERAND_JUMP_FWD) &&
            in.target >= 0 && (uint64_t)in.target < len) {
            is_target[in.target] = 1;
        }
    }
    for (size_t ip = 0; ip < len && bc_decode_insn(code, len, ip, &in) == BC_DECODE_OK;
         ip += in.size) {
        size_t test = unwind_test_at(f, code, len, ip, is_target);
        if (test) {
            // DUP_TOP and LOAD_GLOBAL take at least 3 bytes: room for a
            // two-byte JUMP (signed offset, biased by 0x40) over them.
            // The bytes jumped over are filled with one-byte instructions so
            // that the code still decodes from start to end.
            code[ip] = BC_JUMP;
            code[ip + 1] = (uint8_t)(0x40 + (test - (ip + 2)));
            memset(code + ip + 2, BC_POP_TOP, test - (ip + 2));
            code[test] = BC_JUMP_IF_UNWINDING;
            bc_decode_insn(code, len, test, &in);
            ip = test;
        }
    }
    free(is_target);
}
