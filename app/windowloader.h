#pragma once

namespace Gravity {

// Opens the window: loads the window's module (a build with GRAVITY_WINDOW_MODULE) and runs it. A module
// that cannot be loaded (an incomplete installation) is reported on stderr, in the user's language, with the
// loader's reason, and ends the program with ExitWindowUnavailable.
int runWindow(int argc, char **argv);

} // namespace Gravity
