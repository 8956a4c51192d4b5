// MainWindow: importing a text file of links (the gear menu, a dropped .txt). In a file of its own so the
// window's main file keeps to building and wiring the page.

#include "mainwindow.h"

#include "batchfile.h"

#include <QFileInfo>

namespace Gravity {

void MainWindow::importLinksFrom(const QString &path)
{
    showPage(WindowHeader::Page::Download);
    const BatchFile batch = readBatchFile(path);
    if (!batch.error.isEmpty()) {
        showMessage(batch.error, QStringLiteral("error"));
        return;
    }
    if (batch.accepted.isEmpty() && batch.rejected.isEmpty()) {
        showMessage(tr("There are no links in %1.").arg(QFileInfo(path).fileName()), QStringLiteral("error"));
        return;
    }
    QStringList links;
    for (const BatchFileLine &line : batch.accepted)
        links << line.url.input;
    if (!links.isEmpty())
        queueInBackground(links);
    const QString name = QFileInfo(path).fileName();
    QStringList lines{
        tr("%n link(s) from %1 are being read and downloaded.", nullptr, int(links.size())).arg(name)};
    if (batch.truncated)
        lines << tr("Only the first %n link(s) of the file were read.", nullptr,
                    int(batch.accepted.size() + batch.rejected.size()));
    if (!batch.rejected.isEmpty()) {
        lines << tr("%n line(s) were rejected:", nullptr, int(batch.rejected.size()));
        // The first few are enough to find the mistake; a message is no place for a thousand lines.
        constexpr int Shown = 10;
        for (qsizetype i = 0; i < qMin<qsizetype>(Shown, batch.rejected.size()); ++i)
            lines << batchRejectText(batch.rejected.at(i));
        if (batch.rejected.size() > Shown)
            lines << tr("…and %n more.", nullptr, int(batch.rejected.size() - Shown));
    }
    showMessage(lines.join(QLatin1Char('\n')), batch.rejected.isEmpty() && !links.isEmpty()
                                                   ? QStringLiteral("hint")
                                                   : QStringLiteral("error"));
}

} // namespace Gravity
