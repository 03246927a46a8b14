# Build rules for a dynamic native module (a .mpy holding machine code).
#
# A module's Makefile sets these and then includes this file:
#   MPY_DIR   this SDK's top directory
#   MOD       module name; the output is $(MOD).mpy
#   SRC       sources: .c, .cpp and .S (compiled and linked with mpy-ld) and
#             .py (compiled with mpy-cross and merged in with mpy-tool)
#   ARCH      x86 x64 armv6m armv7m armv7emsp armv7emdp xtensa xtensawin
#             rv32imc rv64imc (these two: MicroPython v1.25 / v1.28 and later,
#             so MPY_VERSION defaults to 6.3 for them)
# and may set:
#   BUILD               directory for intermediate files (default: build)
#   CFLAGS_EXTRA        more compiler flags
#   MICROPY_FLOAT_IMPL  none, float or double (default: the target's own)
#   CROSS / CC / CXX    toolchain prefix / C compiler (default: $(CROSS)gcc) /
#                       C++ compiler (default: $(CROSS)g++)
#   CXXFLAGS_EXTRA      more C++ compiler flags
#   MPY_LD              linker (default: $(MPY_DIR)/build/mpy-ld, built on demand)
#   MPY_TOOL            .mpy merger (default: $(MPY_DIR)/build/mpy-tool)
#   MPY_CROSS           bytecode compiler for .py sources (default: mpy-cross)
#   MPY_VERSION         the firmware the module is for: a .mpy sub-version
#                       (6.1, 6.2, 6.3) or a MicroPython release (v1.20 ...
#                       v1.28); default 6.1 (v1.20, v1.21). mpy-ld writes it
#                       into the config header, which sets the SDK's ABI
#                       (py/mpyabi.h), and into the .mpy header.
#   MPY_EXTERN_SYM_FILE linker script listing symbols at fixed addresses in
#                       the firmware (NAME = 0xADDR; or PROVIDE(NAME = 0xADDR);),
#                       e.g. a chip's ROM functions: mpy-ld --externs
#   ARCH_FLAGS          architecture flags for the .mpy header (mpy-ld
#                       --arch-flags; .mpy 6.3 defines them for rv32imc only)
#   LINK_RUNTIME        1 (default with this SDK's mpy-ld): link the compiler's
#                       libgcc, for helpers such as __aeabi_idiv (on RISC-V
#                       also picolibc's maths functions); 0: do not
#   GC_SECTIONS         1 (default with this SDK's mpy-ld): also compile
#                       each function (not on xtensa) and variable into a
#                       section of its own (GC_CFLAGS, objects in
#                       $(BUILD)/gc/; on Arm also without -fpic), link those
#                       leaving out what mpy_init does not reach (mpy-ld
#                       --gc-sections), and keep that .mpy if it is smaller
#                       than the plain link (which is byte for byte the
#                       reference linker's); 0: the plain link only
#   MAP=1               write the link map $(MOD).map beside the .mpy (mpy-ld
#                       --map: sections, symbols, GOT, mp_fun_table entries,
#                       relocation records)
#   DEBUG_ELF=0         do not write $(MOD).elf (with this project's mpy-ld it
#                       is written beside the .mpy by default: the module as
#                       an ELF file with symbols and line information, for
#                       mpy-tool addr2line, gdb, and mpy-host's crash reports;
#                       the sources are compiled with -g for it, which leaves
#                       the .mpy's bytes unchanged)
#   V=1                 show the commands (and make mpy-ld verbose)
# Targets: all (the default) and clean.

MPY_ARCHS = x86 x64 armv6m armv7m armv7emsp armv7emdp xtensa xtensawin rv32imc rv64imc

BUILD ?= build
ECHO = @echo
RM = rm
MKDIR = mkdir

MPY_LD_DEFAULT = $(MPY_DIR)/build/mpy-ld
MPY_LD ?= $(MPY_LD_DEFAULT)
MPY_TOOL_DEFAULT = $(MPY_DIR)/build/mpy-tool
MPY_TOOL ?= $(MPY_TOOL_DEFAULT)
MPY_CROSS ?= mpy-cross

Q = @
MPY_LD_FLAGS =
ifeq ("$(origin V)", "command line")
ifeq ($(V),1)
Q =
MPY_LD_FLAGS += -vvv
endif
endif

# Whether this run builds anything (a plain "make clean" needs no toolchain).
MPY_BUILDING = $(filter-out clean print-toolchain,$(if $(MAKECMDGOALS),$(MAKECMDGOALS),all))

CONFIG_H = $(BUILD)/$(MOD).config.h

# --mpy-version for mpy-ld, from MPY_VERSION. The config header is made
# again when MPY_VERSION changes (the stamp holds the last value), and with
# it every object.
MPY_LD_VERSION_FLAGS = $(if $(MPY_VERSION),--mpy-version $(MPY_VERSION))
MPY_VERSION_STAMP = $(BUILD)/$(MOD).mpy-version
ifneq ($(MPY_BUILDING),)
$(shell mkdir -p $(BUILD) && { echo '$(MPY_VERSION)' | cmp -s - $(MPY_VERSION_STAMP) || echo '$(MPY_VERSION)' >$(MPY_VERSION_STAMP); })
endif

# The flags every module is compiled with; the per-target ones follow below.
MPY_CFLAGS_COMMON = -std=c99 -Os -Wall -Werror -DNDEBUG -DNO_QSTR -DMICROPY_ENABLE_DYNRUNTIME
MPY_CFLAGS_COMMON += -fpic -fno-common -U_FORTIFY_SOURCE
CFLAGS += -I. -I$(MPY_DIR)
CFLAGS += $(MPY_CFLAGS_COMMON)
CFLAGS += -DMP_CONFIGFILE='<$(CONFIG_H)>'

MPY_CROSS_FLAGS += -march=$(ARCH)

SRC_O += $(addprefix $(BUILD)/, $(patsubst %.c,%.o,$(filter %.c,$(SRC))) $(patsubst %.cpp,%.o,$(filter %.cpp,$(SRC))) $(patsubst %.S,%.o,$(filter %.S,$(SRC))))
# C++ modules also get operator new and delete on the MicroPython heap.
ifneq ($(filter %.cpp,$(SRC)),)
SRC_O += $(BUILD)/natmod_cxx.o
endif
# Linked only when the module has initialised data or constructors (mpy-ld
# --init-object): copies the data into BSS and runs them on import.
NATMOD_INIT_O = $(BUILD)/natmod_init.o
SRC_MPY += $(addprefix $(BUILD)/, $(patsubst %.py,%.mpy,$(filter %.py,$(SRC))))

################################################################################
# Targets: compiler prefix, flags, default float type, and where the C
# library headers live and which Debian packages provide the toolchain.

PICOLIBC_ARM_INC = /usr/lib/picolibc/arm-none-eabi/include
PICOLIBC_XTENSA_INC = /usr/lib/xtensa-lx106-elf/include /usr/lib/picolibc/xtensa-lx106-elf/include
PICOLIBC_RISCV_INC = /usr/lib/picolibc/riscv64-unknown-elf/include
PICOLIBC_RISCV_LIB = /usr/lib/picolibc/riscv64-unknown-elf/lib

# A section per function and per variable, for --gc-sections (GC_SECTIONS).
GC_CFLAGS = -ffunction-sections -fdata-sections
# xtensa code calls a function of another section through a literal, which
# costs a GOT entry and a relocation each: there only variables get sections
# of their own.
XTENSA_GC_CFLAGS = -fdata-sections
# Thumb code without -fpic reaches mp_fun_table, the qstr table and the
# module's own data through absolute addresses in word-aligned literals,
# which the firmware's loader relocates like any other word of text: no GOT,
# and no GOT address to compute in each function (a literal and two
# instructions). About 13% smaller modules (bench/size-bench.sh). Code of
# x86, x64 and RISC-V without -fpic would hold absolute addresses inside
# instructions, where the .mpy format has no relocation.
ARM_GC_CFLAGS := $(GC_CFLAGS) -fno-pic

ifeq ($(ARCH),x86)
CROSS =
ARCH_CFLAGS = -m32 -fno-stack-protector
MICROPY_FLOAT_IMPL ?= double
TOOLCHAIN_PKG = gcc-multilib
else ifeq ($(ARCH),x64)
CROSS =
ARCH_CFLAGS = -fno-stack-protector
MICROPY_FLOAT_IMPL ?= double
TOOLCHAIN_PKG = gcc
else ifeq ($(ARCH),armv6m)
CROSS = arm-none-eabi-
ARCH_CFLAGS = -mthumb -mcpu=cortex-m0
GC_CFLAGS = $(ARM_GC_CFLAGS)
MICROPY_FLOAT_IMPL ?= none
LIBC_INC = $(PICOLIBC_ARM_INC)
TOOLCHAIN_PKG = gcc-arm-none-eabi picolibc-arm-none-eabi
else ifeq ($(ARCH),armv7m)
CROSS = arm-none-eabi-
ARCH_CFLAGS = -mthumb -mcpu=cortex-m3
GC_CFLAGS = $(ARM_GC_CFLAGS)
MICROPY_FLOAT_IMPL ?= none
LIBC_INC = $(PICOLIBC_ARM_INC)
TOOLCHAIN_PKG = gcc-arm-none-eabi picolibc-arm-none-eabi
else ifeq ($(ARCH),armv7emsp)
CROSS = arm-none-eabi-
ARCH_CFLAGS = -mthumb -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard
GC_CFLAGS = $(ARM_GC_CFLAGS)
MICROPY_FLOAT_IMPL ?= float
LIBC_INC = $(PICOLIBC_ARM_INC)
TOOLCHAIN_PKG = gcc-arm-none-eabi picolibc-arm-none-eabi
else ifeq ($(ARCH),armv7emdp)
CROSS = arm-none-eabi-
ARCH_CFLAGS = -mthumb -mcpu=cortex-m7 -mfpu=fpv5-d16 -mfloat-abi=hard
GC_CFLAGS = $(ARM_GC_CFLAGS)
MICROPY_FLOAT_IMPL ?= double
LIBC_INC = $(PICOLIBC_ARM_INC)
TOOLCHAIN_PKG = gcc-arm-none-eabi picolibc-arm-none-eabi
else ifeq ($(ARCH),xtensa)
CROSS = xtensa-lx106-elf-
ARCH_CFLAGS = -mforce-l32
GC_CFLAGS = $(XTENSA_GC_CFLAGS)
MICROPY_FLOAT_IMPL ?= none
LIBC_INC = $(PICOLIBC_XTENSA_INC)
TOOLCHAIN_PKG = gcc-xtensa-lx106 picolibc-xtensa-lx106-elf
# Debian's libgcc for lx106 lacks integer division and soft float: the
# SDK's own (py/libgcc_xtensa.c) links before it.
LIBGCC_EXTRA = $(BUILD)/libgcc_xtensa.a
else ifeq ($(ARCH),xtensawin)
CROSS = xtensa-esp32-elf-
ARCH_CFLAGS =
GC_CFLAGS = $(XTENSA_GC_CFLAGS)
MICROPY_FLOAT_IMPL ?= float
TOOLCHAIN_PKG =
else ifneq ($(filter rv32imc rv64imc,$(ARCH)),)
# The firmware (ESP32-C3/C6, RP2350; the rv64 QEMU port) has no FPU in its
# ABI: soft float (libgcc), single precision as those ports use.
# -mno-relax: mpy-ld does not relax, so the assembler need not keep
# relocations for it.
RISCV_MARCH = $(if $(filter rv32imc,$(ARCH)),rv32imac,rv64imac)
RISCV_MABI = $(if $(filter rv32imc,$(ARCH)),ilp32,lp64)
CROSS = riscv64-unknown-elf-
ARCH_CFLAGS = -march=$(RISCV_MARCH) -mabi=$(RISCV_MABI) -mno-relax
MICROPY_FLOAT_IMPL ?= float
LIBC_INC = $(PICOLIBC_RISCV_INC)
LIBC_LIB = $(PICOLIBC_RISCV_LIB)/$(RISCV_MARCH)/$(RISCV_MABI)/libc.a
TOOLCHAIN_PKG = gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf
else ifneq ($(MPY_BUILDING),)
$(error ARCH '$(ARCH)' is not supported; use one of: $(MPY_ARCHS))
endif

CC = $(CROSS)gcc
CXX = $(CROSS)g++

# C++: the C flags but the language standard, without exceptions and RTTI
# (the firmware has no unwinder nor type information), destructors of
# globals in .fini_array (mpy-ld warns: a module is never unloaded) and no
# locks around static locals (the firmware is single-threaded for modules).
CXXFLAGS += $(filter-out -std=%,$(CFLAGS)) -std=c++17 -fno-exceptions -fno-rtti
CXXFLAGS += -fno-use-cxa-atexit -fno-threadsafe-statics $(CXXFLAGS_EXTRA)

# xtensawin modules can also be built with Debian's lx106 compiler
# (CROSS=xtensa-lx106-elf-): same instruction set, and mpy-ld keeps rodata
# apart as xtensawin needs; its C library headers come from picolibc.
ifeq ($(CROSS),xtensa-lx106-elf-)
LIBC_INC = $(PICOLIBC_XTENSA_INC)
endif

# The target's part of the flags (also printed by print-toolchain).
MPY_CFLAGS_TARGET = $(ARCH_CFLAGS) $(addprefix -isystem ,$(wildcard $(LIBC_INC)))
MPY_CFLAGS_TARGET += -DMICROPY_FLOAT_IMPL=MICROPY_FLOAT_IMPL_$(shell echo $(MICROPY_FLOAT_IMPL) | tr '[:lower:]' '[:upper:]')
CFLAGS += $(MPY_CFLAGS_TARGET)
CFLAGS += $(CFLAGS_EXTRA)

################################################################################
# Tool checks, with a message saying what to install.

ifneq ($(MPY_BUILDING),)

ifneq ($(filter %.cpp,$(SRC)),)
ifeq ($(shell command -v $(firstword $(CXX)) 2>/dev/null),)
$(error ARCH=$(ARCH) needs the C++ compiler $(CXX) for the .cpp sources, which is not installed$(if $(TOOLCHAIN_PKG), (Debian: the package of $(CC) with C++, e.g. g++ or $(firstword $(TOOLCHAIN_PKG)) with libstdc++)))
endif
endif

ifneq ($(filter %.c %.S,$(SRC)),)
ifeq ($(shell command -v $(firstword $(CC)) 2>/dev/null),)
ifeq ($(ARCH),xtensawin)
$(error ARCH=xtensawin needs the ESP32 compiler $(CC), which is not installed. Debian has no package for it: install Espressif's xtensa-esp32-elf toolchain (part of ESP-IDF) and put it on PATH, or build with Debian's lx106 compiler: CROSS=xtensa-lx106-elf- (package gcc-xtensa-lx106))
else
$(error ARCH=$(ARCH) needs the C compiler $(CC), which is not installed (Debian: apt-get install $(TOOLCHAIN_PKG)))
endif
endif
ifneq ($(shell echo '\#include <stdint.h>' | $(CC) $(ARCH_CFLAGS) $(addprefix -isystem ,$(wildcard $(LIBC_INC))) -E -x c - >/dev/null 2>&1 && echo ok),ok)
$(error $(CC) $(ARCH_CFLAGS) cannot find the C library headers (stdint.h)$(if $(TOOLCHAIN_PKG), (Debian: apt-get install $(TOOLCHAIN_PKG))))
endif
endif

ifneq ($(SRC_MPY),)
ifeq ($(shell command -v $(firstword $(MPY_CROSS)) 2>/dev/null),)
$(error SRC has Python files, which need MicroPython's bytecode compiler mpy-cross (v1.21): '$(MPY_CROSS)' was not found; build it from MicroPython's mpy-cross/ directory and set MPY_CROSS=/path/to/mpy-cross)
endif
endif

endif

################################################################################
# Build rules

.PHONY: all clean print-toolchain

all: $(MOD).mpy

clean:
	$(RM) -rf $(BUILD) $(CLEAN_EXTRA)

# The compiler and flags for ARCH, without the module's own parts (include
# paths, config header), e.g. for tests that compile objects as modules are:
#   make -s -f $(MPY_DIR)/py/dynruntime.mk ARCH=armv6m print-toolchain
print-toolchain:
	@$(if $(filter $(ARCH),$(MPY_ARCHS)),true,echo "ARCH '$(ARCH)' is not supported; use one of: $(MPY_ARCHS)" >&2; false)
	@echo 'CC=$(CC)'
	@echo 'CXX=$(CXX)'
	@echo 'CFLAGS=$(strip $(MPY_CFLAGS_COMMON) $(MPY_CFLAGS_TARGET))'
	@echo 'TOOLCHAIN_PKG=$(TOOLCHAIN_PKG)'

# This SDK's linker is built from $(MPY_DIR) the first time it is needed
# (unless MPY_LD names another one). The sub-make must not inherit this
# make's command-line variables (BUILD, V, ...), hence the clean environment.
ifeq ($(MPY_LD),$(MPY_LD_DEFAULT))
MPY_LD_DEP = $(MPY_LD_DEFAULT)
$(MPY_LD_DEFAULT):
	$(ECHO) "MAKE $(MPY_DIR) (to build mpy-ld)"
	$(Q)env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $(MAKE) -C $(MPY_DIR) build/mpy-ld
	$(Q)test -x $@ || { echo "error: 'make -C $(MPY_DIR) build/mpy-ld' did not produce $@" >&2; exit 1; }
endif

# Create the build directories first.
BUILD_DIRS = $(sort $(dir $(CONFIG_H) $(SRC_O) $(NATMOD_INIT_O) $(SRC_MPY)))
$(CONFIG_H) $(SRC_O) $(NATMOD_INIT_O) $(SRC_MPY): | $(BUILD_DIRS)
$(BUILD_DIRS):
	$(Q)$(MKDIR) -p $@

# The module's qstr numbering, from the MP_QSTR_xxx names in the sources.
$(CONFIG_H): $(SRC) $(MPY_VERSION_STAMP) | $(MPY_LD_DEP)
	$(ECHO) "GEN $@"
	$(Q)$(MPY_LD) $(MPY_LD_FLAGS) $(MPY_LD_VERSION_FLAGS) --arch $(ARCH) --preprocess -o $@ $(SRC)

MODULE_MAKEFILE = $(firstword $(MAKEFILE_LIST))

# mpy_compile_rules DIR, EXTRA FLAGS, NOTE: how the module's sources (and
# the SDK's C++ support) compile into objects in DIR.
define mpy_compile_rules
$(1)%.o: %.c $$(CONFIG_H) $$(MODULE_MAKEFILE)
	$$(ECHO) "CC $$<$(3)"
	$$(Q)$$(CC) $$(CFLAGS) $(2) -MMD -MP -o $$@ -c $$<

$(1)%.o: %.cpp $$(CONFIG_H) $$(MODULE_MAKEFILE)
	$$(ECHO) "CXX $$<$(3)"
	$$(Q)$$(CXX) $$(CXXFLAGS) $(2) -MMD -MP -o $$@ -c $$<

$(1)%.o: %.S $$(CONFIG_H) $$(MODULE_MAKEFILE)
	$$(ECHO) "AS $$<$(3)"
	$$(Q)$$(CC) $$(CFLAGS) $(2) -MMD -MP -o $$@ -c $$<

$(1)natmod_cxx.o: $$(MPY_DIR)/py/natmod_cxx.cpp $$(CONFIG_H) $$(MODULE_MAKEFILE)
	$$(ECHO) "CXX $$<$(3)"
	$$(Q)$$(CXX) $$(CXXFLAGS) $(2) -MMD -MP -o $$@ -c $$<
endef
$(eval $(call mpy_compile_rules,$(BUILD)/))

# The SDK's init object, compiled as the module's sources.
$(BUILD)/natmod_init.o: $(MPY_DIR)/py/natmod_init.c $(CONFIG_H) $(MODULE_MAKEFILE)
	$(ECHO) "CC $<"
	$(Q)$(CC) $(CFLAGS) -MMD -MP -o $@ -c $<

# The compiler routines Debian's xtensa libgcc lacks, as a library that
# mpy-ld takes only when a module calls one of them.
$(BUILD)/libgcc_xtensa.a: $(MPY_DIR)/py/libgcc_xtensa.c $(CONFIG_H) $(MODULE_MAKEFILE)
	$(ECHO) "CC $<"
	$(Q)$(CC) $(CFLAGS) -MMD -MP -o $(@:.a=.o) -c $<
	$(Q)rm -f $@
	$(Q)$(CROSS)ar rcs $@ $(@:.a=.o)

$(BUILD)/%.mpy: %.py
	$(ECHO) "MPY $<"
	$(Q)$(MPY_CROSS) $(MPY_CROSS_FLAGS) -o $@ $<

# libgcc holds the routines compilers call for division, switch tables and
# soft floating point (__aeabi_idiv, __gnu_thumb1_case_uqi, __addsf3...);
# mpy-ld takes only the members a module needs, so a module that needs none
# links exactly as without it. On by default with this project's mpy-ld
# (the default one, or another build of it that MPY_LD names, which
# `--version` tells); off with another linker, since mpy_ld.py of
# MicroPython v1.21 has no -l.
ifeq ($(MPY_LD),$(MPY_LD_DEFAULT))
MPY_LD_IS_OURS = 1
else ifneq ($(MPY_BUILDING),)
MPY_LD_IS_OURS := $(if $(filter mpy-ld,$(firstword $(shell $(MPY_LD) --version 2>/dev/null))),1,0)
else
MPY_LD_IS_OURS = 0
endif
LINK_RUNTIME ?= $(MPY_LD_IS_OURS)
# On RISC-V it also links picolibc's maths functions (roundf, sqrtf...), as
# MicroPython's own dynruntime.mk does there.
ifeq ($(LINK_RUNTIME),1)
LIBGCC_PATH = $(shell $(CC) $(ARCH_CFLAGS) -print-libgcc-file-name 2>/dev/null)
MPY_LD_LIBS = $(addprefix -l ,$(LIBGCC_EXTRA))
MPY_LD_LIBS += $(if $(wildcard $(LIBGCC_PATH)),-l $(LIBGCC_PATH))
MPY_LD_LIBS += $(addprefix -l ,$(wildcard $(LIBC_LIB)))
endif

# Fixed-address symbols and architecture flags, for the link.
ifneq ($(MPY_EXTERN_SYM_FILE),)
MPY_LD_LINK_FLAGS += --externs $(MPY_EXTERN_SYM_FILE)
endif
ifneq ($(ARCH_FLAGS),)
MPY_LD_LINK_FLAGS += --arch-flags $(ARCH_FLAGS)
endif
# This project's mpy-ld reports the module's size by part, and with MAP=1
# writes the link map $(MOD).map beside the .mpy.
ifeq ($(MPY_LD_IS_OURS),1)
MPY_LD_LINK_FLAGS += --size --init-object $(NATMOD_INIT_O)
MPY_LD_INIT_DEP = $(NATMOD_INIT_O)
endif
CLEAN_EXTRA += $(MOD).map $(MOD).elf
# With this project's mpy-ld, the module is also written as an ELF file with
# symbols and the sources' line information (mpy-ld --debug-elf), which
# names the function and line of a text offset. Debug information lives in
# sections of its own: the .mpy is the same with or without -g.
DEBUG_ELF ?= $(MPY_LD_IS_OURS)
ifeq ($(DEBUG_ELF),1)
CFLAGS += -g
ifeq ($(wildcard $(MOD).elf),)
$(BUILD)/$(MOD).native.mpy: mpy-elf-missing
.PHONY: mpy-elf-missing
mpy-elf-missing:
endif
endif
ifeq ($(MAP),1)
# Link again when the map is missing, even if the module is up to date.
ifeq ($(wildcard $(MOD).map),)
$(BUILD)/$(MOD).native.mpy: mpy-map-missing
.PHONY: mpy-map-missing
mpy-map-missing:
endif
endif

# mpy_link OBJECTS, EXTRA FLAGS, MAP FILE, ELF FILE: the link command. The
# output is always named $@: the .mpy keeps its file name as the source name.
mpy_link = $(MPY_LD) $(MPY_LD_FLAGS) $(MPY_LD_VERSION_FLAGS) $(MPY_LD_LINK_FLAGS) $(2) \
	$(if $(filter 1,$(MAP)),--map $(3)) $(if $(filter 1,$(DEBUG_ELF)),--debug-elf $(4)) \
	--arch $(ARCH) --qstrs $(CONFIG_H) -o $@ $(1) $(MPY_LD_LIBS)

# Dead-code removal needs a section per function and variable to tell them
# apart, and only this project's mpy-ld removes them (mpy_ld.py would link
# the extra sections whole). Those sections cost bytes where code could
# reach a neighbour directly (a 16-bit Thumb branch or a section anchor on
# Arm becomes a 32-bit branch or a literal per variable), so a module with
# nothing to remove can come out larger: both links are made, and the plain
# one is kept unless the other is smaller. The second also records the
# module's name as its source file instead of the path of the .mpy: a qstr
# the firmware interns anyway, where the path would cost the file and the
# firmware's RAM some twenty bytes.
GC_SECTIONS ?= $(MPY_LD_IS_OURS)
ifeq ($(GC_SECTIONS)$(MPY_LD_IS_OURS),11)
SRC_O_GC = $(SRC_O:$(BUILD)/%=$(BUILD)/gc/%)
GC_BUILD_DIRS = $(sort $(dir $(SRC_O_GC)))
$(SRC_O_GC): | $(GC_BUILD_DIRS)
$(GC_BUILD_DIRS):
	$(Q)$(MKDIR) -p $@

$(eval $(call mpy_compile_rules,$(BUILD)/gc/,$(GC_CFLAGS), (sections for --gc-sections)))

# Each link's size report is printed only for the .mpy kept.
$(BUILD)/$(MOD).native.mpy: $(SRC_O) $(SRC_O_GC) $(MPY_LD_INIT_DEP) $(MPY_EXTERN_SYM_FILE) $(if $(filter 1,$(LINK_RUNTIME)),$(LIBGCC_EXTRA)) | $(MPY_LD_DEP)
	$(ECHO) "LINK $@"
	$(Q)rm -f $@.plain
	$(Q)$(call mpy_link,$(SRC_O),,$(BUILD)/$(MOD).plain.map,$(BUILD)/$(MOD).plain.elf) >$@.plain.log
	$(Q)mv $@ $@.plain
	$(Q)if ! $(call mpy_link,$(SRC_O_GC),--gc-sections --source-name $(MOD),$(BUILD)/$(MOD).gc.map,$(BUILD)/$(MOD).gc.elf) >$@.gc.log 2>&1; then \
	    echo "warning: the --gc-sections link failed (GC_SECTIONS=0 skips it):" >&2; sed 's/^/  /' $@.gc.log >&2; rm -f $@; fi
	$(Q)plain=$$(wc -c <$@.plain); gc=$$(if [ -f $@ ]; then wc -c <$@; fi); \
	if [ -n "$$gc" ] && [ "$$gc" -lt "$$plain" ]; then kept=gc; echo "kept the --gc-sections link: $$gc bytes, $$((plain - gc)) fewer than without"; \
	else kept=plain; mv $@.plain $@; echo "kept the plain link: $$plain bytes$${gc:+ ($$gc with --gc-sections)}"; fi; \
	cat $@.$$kept.log; rm -f $@.plain $@.plain.log $@.gc.log; \
	if [ "$(MAP)" = 1 ]; then mv $(BUILD)/$(MOD).$$kept.map $(MOD).map; rm -f $(BUILD)/$(MOD).*.map; fi; \
	if [ "$(DEBUG_ELF)" = 1 ]; then mv $(BUILD)/$(MOD).$$kept.elf $(MOD).elf; rm -f $(BUILD)/$(MOD).*.elf; fi
else
$(BUILD)/$(MOD).native.mpy: $(SRC_O) $(MPY_LD_INIT_DEP) $(MPY_EXTERN_SYM_FILE) $(if $(filter 1,$(LINK_RUNTIME)),$(LIBGCC_EXTRA)) | $(MPY_LD_DEP)
	$(ECHO) "LINK $@"
	$(Q)$(call mpy_link,$(SRC_O),,$(MOD).map,$(MOD).elf)
endif

ifeq ($(MPY_TOOL),$(MPY_TOOL_DEFAULT))
MPY_TOOL_DEP = $(MPY_TOOL_DEFAULT)
$(MPY_TOOL_DEFAULT):
	-$(Q)env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL $(MAKE) -s -C $(MPY_DIR) build/mpy-tool >/dev/null 2>&1
endif

# Which firmware loads the module, from its header (mpy-tool dump), e.g.
# "factorial.mpy: x64 native code for MicroPython v1.20-v1.21 (.mpy 6.1)".
MPY_SAY_RELEASES = r=$$($(MPY_TOOL) dump $@ 2>/dev/null | sed -n 's/^for: //p'); \
	if [ -n "$$r" ]; then echo "$@: $(ARCH) native code for $$r"; fi

# The module: the native part alone, or merged with the compiled .py parts.
ifeq ($(SRC_MPY),)
$(MOD).mpy: $(BUILD)/$(MOD).native.mpy | $(MPY_TOOL_DEP)
	$(ECHO) "GEN $@"
	$(Q)cp $< $@
	$(Q)$(MPY_SAY_RELEASES)
else
$(MOD).mpy: $(BUILD)/$(MOD).native.mpy $(SRC_MPY) | $(MPY_TOOL_DEP)
	$(ECHO) "GEN $@"
	$(Q)command -v $(firstword $(MPY_TOOL)) >/dev/null || { echo "error: merging the Python code into $@ needs mpy-tool, but '$(MPY_TOOL)' does not exist (build it with 'make -C $(MPY_DIR)', or set MPY_TOOL)" >&2; exit 1; }
	$(Q)$(MPY_TOOL) merge -o $@ $^
	$(Q)$(MPY_SAY_RELEASES)
endif

-include $(SRC_O:.o=.d) $(SRC_O_GC:.o=.d) $(NATMOD_INIT_O:.o=.d)
