# shellcheck shell=bash
# The architectures whose runtime is bare-metal firmware under QEMU's system
# emulator (docs/qemu.md), as the Makefile describes them; sourced after
# tests/lib.sh.

# fw_archs: their names, one line.
fw_archs() { make -s -C "$TOP" fw-archs; }

# fw_config ARCH: sets FW_CC, FW_FLAGS, FW_LIB, FW_OS_SRC, FW_SPECS,
# FW_BOARD, FW_CPU, FW_QEMU, FW_PKG and FW_QEMU_PKG for ARCH
# (make fw-config-ARCH).
fw_config() { eval "$(make -s -C "$TOP" "fw-config-$1")"; }

# fw_missing: why programs for the architecture of the last fw_config
# cannot be built or run here, or nothing.
fw_missing() {
    have_tool "$FW_CC" || { echo "$FW_CC not installed (Debian: $FW_PKG)"; return; }
    have_tool "$FW_QEMU" || echo "$FW_QEMU not installed (Debian: $FW_QEMU_PKG)"
}

# fw_runner OUT ELF: writes OUT, a command that runs the program ELF on the
# board of the last fw_config, its output and exit status through
# semihosting (as src/mpy-host/arch.c runs the firmware).
fw_runner() {
    printf '#!/bin/sh\nexec timeout 60 %s -M %s %s -bios none -nographic -monitor none -serial none -semihosting-config enable=on,target=native -kernel "%s"\n' \
        "$FW_QEMU" "$FW_BOARD" "${FW_CPU:+-cpu $FW_CPU}" "$2" >"$1"
    chmod +x "$1"
}

# fw_arch_missing ARCH: why `mpy-host --arch ARCH` cannot run here (no
# compiler, QEMU or firmware build), or nothing. Sets what fw_config sets.
fw_arch_missing() {
    fw_config "$1"
    local why
    why=$(fw_missing)
    [ -z "$why" ] || { echo "$why"; return; }
    [ -f "$TOOLS_DIR/$1/firmware.elf" ] || echo "no $1 firmware: make firmware (needs $FW_PKG)"
}

# fw_host_command OUT ARCH: writes OUT, a command that runs `mpy-host --arch
# ARCH` with its arguments.
fw_host_command() {
    printf '#!/bin/sh\nexec "%s" --arch %s "$@"\n' "$TOOLS_DIR/mpy-host" "$2" >"$1"
    chmod +x "$1"
}

# fw_os_src: the sources a program for the architecture of the last
# fw_config needs beyond picolibc (start-up, console, exit: xtensa's), as
# paths, one per line.
fw_os_src() {
    local f
    for f in $FW_OS_SRC; do
        echo "$TOP/$f"
    done
}
