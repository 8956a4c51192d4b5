#pragma once

#include <QtGlobal>

// The window's entry point, the one symbol the executable looks up in the window's module. C linkage, so its
// name is the same from every compiler.
extern "C" {
// Opens the window with the program's arguments and runs until it quits; returns the exit status.
Q_DECL_EXPORT int gravity_run_window(int argc, char **argv);
}
