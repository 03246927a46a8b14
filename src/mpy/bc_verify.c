#include "mpy/bc_verify.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "mpy/bc_decode.h"

// What a stack slot holds.
enum {
    K_OBJ,
    K_LIST, // from BUILD_LIST, BUILD_MAP, BUILD_SET: what STORE_COMP and
    K_DICT, // STORE_MAP add to
    K_SET,
    K_NULL,  // MP_OBJ_NULL (LOAD_NULL)
    K_NUL,   // an object or MP_OBJ_NULL (the self of LOAD_METHOD)
    K_ITER0, // the four slots of an iterator buffer, bottom to top
    K_ITER1,
    K_ITER2,
    K_ITER3,
    K_COUNT,
};
typedef uint8_t kind_t;
#define BAD_JOIN 0xff
#define M(k) (1u << (k))
#define M_OBJ (M(K_OBJ) | M(K_LIST) | M(K_DICT) | M(K_SET))
#define M_NUL (M_OBJ | M(K_NULL) | M(K_NUL))
#define M_SLOT (M_NUL | M(K_ITER0) | M(K_ITER1) | M(K_ITER2) | M(K_ITER3))

// A SETUP_* instruction's entry on the handler stack (a with block is a
// finally block to the VM).
enum { B_EXCEPT, B_FINALLY };
typedef struct {
    uint32_t id;      // index of the SETUP instruction
    uint32_t handler; // code offset of the handler
    uint32_t depth;   // stack slots below the block: what the handler starts on
    uint16_t kind;
    uint16_t unwinding; // its handler was entered by a jump or return
} block_t;

typedef struct {
    uint32_t n, n_blocks;
    kind_t *stack;
    block_t *blocks;
} state_t;

// A jump or return that ran a finally handler: what its END_FINALLY goes on
// with (the VM keeps it in the block, see vm.c).
typedef struct {
    uint32_t dest;
    uint32_t count; // handler blocks still to unwind (bit 7: pop an iterator)
    bool is_return;
} action_t;

typedef struct {
    uint32_t ip; // of the SETUP instruction
    action_t *actions;
    size_t n_actions;
    uint32_t *consumers; // contexts whose code ends this block's handler
    size_t n_consumers;
} setup_t;

// What is known at a leader (an instruction some jump or handler reaches)
// for one set of active handler blocks.
typedef struct {
    uint32_t ip;
    uint32_t next; // next context of the same leader, + 1
    bool queued;
    state_t st;
} context_t;

// Bounds that keep hostile input from making the verifier itself slow.
#define MAX_STORED_BYTES (4u << 20)
#define MAX_CONTEXTS_PER_LEADER 64
#define MAX_ACTIONS 4096u

typedef struct {
    const bc_verify_input_t *in;
    uint32_t *leader_at; // per code offset: first context + 1, or 0; UINT32_MAX: none yet
    uint32_t *setup_at;  // per code offset: setup id + 1, or 0
    context_t *ctx;
    size_t n_ctx, ctx_alloc;
    uint32_t *queue;
    size_t queue_len;
    setup_t *setups;
    size_t n_setups, stored, n_actions;
    uint32_t cur_ctx;
    const bc_insn_t *cur;
    // The exception edge of the walk: valid while no block changes and no
    // slot below raise_depth is popped.
    bool raise_valid;
    uint32_t raise_depth, low;
    state_t scratch; // for the edges of one instruction
    state_t unwind;  // for END_FINALLY's ways on
    char *msg;
    size_t msg_size, *err_ip;
} verifier_t;

#define NO_CONTEXT_YET UINT32_MAX

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static bool fail(verifier_t *v, const char *fmt, ...) {
    char text[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    snprintf(v->msg, v->msg_size, "%s at +0x%zx %s", v->cur->info->name, v->cur->offset, text);
    *v->err_ip = v->cur->offset;
    return false;
}

static const char *kind_name(kind_t k) {
    static const char *const names[K_COUNT] = {
        "an object", "a list", "a dict", "a set", "NULL", "an object or NULL",
        "slot 0 of an iterator", "slot 1 of an iterator", "slot 2 of an iterator",
        "slot 3 of an iterator",
    };
    return k < K_COUNT ? names[k] : "?";
}

static const char *mask_name(uint32_t mask) {
    switch (mask) {
        case M_OBJ:
            return "an object";
        case M_NUL:
            return "an object or NULL";
        case M_SLOT:
            return "a value";
        default:
            for (kind_t k = 0; k < K_COUNT; k++) {
                if (mask == M(k)) {
                    return kind_name(k);
                }
            }
            return "?";
    }
}

static kind_t join(kind_t a, kind_t b) {
    if (a == b) {
        return a;
    }
    uint32_t both = M(a) | M(b);
    if ((both & ~M_OBJ) == 0) {
        return K_OBJ;
    }
    if ((both & ~M_NUL) == 0) {
        return K_NUL;
    }
    return BAD_JOIN;
}

static bool room(verifier_t *v, const state_t *w, uint64_t extra) {
    if (w->n + extra > v->in->n_stack) {
        return fail(v, "needs %llu stack slots, but the frame has %" PRIu32,
                    (unsigned long long)(w->n + extra), v->in->n_stack);
    }
    return true;
}

static bool push(verifier_t *v, state_t *w, kind_t k) {
    if (!room(v, w, 1)) {
        return false;
    }
    w->stack[w->n++] = k;
    return true;
}

static bool push_n(verifier_t *v, state_t *w, kind_t k, uint64_t count) {
    if (!room(v, w, count)) {
        return false;
    }
    memset(w->stack + w->n, k, count);
    w->n += (uint32_t)count;
    return true;
}

// Takes the top slot, which must hold a kind in mask.
static bool pop(verifier_t *v, state_t *w, uint32_t mask, kind_t *out) {
    if (w->n == 0) {
        return fail(v, "pops %s from an empty stack", mask_name(mask));
    }
    kind_t k = w->stack[w->n - 1];
    if (!(M(k) & mask)) {
        return fail(v, "needs %s, but the stack holds %s", mask_name(mask), kind_name(k));
    }
    w->n--;
    if (w->n < v->low) {
        v->low = w->n;
    }
    if (out) {
        *out = k;
    }
    return true;
}

static bool pop_n(verifier_t *v, state_t *w, uint32_t mask, uint64_t count) {
    for (uint64_t i = 0; i < count; i++) {
        if (!pop(v, w, mask, NULL)) {
            return false;
        }
    }
    return true;
}

static void state_copy(state_t *dst, const state_t *src) {
    dst->n = src->n;
    dst->n_blocks = src->n_blocks;
    memcpy(dst->stack, src->stack, src->n);
    memcpy(dst->blocks, src->blocks, src->n_blocks * sizeof(block_t));
}

static void enqueue(verifier_t *v, uint32_t c) {
    if (!v->ctx[c].queued) {
        v->ctx[c].queued = true;
        v->queue[v->queue_len++] = c;
    }
}

static bool new_context(verifier_t *v, uint32_t target, const state_t *s, uint32_t next) {
    v->stored += (size_t)s->n + s->n_blocks * sizeof(block_t) + sizeof(context_t);
    if (v->stored > MAX_STORED_BYTES) {
        return fail(v, "makes the function too large to verify");
    }
    if (v->n_ctx == v->ctx_alloc) {
        v->ctx_alloc = v->ctx_alloc ? 2 * v->ctx_alloc : 16;
        v->ctx = xrealloc(v->ctx, v->ctx_alloc * sizeof(context_t));
        v->queue = xrealloc(v->queue, v->ctx_alloc * sizeof(uint32_t));
    }
    uint32_t c = (uint32_t)v->n_ctx++;
    context_t *x = &v->ctx[c];
    *x = (context_t){target, next, false,
                     {0, 0, xmalloc(s->n + 1), xmalloc((s->n_blocks + 1) * sizeof(block_t))}};
    state_copy(&x->st, s);
    v->leader_at[target] = c + 1;
    enqueue(v, c);
    return true;
}

// Joins the state s into what is known at target for its handler blocks.
static bool merge(verifier_t *v, uint32_t target, const state_t *s) {
    uint32_t head = v->leader_at[target];
    unsigned count = 0;
    for (uint32_t c = head == NO_CONTEXT_YET ? 0 : head; c != 0; c = v->ctx[c - 1].next, count++) {
        state_t *st = &v->ctx[c - 1].st;
        if (st->n_blocks != s->n_blocks ||
            memcmp(st->blocks, s->blocks, s->n_blocks * sizeof(block_t)) != 0) {
            continue;
        }
        if (st->n != s->n) {
            return fail(v, "reaches +0x%" PRIx32 " with %" PRIu32 " values on the stack; another path brings %" PRIu32,
                        target, s->n, st->n);
        }
        bool changed = false;
        for (uint32_t i = 0; i < s->n; i++) {
            kind_t j = join(st->stack[i], s->stack[i]);
            if (j == BAD_JOIN) {
                return fail(v, "reaches +0x%" PRIx32 " with %s in stack slot %" PRIu32 "; another path brings %s",
                            target, kind_name(s->stack[i]), i, kind_name(st->stack[i]));
            }
            changed |= j != st->stack[i];
            st->stack[i] = j;
        }
        if (changed) {
            enqueue(v, c - 1);
        }
        return true;
    }
    if (count >= MAX_CONTEXTS_PER_LEADER) {
        return fail(v, "reaches +0x%" PRIx32 " with more than %d different sets of handler blocks",
                    target, MAX_CONTEXTS_PER_LEADER);
    }
    return new_context(v, target, s, head == NO_CONTEXT_YET ? 0 : head);
}

// Enters the handler of block n_blocks - 1: the VM resets the stack to what
// the block was set up on and pushes the exception, or (value, marker) for
// a jump or return.
static bool enter_handler(verifier_t *v, const state_t *w, uint32_t n_blocks, bool unwinding) {
    const block_t *b = &w->blocks[n_blocks - 1];
    if (w->n < b->depth) {
        return fail(v, "leaves %" PRIu32 " values on the stack, but the handler at +0x%" PRIx32 " starts on %" PRIu32,
                    w->n, b->handler, b->depth);
    }
    state_t *s = &v->scratch;
    s->n = b->depth;
    memcpy(s->stack, w->stack, b->depth);
    s->n_blocks = n_blocks;
    memcpy(s->blocks, w->blocks, n_blocks * sizeof(block_t));
    s->blocks[n_blocks - 1].unwinding = unwinding;
    return push(v, s, K_OBJ) && (!unwinding || push(v, s, K_OBJ)) && merge(v, b->handler, s);
}

// Where an exception raised at ip goes: the VM pops the blocks whose handler
// is at or before ip (their code is running) and enters the next.
static bool raise_edge(verifier_t *v, const state_t *w, size_t ip) {
    if (v->raise_valid && v->low >= v->raise_depth) {
        return true;
    }
    uint32_t i = w->n_blocks;
    while (i > 0 && w->blocks[i - 1].handler <= ip) {
        i--;
    }
    v->raise_valid = true;
    v->low = UINT32_MAX;
    v->raise_depth = 0;
    if (i == 0) {
        return true; // the exception leaves the function
    }
    v->raise_depth = w->blocks[i - 1].depth;
    return enter_handler(v, w, i, false);
}

static bool add_action(verifier_t *v, uint32_t id, action_t a) {
    setup_t *st = &v->setups[id];
    for (size_t i = 0; i < st->n_actions; i++) {
        const action_t *x = &st->actions[i];
        if (x->dest == a.dest && x->count == a.count && x->is_return == a.is_return) {
            return true;
        }
    }
    if (++v->n_actions > MAX_ACTIONS) {
        return fail(v, "makes the function too large to verify (more than %u ways out of "
                    "finally blocks)", MAX_ACTIONS);
    }
    st->actions = xrealloc(st->actions, (st->n_actions + 1) * sizeof(action_t));
    st->actions[st->n_actions++] = a;
    // The END_FINALLYs of this block gain a way on.
    for (size_t i = 0; i < st->n_consumers; i++) {
        enqueue(v, st->consumers[i]);
    }
    return true;
}

static void add_consumer(verifier_t *v, uint32_t id) {
    setup_t *st = &v->setups[id];
    for (size_t i = 0; i < st->n_consumers; i++) {
        if (st->consumers[i] == v->cur_ctx) {
            return;
        }
    }
    st->consumers = xrealloc(st->consumers, (st->n_consumers + 1) * sizeof(uint32_t));
    st->consumers[st->n_consumers++] = v->cur_ctx;
}

// A return (the value on top): finally handlers not yet running are run
// first; from here on only the value matters, so the VM leaves what the
// handlers already running have on the stack.
static bool unwind_return(verifier_t *v, state_t *w, size_t ip) {
    for (; w->n_blocks > 0; w->n_blocks--) {
        const block_t *b = &w->blocks[w->n_blocks - 1];
        if (b->kind != B_EXCEPT && b->handler > ip) {
            if (w->n - 1 < b->depth) {
                return fail(v, "returns with %" PRIu32 " values on the stack, but the finally handler at "
                            "+0x%" PRIx32 " starts on %" PRIu32, w->n, b->handler, b->depth);
            }
            return enter_handler(v, w, w->n_blocks, true) &&
                   add_action(v, b->id, (action_t){0, 0, true});
        }
    }
    return true;
}

// A jump out of count (bits 0-6) handler blocks to dest, then (bit 7)
// popping the iterator of the for loop it leaves. A finally handler not yet
// running is run first, on the stack as it is; what one already running
// pushed when it was entered is dropped.
static bool unwind_jump(verifier_t *v, state_t *w, size_t ip, uint32_t count, uint32_t dest) {
    while (count & 0x7f) {
        count--;
        if (w->n_blocks == 0) {
            return fail(v, "unwinds more handler blocks than are active");
        }
        block_t b = w->blocks[w->n_blocks - 1];
        if (b.kind != B_EXCEPT) {
            if (b.handler > ip) {
                state_t *s = &v->scratch;
                state_copy(s, w);
                s->blocks[s->n_blocks - 1].unwinding = true;
                return push(v, s, K_OBJ) && push(v, s, K_OBJ) && merge(v, b.handler, s) &&
                       add_action(v, b.id, (action_t){dest, count, false});
            }
            if (!pop_n(v, w, M_SLOT, b.unwinding ? 2 : 1)) {
                return false;
            }
        }
        w->n_blocks--;
    }
    if (count & 0x80) {
        for (int k = K_ITER3; k >= K_ITER0; k--) {
            if (!pop(v, w, M(k), NULL)) {
                return false;
            }
        }
    }
    return merge(v, dest, w);
}

// END_FINALLY: a block entered by a jump or return goes on with it (the
// value and the marker on top); else None on top goes on, anything else is
// raised.
static bool end_finally(verifier_t *v, state_t *w, size_t ip, bool *next) {
    if (w->n_blocks == 0) {
        return fail(v, "ends a handler block, but none is active");
    }
    block_t b = w->blocks[--w->n_blocks];
    v->raise_valid = false;
    if (!b.unwinding) {
        return raise_edge(v, w, ip) && pop(v, w, M_OBJ, NULL);
    }
    *next = false;
    add_consumer(v, b.id);
    for (size_t i = 0; i < v->setups[b.id].n_actions; i++) {
        action_t a = v->setups[b.id].actions[i];
        state_t *s = &v->unwind;
        state_copy(s, w);
        bool ok = pop(v, s, M_OBJ, NULL) &&
                  (a.is_return ? pop(v, s, M_OBJ, NULL) && push(v, s, K_OBJ) &&
                                     unwind_return(v, s, ip)
                               : pop(v, s, M_SLOT, NULL) && unwind_jump(v, s, ip, a.count, a.dest));
        if (!ok) {
            return false;
        }
    }
    return true;
}

// WITH_CLEANUP: (__exit__, self, None or exception) -> (None or exception),
// or for a block entered by a jump or return (__exit__, self, value, marker)
// -> (value, marker). It calls __exit__ with three arguments, built in
// the slots above.
static bool with_cleanup(verifier_t *v, state_t *w) {
    if (w->n_blocks == 0) {
        return fail(v, "runs outside any with block");
    }
    uint32_t kept = w->blocks[w->n_blocks - 1].unwinding ? 2 : 1;
    return room(v, w, 3 - kept) && pop_n(v, w, M_OBJ, kept) && pop(v, w, M_NUL, NULL) &&
           pop(v, w, M_OBJ, NULL) && push_n(v, w, K_OBJ, kept);
}

static bool setup_block(verifier_t *v, state_t *w, const bc_insn_t *in, uint16_t kind) {
    if (w->n_blocks >= v->in->n_exc_stack) {
        return fail(v, "needs %" PRIu32 " handler blocks, but the frame has %" PRIu32, w->n_blocks + 1,
                    v->in->n_exc_stack);
    }
    w->blocks[w->n_blocks++] = (block_t){v->setup_at[in->offset] - 1, (uint32_t)in->target, w->n,
                                         kind, false};
    v->raise_valid = false;
    return true;
}

// Calls: (fun, [self,] positional..., key/value pairs..., [star bitmap]).
static bool call(verifier_t *v, state_t *w, uint64_t arg, bool method, bool var) {
    if (arg > 0xffff) {
        return fail(v, "has operand 0x%llx: at most 255 positional and 255 keyword arguments",
                    (unsigned long long)arg);
    }
    if (var && !pop(v, w, M_OBJ, NULL)) {
        return false;
    }
    for (uint64_t i = 0; i < (arg >> 8); i++) {
        // A NULL key passes a **mapping.
        if (!pop(v, w, M_OBJ, NULL) || !pop(v, w, var ? M_NUL : M_OBJ, NULL)) {
            return false;
        }
    }
    return pop_n(v, w, M_OBJ, arg & 0xff) && (!method || pop(v, w, M_NUL, NULL)) &&
           pop(v, w, M_OBJ, NULL) && push(v, w, K_OBJ);
}

// STORE_COMP: the list, dict or set sits depth slots below the top.
static bool store_comp(verifier_t *v, state_t *w, uint64_t arg) {
    static const kind_t wanted[4] = {K_LIST, K_DICT, K_SET, K_SET};
    uint64_t depth = arg >> 2;
    if (depth >= w->n) {
        return fail(v, "adds to a collection %llu slots down, but the stack holds %" PRIu32,
                    (unsigned long long)depth, w->n);
    }
    kind_t coll = w->stack[w->n - 1 - depth];
    if (coll != wanted[arg & 3]) {
        return fail(v, "needs %s %llu slots down, but the stack holds %s",
                    kind_name(wanted[arg & 3]), (unsigned long long)depth, kind_name(coll));
    }
    return pop_n(v, w, M_OBJ, (arg & 3) == 1 ? 2 : 1);
}

// ROT_TWO, ROT_THREE: the top goes below the other count - 1.
static bool rotate(verifier_t *v, state_t *w, uint32_t count) {
    kind_t k[3];
    for (uint32_t i = 0; i < count; i++) {
        if (!pop(v, w, M_NUL, &k[i])) {
            return false;
        }
    }
    push(v, w, k[0]);
    for (uint32_t i = count - 1; i > 0; i--) {
        push(v, w, k[i]);
    }
    return true;
}

// FOR_ITER reads a whole iterator buffer, or NULL in slot 0 and the
// iterator object in slot 1 (how a generator expression gets its iterator).
static bool iterator_on_top(verifier_t *v, const state_t *w) {
    const kind_t *s = w->stack + w->n - 4;
    if (w->n >= 4 && ((s[0] == K_ITER0 && s[1] == K_ITER1 && s[2] == K_ITER2 && s[3] == K_ITER3) ||
                      (s[0] == K_NULL && (M(s[1]) & M_OBJ)))) {
        return true;
    }
    return fail(v, "needs an iterator buffer on top of the stack");
}

static bool need_generator(verifier_t *v) {
    return v->in->generator || fail(v, "in a function that is not a generator");
}

// Applies one instruction. *next: false when no path goes on to the
// following instruction.
static bool step(verifier_t *v, state_t *w, const bc_insn_t *in, bool *next) {
    *next = true;
    uint8_t op = in->opcode;
    uint32_t target = (uint32_t)in->target;
    kind_t k;
    if (op >= BC_LOAD_CONST_SMALL_INT_MULTI && op < BC_STORE_FAST_MULTI) {
        return push(v, w, K_OBJ); // LOAD_CONST_SMALL_INT, LOAD_FAST
    }
    if (op >= BC_STORE_FAST_MULTI && op < BC_UNARY_OP_MULTI) {
        return pop(v, w, M_NUL, NULL); // NULL makes the local unbound
    }
    if (op >= BC_UNARY_OP_MULTI && op < BC_BINARY_OP_MULTI) {
        return pop(v, w, M_OBJ, NULL) && push(v, w, K_OBJ);
    }
    if (op >= BC_BINARY_OP_MULTI) {
        return pop_n(v, w, M_OBJ, 2) && push(v, w, K_OBJ);
    }
    switch (op) {
        case BC_LOAD_CONST_FALSE:
        case BC_LOAD_CONST_NONE:
        case BC_LOAD_CONST_TRUE:
        case BC_LOAD_CONST_SMALL_INT:
        case BC_LOAD_CONST_STRING:
        case BC_LOAD_CONST_OBJ:
        case BC_LOAD_NAME:
        case BC_LOAD_GLOBAL:
        case BC_LOAD_FAST_N:
        case BC_LOAD_DEREF:
        case BC_LOAD_BUILD_CLASS:
        case BC_MAKE_FUNCTION:
            return push(v, w, K_OBJ);
        case BC_LOAD_NULL:
            return push(v, w, K_NULL);
        case BC_BUILD_MAP:
            return push(v, w, K_DICT);
        case BC_DELETE_NAME:
        case BC_DELETE_GLOBAL:
        case BC_DELETE_FAST:
        case BC_DELETE_DEREF:
            return true;
        case BC_YIELD_VALUE:
            return need_generator(v) && pop(v, w, M_OBJ, NULL) && push(v, w, K_OBJ);
        case BC_LOAD_ATTR:
        case BC_GET_ITER:
            return pop(v, w, M_OBJ, NULL) && push(v, w, K_OBJ);
        case BC_LOAD_METHOD:
            return pop(v, w, M_OBJ, NULL) && push(v, w, K_OBJ) && push(v, w, K_NUL);
        case BC_LOAD_SUPER_METHOD:
            return pop_n(v, w, M_OBJ, 3) && push(v, w, K_OBJ) && push(v, w, K_NUL);
        case BC_YIELD_FROM:
            return need_generator(v) && pop_n(v, w, M_OBJ, 2) && push(v, w, K_OBJ);
        case BC_LOAD_SUBSCR:
        case BC_IMPORT_NAME:
            return pop_n(v, w, M_OBJ, 2) && push(v, w, K_OBJ);
        case BC_STORE_FAST_N:
        case BC_STORE_DEREF:
            return pop(v, w, M_NUL, NULL);
        case BC_STORE_NAME:
        case BC_STORE_GLOBAL:
        case BC_IMPORT_STAR:
            return pop(v, w, M_OBJ, NULL);
        case BC_STORE_ATTR: // (value or NULL to delete, object)
            return pop(v, w, M_OBJ, NULL) && pop(v, w, M_NUL, NULL);
        case BC_STORE_SUBSCR: // (value or NULL to delete, object, index)
            return pop_n(v, w, M_OBJ, 2) && pop(v, w, M_NUL, NULL);
        case BC_IMPORT_FROM:
            return pop(v, w, M_OBJ, &k) && push(v, w, k) && push(v, w, K_OBJ);
        case BC_DUP_TOP:
            return pop(v, w, M_NUL, &k) && push(v, w, k) && push(v, w, k);
        case BC_DUP_TOP_TWO: {
            kind_t a, b;
            return pop(v, w, M_NUL, &b) && pop(v, w, M_NUL, &a) && push(v, w, a) &&
                   push(v, w, b) && push(v, w, a) && push(v, w, b);
        }
        case BC_POP_TOP:
            return pop(v, w, M_SLOT, NULL);
        case BC_ROT_TWO:
            return rotate(v, w, 2);
        case BC_ROT_THREE:
            return rotate(v, w, 3);
        case BC_JUMP:
            *next = false;
            return merge(v, target, w);
        case BC_JUMP_IF_UNWINDING:
            if (w->n_blocks && w->blocks[w->n_blocks - 1].unwinding) {
                *next = false;
                return merge(v, target, w);
            }
            return true;
        case BC_POP_JUMP_IF_TRUE:
        case BC_POP_JUMP_IF_FALSE:
            return pop(v, w, M_OBJ, NULL) && merge(v, target, w);
        case BC_JUMP_IF_TRUE_OR_POP:
        case BC_JUMP_IF_FALSE_OR_POP:
            return pop(v, w, M_OBJ, &k) && push(v, w, k) && merge(v, target, w) &&
                   pop(v, w, M_OBJ, NULL);
        case BC_SETUP_WITH:
            // (ctx) -> (__exit__, self, as_value); __enter__ is looked up
            // in the two slots above.
            return room(v, w, 3) && pop(v, w, M_OBJ, NULL) && push(v, w, K_OBJ) &&
                   push(v, w, K_NUL) && setup_block(v, w, in, B_FINALLY) && push(v, w, K_OBJ);
        case BC_SETUP_EXCEPT:
            return setup_block(v, w, in, B_EXCEPT);
        case BC_SETUP_FINALLY:
            return setup_block(v, w, in, B_FINALLY);
        case BC_WITH_CLEANUP:
            return with_cleanup(v, w);
        case BC_END_FINALLY:
            return end_finally(v, w, in->offset, next);
        case BC_POP_EXCEPT_JUMP:
            *next = false;
            if (w->n_blocks == 0) {
                return fail(v, "ends a handler block, but none is active");
            }
            w->n_blocks--;
            v->raise_valid = false;
            return merge(v, target, w);
        case BC_UNWIND_JUMP:
            *next = false;
            return unwind_jump(v, w, in->offset, in->extra, target);
        case BC_RETURN_VALUE:
            *next = false;
            return pop(v, w, M_OBJ, &k) && push(v, w, k) && unwind_return(v, w, in->offset);
        case BC_RAISE_LAST:
            *next = false;
            return true;
        case BC_RAISE_OBJ:
        case BC_RAISE_FROM:
            *next = false;
            return pop_n(v, w, M_OBJ, op == BC_RAISE_FROM ? 2 : 1);
        case BC_GET_ITER_STACK:
            return pop(v, w, M_OBJ, NULL) && push(v, w, K_ITER0) && push(v, w, K_ITER1) &&
                   push(v, w, K_ITER2) && push(v, w, K_ITER3);
        case BC_FOR_ITER: {
            if (!iterator_on_top(v, w)) {
                return false;
            }
            state_t *s = &v->scratch;
            state_copy(s, w);
            return pop_n(v, s, M_SLOT, 4) && merge(v, target, s) && push(v, w, K_OBJ);
        }
        case BC_BUILD_TUPLE:
        case BC_BUILD_LIST:
        case BC_BUILD_SET:
            return pop_n(v, w, M_OBJ, (uint64_t)in->arg) &&
                   push(v, w, op == BC_BUILD_LIST ? K_LIST : op == BC_BUILD_SET ? K_SET : K_OBJ);
        case BC_BUILD_SLICE:
            if (in->arg != 2 && in->arg != 3) {
                return fail(v, "takes 2 or 3 values, not %lld", (long long)in->arg);
            }
            return pop_n(v, w, M_OBJ, (uint64_t)in->arg) && push(v, w, K_OBJ);
        case BC_STORE_MAP: // (dict, value, key)
            if (!pop_n(v, w, M_OBJ, 2)) {
                return false;
            }
            return (w->n && w->stack[w->n - 1] == K_DICT) ||
                   fail(v, "needs the dict of BUILD_MAP under the value and key");
        case BC_STORE_COMP:
            return store_comp(v, w, (uint64_t)in->arg);
        case BC_UNPACK_SEQUENCE:
            return pop(v, w, M_OBJ, NULL) && push_n(v, w, K_OBJ, (uint64_t)in->arg);
        case BC_UNPACK_EX:
            if ((uint64_t)in->arg > 0xffff) {
                return fail(v, "has operand 0x%llx: at most 255 values before and after the "
                            "star", (unsigned long long)in->arg);
            }
            return pop(v, w, M_OBJ, NULL) &&
                   push_n(v, w, K_OBJ, ((uint64_t)in->arg & 0xff) + ((uint64_t)in->arg >> 8) + 1);
        case BC_MAKE_FUNCTION_DEFARGS: // (defaults tuple or NULL, kw defaults dict or NULL)
            return pop_n(v, w, M_NUL, 2) && push(v, w, K_OBJ);
        case BC_MAKE_CLOSURE:
        case BC_MAKE_CLOSURE_DEFARGS:
            return pop_n(v, w, M_OBJ, in->extra) &&
                   (op == BC_MAKE_CLOSURE || pop_n(v, w, M_NUL, 2)) && push(v, w, K_OBJ);
        case BC_CALL_FUNCTION:
        case BC_CALL_FUNCTION_VAR_KW:
        case BC_CALL_METHOD:
        case BC_CALL_METHOD_VAR_KW:
            return call(v, w, (uint64_t)in->arg, op == BC_CALL_METHOD || op == BC_CALL_METHOD_VAR_KW,
                        op == BC_CALL_FUNCTION_VAR_KW || op == BC_CALL_METHOD_VAR_KW);
        default:
            return fail(v, "is not run by the VM");
    }
}

// Follows the code from a context's leader until a path ends or reaches
// another leader.
static bool walk(verifier_t *v, uint32_t c, state_t *w) {
    const bc_verify_input_t *in = v->in;
    state_copy(w, &v->ctx[c].st);
    v->cur_ctx = c;
    v->raise_valid = false;
    size_t start = v->ctx[c].ip, ip = start;
    bc_insn_t insn[2]; // this instruction and the one before (named by errors at a leader)
    for (unsigned i = 0;; i ^= 1) {
        if (ip != start && v->leader_at[ip]) {
            return merge(v, (uint32_t)ip, w);
        }
        bc_decode_insn(in->code, in->len, ip, &insn[i]);
        v->cur = &insn[i];
        // END_FINALLY raises after it has popped its block.
        if (insn[i].opcode != BC_END_FINALLY && !raise_edge(v, w, ip)) {
            return false;
        }
        bool next;
        if (!step(v, w, &insn[i], &next)) {
            return false;
        }
        if (!next) {
            return true;
        }
        ip += insn[i].size;
        if (ip >= in->len) {
            return fail(v, "is followed by the end of the code: execution would run past it");
        }
    }
}

// Marks the leaders (the entry and every jump and handler target) and
// numbers the SETUP instructions.
static void scan(verifier_t *v) {
    const bc_verify_input_t *in = v->in;
    v->leader_at[0] = NO_CONTEXT_YET;
    bc_insn_t insn;
    for (size_t ip = 0; ip < in->len; ip += insn.size) {
        bc_decode_insn(in->code, in->len, ip, &insn);
        uint8_t operand = insn.info->operand;
        if (operand == BC_OPERAND_JUMP || operand == BC_OPERAND_JUMP_FWD) {
            v->leader_at[insn.target] = NO_CONTEXT_YET;
        }
        if (insn.opcode == BC_SETUP_WITH || insn.opcode == BC_SETUP_EXCEPT ||
            insn.opcode == BC_SETUP_FINALLY) {
            v->setup_at[ip] = (uint32_t)++v->n_setups;
        }
    }
    v->setups = xcalloc(v->n_setups + 1, sizeof(setup_t));
    for (size_t ip = 0; ip < in->len; ip++) {
        if (v->setup_at[ip]) {
            v->setups[v->setup_at[ip] - 1].ip = (uint32_t)ip;
        }
    }
}

static void state_alloc(state_t *s, const bc_verify_input_t *in) {
    *s = (state_t){0, 0, xmalloc((size_t)in->n_stack + 1),
                   xmalloc(((size_t)in->n_exc_stack + 1) * sizeof(block_t))};
}

static void state_free(state_t *s) {
    free(s->stack);
    free(s->blocks);
}

bool bc_verify(const bc_verify_input_t *in, char *msg, size_t msg_size, size_t *err_ip) {
    if (in->len == 0) {
        snprintf(msg, msg_size, "the function has no bytecode");
        *err_ip = 0;
        return false;
    }
    verifier_t v = {0};
    v.in = in;
    v.msg = msg;
    v.msg_size = msg_size;
    v.err_ip = err_ip;
    v.leader_at = xcalloc(in->len, sizeof(uint32_t));
    v.setup_at = xcalloc(in->len, sizeof(uint32_t));
    scan(&v);
    state_t w;
    state_alloc(&w, in);
    state_alloc(&v.scratch, in);
    state_alloc(&v.unwind, in);

    // The entry: an empty stack, no handler block.
    bc_insn_t first;
    bc_decode_insn(in->code, in->len, 0, &first);
    v.cur = &first;
    bool ok = merge(&v, 0, &w);
    while (ok && v.queue_len > 0) {
        uint32_t c = v.queue[--v.queue_len];
        v.ctx[c].queued = false;
        ok = walk(&v, c, &w);
    }

    for (size_t i = 0; i < v.n_ctx; i++) {
        state_free(&v.ctx[i].st);
    }
    for (size_t i = 0; i < v.n_setups; i++) {
        free(v.setups[i].actions);
        free(v.setups[i].consumers);
    }
    free(v.setups);
    free(v.ctx);
    free(v.queue);
    free(v.leader_at);
    free(v.setup_at);
    state_free(&w);
    state_free(&v.scratch);
    state_free(&v.unwind);
    return ok;
}
