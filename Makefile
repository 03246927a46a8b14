# Top-level build: the tools (mpy-ld, ...), the demo and the test suite.
#   make            build the tools (mpy-ld, mpy-tool, mpy-host, mpy-host-x86) into build/
#   make demo       build everything and run the quick-start demo
#   make test       run the whole test suite (SANITIZE=1: under ASan+UBSan)
#   make deps       install the Debian packages for the cross-architecture parts
#   make firmware   the runtime built bare-metal per target (build/ARCH/), for
#                   `mpy-host --arch ARCH` under QEMU (docs/qemu.md)

CC ?= cc
CFLAGS ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -DMICROPY_SDK_RUNTIME=1
BUILD = build

ifeq ($(SANITIZE),1)
BUILD = build-san
CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
else
# Static tools start faster: a small link is mostly process start-up.
LDFLAGS += -static
endif

MPY_SRC = $(wildcard src/base/*.c src/mpy/*.c)
LD_SRC = $(wildcard src/mpy-ld/*.c)
TOOL_SRC = $(wildcard src/mpy-tool/*.c)
RT_SRC = $(wildcard src/runtime/*.c)
MPY_OBJ = $(MPY_SRC:src/%.c=$(BUILD)/obj/%.o)
LD_OBJ = $(LD_SRC:src/%.c=$(BUILD)/obj/%.o)
TOOL_OBJ = $(TOOL_SRC:src/%.c=$(BUILD)/obj/%.o)
RT_OBJ = $(RT_SRC:src/%.c=$(BUILD)/obj/%.o)
HOST_SRC = $(wildcard src/mpy-host/*.c)
HOST_OBJ = $(HOST_SRC:src/%.c=$(BUILD)/obj/%.o)

# The same sources built for 32-bit x86 into $(BUILD)/x86/: the x86 runtime
# $(X86)/mpy-host, which runs x86 .mpy modules, and $(BUILD)/mpy-host-x86,
# the command for it (a link to mpy-host, which then runs as --arch x86). Built where $(CC) -m32 can link;
# whether the kernel runs i386 programs or qemu-i386 has to is decided when it
# runs (src/mpy-host/arch.c), not here.
X86 = $(BUILD)/x86
X86_MPY_OBJ = $(MPY_SRC:src/%.c=$(X86)/obj/%.o)
X86_RT_OBJ = $(RT_SRC:src/%.c=$(X86)/obj/%.o)
X86_HOST_OBJ = $(HOST_SRC:src/%.c=$(X86)/obj/%.o)
HAVE_M32 := $(shell printf 'int main(void) { return 0; }\n' | \
    $(CC) -m32 $(CFLAGS) $(LDFLAGS) -x c -o /dev/null - >/dev/null 2>&1 && echo yes)
ifeq ($(HAVE_M32),yes)
HOST_X86 = $(BUILD)/mpy-host-x86
else
HOST_X86 = no-host-x86
endif

.PHONY: all demo test deps clean bench fuzz host-x86 no-host-x86 firmware fw-archs
all: $(BUILD)/mpy-ld $(BUILD)/mpy-tool $(BUILD)/libruntime.a $(BUILD)/mpy-host $(HOST_X86) firmware

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -Isrc -I. -MMD -MP -c -o $@ $<

# The shared code as a library: each tool links only the members it uses.
$(BUILD)/libmpy.a: $(MPY_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

# The host runtime (collector, nlr, object model): mpy-host and the runtime
# tests link it.
$(BUILD)/libruntime.a: $(RT_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/mpy-ld: $(LD_OBJ) $(BUILD)/libmpy.a
	$(CC) $(LDFLAGS) -o $@ $^

$(BUILD)/mpy-tool: $(TOOL_OBJ) $(BUILD)/libmpy.a
	$(CC) $(LDFLAGS) -o $@ $^

# mpy-host: MicroPython's unix command over the host runtime.
$(BUILD)/mpy-host: $(HOST_OBJ) $(BUILD)/libruntime.a $(BUILD)/libmpy.a
	$(CC) $(LDFLAGS) -o $@ $^ -lm

$(X86)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) -m32 $(WARN) $(CFLAGS) -Isrc -I. -MMD -MP -c -o $@ $<

$(X86)/libmpy.a: $(X86_MPY_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(X86)/libruntime.a: $(X86_RT_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(X86)/mpy-host: $(X86_HOST_OBJ) $(X86)/libruntime.a $(X86)/libmpy.a
	$(CC) -m32 $(LDFLAGS) -o $@ $^ -lm

# Named mpy-host-ARCH, mpy-host runs as `mpy-host --arch ARCH`.
$(BUILD)/mpy-host-x86: $(BUILD)/mpy-host $(X86)/mpy-host
	ln -sf mpy-host $@

host-x86: $(HOST_X86)

no-host-x86:
	@echo "mpy-host-x86 skipped: $(CC) -m32 cannot link (Debian: gcc-multilib)"

# The firmware: the runtime and mpy-host's front end built bare-metal for a
# target instruction set, as $(BUILD)/ARCH/firmware.elf, which
# `mpy-host --arch ARCH` runs under QEMU's system emulator with semihosting
# (src/baremetal/, docs/qemu.md). The POSIX-only files are left out
# (runtime/platform_posix.c, mpy-host/arch.c: src/baremetal/ has their
# counterparts; base/file.c serves the tools only). One line per
# architecture: its compiler prefix, its flags, and the memory of the QEMU
# board it runs on; per instruction set, the packages of its compiler and the
# QEMU that runs it (docs/qemu.md says which).
FW_SRC = $(filter-out src/runtime/platform_posix.c,$(RT_SRC)) \
    $(filter-out src/base/file.c,$(MPY_SRC)) \
    $(filter-out src/mpy-host/arch.c,$(HOST_SRC)) $(wildcard src/baremetal/*.c)
# The FPU builds keep s22-s31 free: nlr_buf_t saves s16-s21 only (nlr_thumb.c).
FW_ARM_FIXED = $(foreach n,22 23 24 25 26 27 28 29 30 31,-ffixed-s$(n))
# mps2 boards: 4 MB of SSRAM at 0 for code; data, heap and stack in the
# 16 MB of PSRAM, at 0x21000000 on AN385/AN386 and at 0x60000000 on AN500.
fw_mps2_mem = -Wl,--defsym=__flash=0 -Wl,--defsym=__flash_size=0x400000 \
    -Wl,--defsym=__ram=$(1) -Wl,--defsym=__ram_size=0x1000000 \
    -Wl,--defsym=__stack_size=0x100000
FW_LIB = --specs=picolibc.specs --oslib=semihost --crt0=hosted
# virt (RISC-V): 128 MB of RAM at 0x80000000; code in the first 4 MB, then
# data, heap and stack (QEMU loads the ELF there with -bios none).
fw_virt_mem = -Wl,--defsym=__flash=0x80000000 -Wl,--defsym=__flash_size=0x400000 \
    -Wl,--defsym=__ram=0x80400000 -Wl,--defsym=__ram_size=0x7c00000 \
    -Wl,--defsym=__stack_size=0x100000
# sim (xtensa): QEMU has no lx106 board; the `sim` machine's memory holds
# code in sysrom0 at 0x50000000, the rest in sysram0 at 0x60000000
# (src/baremetal/xtensa.ld). picolibc for xtensa has no semihosting library
# and no start-up code for it, and its picolibc.ld puts literals after their
# code: the firmware brings its own (src/baremetal/*_xtensa.c), also linked
# into the tests' programs (FW_OS_SRC). Its specs file is not found by name.
FW_SPECS_xtensa = /usr/lib/xtensa-lx106-elf/picolibc.specs
# The compiler routines Debian's libgcc for lx106 lacks are the SDK's
# (py/libgcc_xtensa.c, which xtensa modules link too).
FW_OS_SRC_xtensa = src/baremetal/crt0_xtensa.c src/baremetal/semihost_xtensa.c py/libgcc_xtensa.c
fw_sim_mem = -nostartfiles -T$(CURDIR)/src/baremetal/xtensa.ld
FW_PKG_arm = gcc-arm-none-eabi picolibc-arm-none-eabi
FW_PKG_riscv = gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf
FW_PKG_xtensa = gcc-xtensa-lx106 picolibc-xtensa-lx106-elf
FW_QEMU_PKG_arm = qemu-system-arm
FW_QEMU_PKG_riscv = qemu-system-misc
FW_QEMU_PKG_xtensa = qemu-system-misc
FW_CROSS_armv6m = arm-none-eabi-
FW_FLAGS_armv6m = -mthumb -mcpu=cortex-m0
FW_CROSS_armv7m = arm-none-eabi-
FW_FLAGS_armv7m = -mthumb -mcpu=cortex-m3
FW_CROSS_armv7emsp = arm-none-eabi-
FW_FLAGS_armv7emsp = -mthumb -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard $(FW_ARM_FIXED)
FW_CROSS_armv7emdp = arm-none-eabi-
FW_FLAGS_armv7emdp = -mthumb -mcpu=cortex-m7 -mfpu=fpv5-d16 -mfloat-abi=hard $(FW_ARM_FIXED)
# The SDK's flags for rv32imc/rv64imc modules (py/dynruntime.mk); rv64's
# code at 0x80000000 is out of reach of the default code model.
FW_CROSS_rv32imc = riscv64-unknown-elf-
FW_FLAGS_rv32imc = -march=rv32imac -mabi=ilp32
FW_CROSS_rv64imc = riscv64-unknown-elf-
FW_FLAGS_rv64imc = -march=rv64imac -mabi=lp64 -mcmodel=medany
# lx106 (call0 ABI, no FPU: libgcc's soft float, see libgcc_xtensa.c).
FW_CROSS_xtensa = xtensa-lx106-elf-
FW_FLAGS_xtensa =
FW_ARCHS = armv6m armv7m armv7emsp armv7emdp rv32imc rv64imc xtensa
FW_LIB_armv6m = $(FW_LIB) $(call fw_mps2_mem,0x21000000)
FW_LIB_armv7m = $(FW_LIB) $(call fw_mps2_mem,0x21000000)
FW_LIB_armv7emsp = $(FW_LIB) $(call fw_mps2_mem,0x21000000)
FW_LIB_armv7emdp = $(FW_LIB) $(call fw_mps2_mem,0x60000000)
FW_LIB_rv32imc = $(FW_LIB) $(fw_virt_mem)
FW_LIB_rv64imc = $(FW_LIB) $(fw_virt_mem)
FW_LIB_xtensa = --specs=$(FW_SPECS_xtensa) $(fw_sim_mem)
FW_ISA_armv6m = arm
FW_ISA_armv7m = arm
FW_ISA_armv7emsp = arm
FW_ISA_armv7emdp = arm
FW_ISA_rv32imc = riscv
FW_ISA_rv64imc = riscv
FW_ISA_xtensa = xtensa
FW_CFLAGS ?= -O2 -g
# The QEMU board of each and the QEMU that emulates it, per architecture or
# per instruction set (src/mpy-host/arch.c runs the firmware on it).
FW_BOARD_armv6m = mps2-an385
FW_BOARD_armv7m = mps2-an385
FW_BOARD_armv7emsp = mps2-an386
FW_BOARD_armv7emdp = mps2-an500
FW_BOARD_rv32imc = virt
FW_BOARD_rv64imc = virt
FW_BOARD_xtensa = sim
FW_QEMU_arm = qemu-system-arm
FW_QEMU_rv32imc = qemu-system-riscv32
FW_QEMU_rv64imc = qemu-system-riscv64
FW_QEMU_xtensa = qemu-system-xtensa
# The core, where the board has several (the sim machine runs any xtensa
# core QEMU knows; lx106 is the ESP8266's).
FW_CPU_xtensa = lx106
# The specs file of picolibc for the target, by name where gcc finds it.
fw_specs = $(or $(FW_SPECS_$(FW_ISA_$(1))),picolibc.specs)

# For tests that build their own programs for a target (tests/runtime/
# ctest.sh) or check what runs them (tests/fw-lib.sh): the architectures,
# and for each its compiler, flags, link flags, the sources a program needs
# beyond picolibc (relative to this folder), picolibc's specs file for
# compiling, board, core and QEMU, and the
# Debian packages of the compiler and of QEMU, as shell words.
fw-archs:
	@echo $(FW_ARCHS)
fw-config-%:
	@echo "FW_CC='$(FW_CROSS_$*)gcc' FW_FLAGS='$(FW_FLAGS_$*)' FW_LIB='$(FW_LIB_$*)'" \
	    "FW_OS_SRC='$(FW_OS_SRC_$(FW_ISA_$*))' FW_SPECS='$(call fw_specs,$*)'" \
	    "FW_BOARD='$(FW_BOARD_$*)' FW_CPU='$(FW_CPU_$*)' FW_QEMU='$(or $(FW_QEMU_$*),$(FW_QEMU_$(FW_ISA_$*)))'" \
	    "FW_PKG='$(FW_PKG_$(FW_ISA_$*))' FW_QEMU_PKG='$(FW_QEMU_PKG_$(FW_ISA_$*))'"

# Where the cross compiler and its picolibc can link a program.
fw_can_link = $(shell printf 'int main(void) { return 0; }\n' | \
    $(FW_CROSS_$(1))gcc $(FW_FLAGS_$(1)) -x c - -x none $(FW_OS_SRC_$(FW_ISA_$(1))) $(FW_LIB_$(1)) \
    -o /dev/null >/dev/null 2>&1 && echo yes)

define FIRMWARE
FW_OBJ_$(1) = $$(FW_SRC:src/%.c=$(BUILD)/$(1)/obj/%.o) \
    $$(patsubst py/%.c,$(BUILD)/$(1)/obj/py/%.o,$$(filter py/%,$$(FW_OS_SRC_$(FW_ISA_$(1)))))
$(BUILD)/$(1)/obj/%.o: src/%.c
	@mkdir -p $$(dir $$@)
	$(FW_CROSS_$(1))gcc $$(FW_FLAGS_$(1)) $$(WARN) $$(FW_CFLAGS) --specs=$(call fw_specs,$(1)) \
	    -Isrc/baremetal/include -Isrc -I. -MMD -MP -c -o $$@ $$<
$(BUILD)/$(1)/obj/py/%.o: py/%.c
	@mkdir -p $$(dir $$@)
	$(FW_CROSS_$(1))gcc $$(FW_FLAGS_$(1)) $$(WARN) $$(FW_CFLAGS) --specs=$(call fw_specs,$(1)) \
	    -MMD -MP -c -o $$@ $$<
$(BUILD)/$(1)/firmware.elf: $$(FW_OBJ_$(1)) Makefile $(patsubst -T%,%,$(filter -T%,$(FW_LIB_$(1))))
	$(FW_CROSS_$(1))gcc $$(FW_FLAGS_$(1)) $$(FW_LIB_$(1)) -o $$@ $$(filter %.o,$$^) -lm
-include $$(FW_OBJ_$(1):.o=.d)
ifeq ($$(call fw_can_link,$(1)),yes)
firmware: $(BUILD)/$(1)/firmware.elf
else
firmware: firmware-skip-$(1)
endif
.PHONY: firmware-skip-$(1)
firmware-skip-$(1):
	@echo "$(1) firmware skipped: $(FW_CROSS_$(1))gcc with picolibc cannot link (Debian: $(FW_PKG_$(FW_ISA_$(1))))"
endef
$(foreach a,$(FW_ARCHS),$(eval $(call FIRMWARE,$(a))))

# The fuzz targets (tests/fuzz/) as plain programs that run each file named
# on their command line once: make test replays the committed regression
# inputs with them (make fuzz runs the targets under libFuzzer, with clang).
FUZZ_TARGETS = mpy_ld mpy_tool mpy_load compile vm
FUZZ_REPLAY = $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay_%)
FUZZ_OBJ = $(FUZZ_TARGETS:%=$(BUILD)/fuzz/obj/fuzz_%.o) $(BUILD)/fuzz/obj/replay_main.o
FUZZ_TIME ?= 60

.PRECIOUS: $(BUILD)/fuzz/obj/%.o
$(BUILD)/fuzz/obj/%.o: tests/fuzz/%.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -Isrc -I. -MMD -MP -c -o $@ $<

$(BUILD)/fuzz/replay_mpy_ld: $(BUILD)/fuzz/obj/fuzz_mpy_ld.o $(BUILD)/fuzz/obj/replay_main.o \
    $(filter-out %/main.o,$(LD_OBJ)) $(BUILD)/libmpy.a
	$(CC) $(LDFLAGS) -o $@ $^

$(BUILD)/fuzz/replay_mpy_tool: $(BUILD)/fuzz/obj/fuzz_mpy_tool.o $(BUILD)/fuzz/obj/replay_main.o \
    $(filter-out %/main.o,$(TOOL_OBJ)) $(BUILD)/libmpy.a
	$(CC) $(LDFLAGS) -o $@ $^

$(BUILD)/fuzz/replay_%: $(BUILD)/fuzz/obj/fuzz_%.o $(BUILD)/fuzz/obj/replay_main.o \
    $(BUILD)/libruntime.a $(BUILD)/libmpy.a
	$(CC) $(LDFLAGS) -o $@ $^ -lm

fuzz:
	tests/fuzz/run-fuzz.sh $(FUZZ_TIME) $(FUZZ)

-include $(MPY_OBJ:.o=.d) $(LD_OBJ:.o=.d) $(TOOL_OBJ:.o=.d) $(RT_OBJ:.o=.d) $(HOST_OBJ:.o=.d)
-include $(FUZZ_OBJ:.o=.d)
-include $(X86_MPY_OBJ:.o=.d) $(X86_RT_OBJ:.o=.d) $(X86_HOST_OBJ:.o=.d)

demo: all
	@tests/demo.sh $(BUILD)

test: all $(FUZZ_REPLAY)
	@TOOLS_DIR=$(CURDIR)/$(BUILD) TEST_CC="$(CC)" TEST_CFLAGS="$(CFLAGS)" \
	    TEST_LDFLAGS="$(LDFLAGS)" tests/run.sh

bench: all
	@MPY_LD=$(CURDIR)/$(BUILD)/mpy-ld bench/link-bench.sh

deps:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y gcc-multilib g++ \
	    gcc-arm-none-eabi picolibc-arm-none-eabi \
	    gcc-xtensa-lx106 picolibc-xtensa-lx106-elf \
	    gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf \
	    libjsmn-dev qemu-system-arm qemu-system-misc qemu-user

clean:
	rm -rf build build-san
