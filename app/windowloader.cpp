#include "windowloader.h"

#include "windowentry.h"

#if defined(GRAVITY_WINDOW_MODULE)
#include "appsetup.h"
#include "commandline.h"
#include "translations.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QLocale>

#include <cstdio>
#include <dlfcn.h>
#include <unistd.h>
#endif

namespace Gravity {

#if defined(GRAVITY_WINDOW_MODULE)
namespace {

using WindowEntry = int (*)(int, char **);

// Where the module may be, relative to the executable's own folder: installed, in the private folder under
// lib (GRAVITY_WINDOW_MODULE_DIR, relative to bin); in a build tree, beside it. Found from the executable's
// real path rather than its run path, which packaging tools (linuxdeploy, chrpath) rewrite.
QList<QByteArray> moduleCandidates()
{
    char self[4096];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0)
        return {};
    QByteArray folder(self, length);
    folder.truncate(folder.lastIndexOf('/') + 1);
    return {folder + GRAVITY_WINDOW_MODULE_DIR "/" GRAVITY_WINDOW_MODULE, folder + GRAVITY_WINDOW_MODULE};
}

WindowEntry loadWindowEntry(QByteArray *error)
{
    const QList<QByteArray> candidates = moduleCandidates();
    for (const QByteArray &path : candidates) {
        if (::access(path.constData(), F_OK) != 0)
            continue;
        // The first one there is the one: a module that is present but cannot load (a missing Qt library)
        // is reported as it is, not hidden behind a search for another.
        void *module = ::dlopen(path.constData(), RTLD_LAZY | RTLD_LOCAL);
        void *entry = module ? ::dlsym(module, "gravity_run_window") : nullptr;
        if (!entry)
            *error = ::dlerror();
        return reinterpret_cast<WindowEntry>(entry);
    }
    *error = "not found: " + candidates.join(", ");
    return nullptr;
}

int reportWindowUnavailable(int argc, char **argv, const QByteArray &reason)
{
    QCoreApplication app(argc, argv);
    describeApplication();
    installTranslations(&app, QLocale());
    const QString message = QCoreApplication::translate(
                                "WindowLoader", "Gravity cannot open its window: %1 is missing or cannot be "
                                                "loaded. Reinstall Gravity; --headless still works.")
                                .arg(QStringLiteral(GRAVITY_WINDOW_MODULE));
    std::fprintf(stderr, "%s\n%s\n", qPrintable(message), reason.constData());
    return ExitWindowUnavailable;
}

} // namespace
#endif

int runWindow(int argc, char **argv)
{
#if defined(GRAVITY_WINDOW_MODULE)
    QByteArray reason;
    const WindowEntry entry = loadWindowEntry(&reason);
    return entry ? entry(argc, argv) : reportWindowUnavailable(argc, argv, reason);
#else
    return gravity_run_window(argc, argv);
#endif
}

} // namespace Gravity
