#!/usr/bin/env bash
# The built-in functions and modules of mpy-host (and mpy-host-x86): each
# tests/host/builtins/NAME.py must print NAME.py.exp, the output of
# MicroPython v1.21's unix port for the same script (made with
#   micropython NAME.py > NAME.py.exp 2>&1
# in that folder).
source "$(dirname "$0")/../lib.sh"
host_scripts_test host/builtins "$TOP/tests/host/builtins"
