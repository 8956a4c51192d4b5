// gravity-downloader: --headless and the other script commands run here, on Qt Core alone; the window is
// opened by runWindow() (windowloader.cpp), from a module loaded only then where the build has one.

#include "appsettings.h"
#include "appsetup.h"
#include "commandline.h"
#include "headlessrunner.h"
#include "translations.h"
#include "windowloader.h"
#include "ytdlpcommands.h"
#include "ytdlpupdater.h"

#include <QCoreApplication>
#include <QLocale>

#include <optional>

namespace {

int runHeadless(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Gravity::describeApplication();
    Gravity::installTranslations(&app, QLocale());
    std::optional<Gravity::CommandLine> commandLine = Gravity::parseCommandLine(app.arguments());
    if (!commandLine)
        return Gravity::ExitUsage;
    // The tools, proxy, cookies and limits the user set in the window apply to scripts too; the command
    // line overrides them.
    commandLine->engine = Gravity::applyCommandLine(*commandLine, Gravity::AppSettings().engineConfig());
    if (commandLine->showVersion)
        return Gravity::printVersions(commandLine->engine);
    if (commandLine->updateYtDlp) {
        // Its destructor stops a running update when a signal ends the event loop.
        Gravity::YtDlpUpdater updater;
        Gravity::watchTerminationSignals(&updater, [] { QCoreApplication::exit(Gravity::ExitInterrupted); });
        Gravity::startYtDlpUpdate(&updater, *commandLine);
        return app.exec();
    }
    Gravity::HeadlessRunner runner(*commandLine);
    Gravity::watchTerminationSignals(&runner, [&runner] { runner.interrupt(); });
    runner.start();
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    if (Gravity::wantsHeadless(argc, argv))
        return runHeadless(argc, argv);
    return Gravity::runWindow(argc, argv);
}
