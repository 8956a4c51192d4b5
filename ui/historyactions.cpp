#include "historyactions.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QUrl>

namespace Gravity {

QList<HistoryAction> historyRowButtons(const HistoryItemState &item)
{
    if (item.hasFile)
        return {HistoryAction::Open, HistoryAction::ShowInFolder};
    return {HistoryAction::Redownload};
}

QList<HistoryAction> historyMenuActions(const HistoryItemState &item)
{
    QList<HistoryAction> actions;
    if (item.hasFile)
        actions << HistoryAction::Open << HistoryAction::ShowInFolder;
    actions << HistoryAction::Redownload << HistoryAction::CopyUrl << HistoryAction::Remove;
    if (item.hasFile)
        actions << HistoryAction::RemoveWithFile;
    return actions;
}

QList<HistoryAction> historyMultiActions()
{
    return {HistoryAction::Redownload, HistoryAction::CopyUrl, HistoryAction::Remove};
}

QString historyActionText(HistoryAction action, int count)
{
    const bool many = count > 1;
    switch (action) {
    case HistoryAction::Redownload:
        return many ? QCoreApplication::translate("Gravity::HistoryAction", "Download %n again", nullptr,
                                                  count)
                    : QCoreApplication::translate("Gravity::HistoryAction", "Download again");
    case HistoryAction::Open:
        return QCoreApplication::translate("Gravity::HistoryAction", "Open file");
    case HistoryAction::ShowInFolder:
        return QCoreApplication::translate("Gravity::HistoryAction", "Show in folder");
    case HistoryAction::CopyUrl:
        return many ? QCoreApplication::translate("Gravity::HistoryAction", "Copy %n links", nullptr, count)
                    : QCoreApplication::translate("Gravity::HistoryAction", "Copy link");
    case HistoryAction::Remove:
        return many ? QCoreApplication::translate("Gravity::HistoryAction", "Remove %n from history", nullptr,
                                                  count)
                    : QCoreApplication::translate("Gravity::HistoryAction", "Remove from history");
    case HistoryAction::RemoveWithFile:
        return QCoreApplication::translate("Gravity::HistoryAction", "Remove from history and delete file…");
    }
    return {};
}

QString historyActionIconName(HistoryAction action)
{
    switch (action) {
    case HistoryAction::Redownload:
        return QStringLiteral("retry");
    case HistoryAction::Open:
        return QStringLiteral("open");
    case HistoryAction::ShowInFolder:
        return QStringLiteral("folder");
    case HistoryAction::CopyUrl:
        return QStringLiteral("link");
    case HistoryAction::Remove:
        return QStringLiteral("cancel");
    case HistoryAction::RemoveWithFile:
        return QStringLiteral("remove");
    }
    return {};
}

QString openDownloadedFile(const QString &filePath)
{
    if (filePath.isEmpty())
        return {};
    if (!QFileInfo::exists(filePath)) {
        return QCoreApplication::translate("Gravity::HistoryAction", "“%1” is no longer where it was saved")
            .arg(QFileInfo(filePath).fileName());
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(filePath));
    return {};
}

QString showDownloadFolder(const QString &filePath, const QString &outputDir)
{
    // Selecting the file inside its folder needs each file manager's private interface; opening the folder
    // works everywhere.
    const QString folder = filePath.isEmpty() ? outputDir : QFileInfo(filePath).absolutePath();
    if (folder.isEmpty())
        return {};
    if (!QFileInfo(folder).isDir()) {
        return QCoreApplication::translate("Gravity::HistoryAction", "The folder “%1” no longer exists")
            .arg(QDir::toNativeSeparators(folder));
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
    return {};
}

QString copyLinks(const QStringList &urls)
{
    if (urls.isEmpty())
        return {};
    QGuiApplication::clipboard()->setText(urls.join(u'\n'));
    return urls.size() == 1 ? QCoreApplication::translate("Gravity::HistoryAction", "Link copied")
                            : QCoreApplication::translate("Gravity::HistoryAction", "%n links copied",
                                                          nullptr, int(urls.size()));
}

} // namespace Gravity
