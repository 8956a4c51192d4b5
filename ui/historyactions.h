#pragma once

#include "downloadtask.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Gravity {

// What a person can do with a history entry. A row shows the one or two that matter as buttons; the context
// menu lists every one that applies to the selection.
enum class HistoryAction
{
    Redownload,
    Open,
    ShowInFolder,
    CopyUrl,
    Remove,
    RemoveWithFile
};

// What the actions depend on: the entry's end state and whether its file is (believed to be) there.
struct HistoryItemState
{
    DownloadState state = DownloadState::Completed;
    bool hasFile = false; // completed with a file path whose file has not been found missing
};

[[nodiscard]] QList<HistoryAction> historyRowButtons(const HistoryItemState &item);
// For one selected entry; several selected get historyMultiActions().
[[nodiscard]] QList<HistoryAction> historyMenuActions(const HistoryItemState &item);
[[nodiscard]] QList<HistoryAction> historyMultiActions();
// Translated, for menus and tooltips; count > 1 names a multiple selection ("Copy 3 links").
[[nodiscard]] QString historyActionText(HistoryAction action, int count = 1);
[[nodiscard]] QString historyActionIconName(HistoryAction action);

// Doing the ones that reach outside the history. Each returns one line to tell the person, empty when the
// desktop took over (the file or folder opened).
[[nodiscard]] QString openDownloadedFile(const QString &filePath);
// The file's folder, or outputDir when there is no file path.
[[nodiscard]] QString showDownloadFolder(const QString &filePath, const QString &outputDir);
[[nodiscard]] QString copyLinks(const QStringList &urls); // one per line

} // namespace Gravity
