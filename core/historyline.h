#pragma once

#include <QByteArray>
#include <QByteArrayView>

// A history line as the store keeps it in memory: the compact JSON with its most common pieces (the keys,
// a few URL prefixes and values) each replaced by one control byte. Compact JSON never holds a raw byte
// below 0x20 (the writer escapes them), so the bytes are free and unpacking is exact. About a third smaller
// for a typical line, at a microsecond or two each way; the file itself stays plain JSON Lines.
namespace Gravity::HistoryLine {

// A line holding any byte below 0x20 (hand-edited whitespace) is kept as it is.
[[nodiscard]] QByteArray pack(QByteArrayView line);
// The line exactly as it was given to pack().
[[nodiscard]] QByteArray unpack(QByteArrayView packed);

} // namespace Gravity::HistoryLine
