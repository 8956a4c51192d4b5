#pragma once

#include "downloaderror.h"
#include "downloadtask.h"

#include <QList>
#include <QString>

namespace Gravity {

// What a person can do with one download row. The row shows the one or two that matter in its state as
// buttons; the context menu lists every one that applies.
enum class DownloadAction
{
    Pause,
    Resume,
    Cancel,
    Retry,
    Open,
    ShowInFolder,
    CopyUrl,
    Remove,
    SetUpCookies // a download that needs a login: opens the cookies setting
};

// error: why a failed download failed; a login it needed puts "Set up cookies…" first.
[[nodiscard]] QList<DownloadAction> rowButtons(DownloadState state, ErrorKind error = ErrorKind::None);
[[nodiscard]] QList<DownloadAction> menuActions(DownloadState state, ErrorKind error = ErrorKind::None);
[[nodiscard]] QString actionText(DownloadAction action); // translated, for menus and tooltips
[[nodiscard]] QString actionIconName(DownloadAction action);

} // namespace Gravity
