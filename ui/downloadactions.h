#pragma once

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
    Remove
};

[[nodiscard]] QList<DownloadAction> rowButtons(DownloadState state);
[[nodiscard]] QList<DownloadAction> menuActions(DownloadState state);
[[nodiscard]] QString actionText(DownloadAction action); // translated, for menus and tooltips
[[nodiscard]] QString actionIconName(DownloadAction action);

} // namespace Gravity
