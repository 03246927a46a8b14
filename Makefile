# Top-level build: the tools (mpy-ld, ...), the demo and the test suite.
#   make            build the tools (mpy-ld, mpy-tool) into build/
#   make demo       build everything and run the quick-start demo
#   make test       run the whole test suite (SANITIZE=1: under ASan+UBSan)
#   make deps       install the Debian packages for the cross-architecture parts

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

.PHONY: all demo test deps clean bench
all: $(BUILD)/mpy-ld $(BUILD)/mpy-tool $(BUILD)/libruntime.a

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

-include $(MPY_OBJ:.o=.d) $(LD_OBJ:.o=.d) $(TOOL_OBJ:.o=.d) $(RT_OBJ:.o=.d)

demo: all
	@tests/demo.sh $(BUILD)

test: all
	@TOOLS_DIR=$(CURDIR)/$(BUILD) TEST_CC="$(CC)" TEST_CFLAGS="$(CFLAGS)" \
	    TEST_LDFLAGS="$(LDFLAGS)" tests/run.sh

bench: all
	@MPY_LD=$(CURDIR)/$(BUILD)/mpy-ld bench/link-bench.sh

deps:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y gcc-multilib \
	    gcc-arm-none-eabi picolibc-arm-none-eabi \
	    gcc-xtensa-lx106 picolibc-xtensa-lx106-elf \
	    libjsmn-dev qemu-system-arm qemu-system-misc

clean:
	rm -rf build build-san
