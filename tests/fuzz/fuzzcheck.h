#pragma once

#include <cstdio>
#include <cstdlib>

// An invariant a fuzzer checks on every input. Not Q_ASSERT: it must hold in any build type, and abort() is what
// libFuzzer reports as a crash and saves the input for.
#define GRAVITY_FUZZ_CHECK(condition)                                                                      \
    do {                                                                                                   \
        if (!(condition)) {                                                                                \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition);       \
            std::abort();                                                                                  \
        }                                                                                                  \
    } while (false)
