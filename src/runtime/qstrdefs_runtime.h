// The runtime's own qstrs, interned after the static ones in this order
// (see runtime/qstrs.h). One file per part of the runtime, so that each
// part adds its names without touching the others'.
#include "runtime/qstrdefs_core.h"
#include "runtime/qstrdefs_objects.h"
#include "runtime/qstrdefs_compile.h"
#include "runtime/qstrdefs_host.h"
#include "runtime/qstrdefs_vm.h"
#include "runtime/qstrdefs_class.h"
#include "runtime/qstrdefs_files.h"
#include "runtime/qstrdefs_compiler.h"
#include "runtime/qstrdefs_math.h"
#include "runtime/qstrdefs_mods.h"
