#!/usr/bin/env bash
# Imports: packages whose __init__ is a .py or a .mpy importing their own
# submodules, and a module whose top-level code fails (not left in
# sys.modules, run again on the next import). Output compared with
# MicroPython v1.21's (tests/host/imports/README.md).
source "$(dirname "$0")/../lib.sh"
host_scripts_test host/imports "$TOP/tests/host/imports"
