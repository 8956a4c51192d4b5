#pragma once

#include <functional>

class QObject;

namespace Gravity {

// What both the window and --headless set up the same way, in the executable and in the window's module.

// The organisation and application names that place the settings and data folders, and the version.
void describeApplication();

// Ctrl-C and SIGTERM call onSignal from the event loop, with context's lifetime (Unix; nothing elsewhere).
void watchTerminationSignals(QObject *context, const std::function<void()> &onSignal);

} // namespace Gravity
