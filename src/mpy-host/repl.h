// The interactive prompt: ">>> " and "... ", one statement at a time,
// expression values echoed.
#ifndef MPY_HOST_REPL_H
#define MPY_HOST_REPL_H

// Runs until end of input (Ctrl-D) or SystemExit; returns what
// host_run_source returned for the SystemExit, else 0.
int host_repl(void);

#endif
