#include "downloadactions.h"

#include <QCoreApplication>

namespace Gravity {

QList<DownloadAction> rowButtons(DownloadState state, ErrorKind error)
{
    // Retrying cannot help until the cookies are there: the fix comes first, Remove stays in the menu.
    if (state == DownloadState::Failed && error == ErrorKind::LoginRequired)
        return {DownloadAction::SetUpCookies, DownloadAction::Retry};
    switch (state) {
    case DownloadState::Queued:
        return {DownloadAction::Cancel};
    case DownloadState::Starting:
    case DownloadState::Downloading:
        return {DownloadAction::Pause, DownloadAction::Cancel};
    case DownloadState::PostProcessing:
        return {DownloadAction::Cancel}; // ffmpeg cannot continue a half-written merge
    case DownloadState::Paused:
        return {DownloadAction::Resume, DownloadAction::Cancel};
    case DownloadState::Completed:
        return {DownloadAction::Open, DownloadAction::ShowInFolder};
    case DownloadState::Failed:
    case DownloadState::Cancelled:
        return {DownloadAction::Retry, DownloadAction::Remove};
    }
    return {};
}

QList<DownloadAction> menuActions(DownloadState state, ErrorKind error)
{
    QList<DownloadAction> actions = rowButtons(state, error);
    if (!actions.contains(DownloadAction::Remove) && state == DownloadState::Failed)
        actions << DownloadAction::Remove;
    if (state == DownloadState::Completed)
        actions << DownloadAction::Remove;
    if (state == DownloadState::Queued || state == DownloadState::Paused)
        actions << DownloadAction::Remove;
    actions << DownloadAction::CopyUrl;
    return actions;
}

QString actionText(DownloadAction action)
{
    switch (action) {
    case DownloadAction::Pause:
        return QCoreApplication::translate("Gravity::DownloadAction", "Pause");
    case DownloadAction::Resume:
        return QCoreApplication::translate("Gravity::DownloadAction", "Resume");
    case DownloadAction::Cancel:
        return QCoreApplication::translate("Gravity::DownloadAction", "Cancel");
    case DownloadAction::Retry:
        return QCoreApplication::translate("Gravity::DownloadAction", "Retry");
    case DownloadAction::Open:
        return QCoreApplication::translate("Gravity::DownloadAction", "Open");
    case DownloadAction::ShowInFolder:
        return QCoreApplication::translate("Gravity::DownloadAction", "Show in folder");
    case DownloadAction::CopyUrl:
        return QCoreApplication::translate("Gravity::DownloadAction", "Copy link");
    case DownloadAction::Remove:
        return QCoreApplication::translate("Gravity::DownloadAction", "Remove from list");
    case DownloadAction::SetUpCookies:
        return QCoreApplication::translate("Gravity::DownloadAction", "Set up cookies…");
    }
    return {};
}

QString actionIconName(DownloadAction action)
{
    switch (action) {
    case DownloadAction::Pause:
        return QStringLiteral("pause");
    case DownloadAction::Resume:
        return QStringLiteral("play");
    case DownloadAction::Cancel:
        return QStringLiteral("cancel");
    case DownloadAction::Retry:
        return QStringLiteral("retry");
    case DownloadAction::Open:
        return QStringLiteral("open");
    case DownloadAction::ShowInFolder:
        return QStringLiteral("folder");
    case DownloadAction::CopyUrl:
        return QStringLiteral("paste");
    case DownloadAction::Remove:
        return QStringLiteral("remove");
    case DownloadAction::SetUpCookies:
        return QStringLiteral("settings");
    }
    return {};
}

} // namespace Gravity
