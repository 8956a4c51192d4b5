// The window's program: everything gravity-downloader does without --headless. Built as a module the
// executable loads only when it opens the window (GRAVITY_WINDOW_MODULE), so `--headless` never maps Qt
// Widgets, Gui, Svg and Network (BENCHMARKS.md, section 2); linked into the executable where that is off.

#include "appsettings.h"
#include "appsetup.h"
#include "commandline.h"
#include "downloadqueue.h"
#include "firstpaintprobe.h"
#include "historyrecorder.h"
#include "historystore.h"
#include "mainwindow.h"
#include "queuejournal.h"
#include "singleinstance.h"
#include "theme.h"
#include "translations.h"
#include "traymonitor.h"
#include "windowentry.h"

#include <QApplication>
#include <QFileInfo>
#include <QLocale>
#include <QTimer>

#include <optional>
#include <utility>

// Everything below lives as long as the event loop: the window, the history, the tray, the journal.
int gravity_run_window(int argc, char **argv)
{
    QApplication app(argc, argv);
    Gravity::describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Gravity"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.gravity.Downloader"));
    Gravity::AppSettings settings;
    // The language chosen in Settings, else the system's; a change applies at the next start.
    Gravity::installTranslations(&app,
                                 settings.language().isEmpty() ? QLocale() : QLocale(settings.language()));
    const std::optional<Gravity::CommandLine> commandLine = Gravity::parseCommandLine(app.arguments());
    if (!commandLine)
        return Gravity::ExitUsage;
    // One window per user: a running Gravity takes our links (or just comes to the front) and we are done.
    // Another launch may take the name between forward() and listen(): then it is the one to hand over to.
    Gravity::SingleInstance instance;
    if (instance.forward(commandLine->urls) || (!instance.listen() && instance.forward(commandLine->urls)))
        return Gravity::ExitOk;

    Gravity::Theme theme(Gravity::themeModeFromId(settings.themeMode()).value_or(Gravity::ThemeMode::System));
    Gravity::HistoryStore history;
    Gravity::MainWindow window(Gravity::applyCommandLine(*commandLine, settings.engineConfig()), &settings,
                               &theme, &history);
    Gravity::reportFirstPaintIfAsked(&window);
    window.show();

    // The history is read on workers once the window has painted: nothing in the first frame shows it, and
    // on two cores its parse takes the CPU the first paint needs. Opening the history page or a finished
    // download reads it sooner. Entries past the user's retention go once it is read.
    QObject::connect(&history, &Gravity::HistoryStore::loaded, &history,
                     [&history, &settings] { history.pruneOlderThan(settings.historyRetentionDays()); });
    QObject::connect(&window, &Gravity::MainWindow::firstPainted, &history,
                     [&history] { history.loadAsync(); });
    Gravity::HistoryRecorder recorder(window.queue(), &history);
    // The tray (when there is one) watches the window's queue, so it goes before the window does.
    Gravity::TrayMonitor tray(window.queue(), &settings, &window);
    window.setTrayAvailable(tray.isAvailable());
    QObject::connect(&window, &Gravity::MainWindow::hiddenToTray, &tray, [&tray, &settings] {
        if (!settings.trayHintShown()) { // the first time ever, not every time
            tray.tellKeptRunning();
            settings.setTrayHintShown(true);
        }
    });
    QObject::connect(&tray, &Gravity::TrayMonitor::rowRequested, &window, &Gravity::MainWindow::showDownload);
    QObject::connect(&tray, &Gravity::TrayMonitor::quitRequested, &window, [&window] {
        window.stopForQuit();
        QApplication::quit();
    });
    // Declared last, so it is saved before the window stops the downloads on the way out.
    std::optional<Gravity::QueueJournal> journal;
    const auto startJournal = [&journal, &window] {
        if (journal)
            return;
        journal.emplace(window.queue(), Gravity::QueueJournal::defaultDirectory());
        window.watchQueueJournal(&*journal);
        journal->restore();
    };
    // Taking the journal's lock syncs the lock file to disk (QLockFile), milliseconds on a busy disk. With no
    // saved downloads (its file is missing or empty), the first frame shows nothing that depends on the
    // journal: it starts once that frame is painted, or when something is queued if that comes first (a
    // window that is never painted still keeps its queue).
    if (QFileInfo(Gravity::QueueJournal::filePathIn(Gravity::QueueJournal::defaultDirectory())).size() > 0) {
        startJournal();
    } else {
        QObject::connect(&window, &Gravity::MainWindow::firstPainted, &window, startJournal);
        QObject::connect(window.queue(), &Gravity::DownloadQueue::taskAdded, &window, startJournal);
    }
    if (!commandLine->urls.isEmpty())
        window.parseUrls(commandLine->urls);
    if (!commandLine->batchFile.isEmpty())
        window.importLinksFrom(commandLine->batchFile);
    // A second launch: its links are parsed in the window, brought to the front; while the window is in the
    // tray they are queued straight away and the tray tells how they end. Without links: to the front.
    bool activationPending = false;
    QObject::connect(&instance, &Gravity::SingleInstance::activationRequested, &tray, [&] {
        activationPending = true;
        QTimer::singleShot(0, &tray, [&] {
            if (std::exchange(activationPending, false))
                tray.showWindow();
        });
    });
    QObject::connect(&instance, &Gravity::SingleInstance::urlsReceived, &window,
                     [&](const QStringList &urls) {
                         activationPending = false;
                         if (tray.isAvailable() && window.isHidden()) {
                             window.queueInBackground(urls);
                             return;
                         }
                         tray.showWindow();
                         window.parseUrls(urls);
                     });
    Gravity::watchTerminationSignals(&window, [] { QApplication::quit(); });
    return app.exec();
}
