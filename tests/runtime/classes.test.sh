#!/usr/bin/env bash
# Classes defined in Python (objclass.c and the compiler's class statement),
# run by mpy-host and mpy-host-x86: each
# tests/runtime/classes/NAME.py must print NAME.py.exp, the output of
# MicroPython v1.21's unix port for the same script (made with
#   micropython NAME.py > NAME.py.exp 2>&1
# in that folder).
source "$(dirname "$0")/../lib.sh"
host_scripts_test runtime/classes "$TOP/tests/runtime/classes"
