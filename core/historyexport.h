#pragma once

#include "historyentry.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Gravity {

// The history in files people take elsewhere. Pure functions over a list (newest first, as the store gives
// it), so a caller with 100,000 entries can run them on a worker thread.

// A JSON array of the same objects the history file holds.
[[nodiscard]] QByteArray historyToJson(const QList<HistoryEntry> &entries);
// RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break, with
// quotes doubled. UTF-8 with a byte-order mark, which spreadsheet programs need to read it as UTF-8. Cells
// that begin with = + - @ (or a tab or carriage return) get a leading apostrophe, so a title such as
// "=HYPERLINK(…)" stays text instead of becoming a formula.
[[nodiscard]] QByteArray historyToCsv(const QList<HistoryEntry> &entries);

// Writes through QSaveFile; false with the system's reason in *error.
bool writeHistoryExport(const QString &path, const QByteArray &data, QString *error = nullptr);

} // namespace Gravity
