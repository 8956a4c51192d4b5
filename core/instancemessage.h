#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

#include <optional>

namespace Gravity {

// What a second launch hands to the running window: {"gravity":1,"urls":["…",…]}, compact UTF-8 JSON with no
// raw newline in it (so a newline can end it on the wire). An empty list means "come to the front".
//
// The bytes come from another process, so decoding trusts nothing: the limits below, valid UTF-8, exactly
// the two keys, a version it knows, and only strings — none with NUL or an unpaired surrogate. What it lets
// through is still only text: the window's URL recognizer decides what is a usable link.
inline constexpr int InstanceMessageVersion = 1;
inline constexpr qsizetype MaxInstanceMessageBytes = 1024 * 1024;
inline constexpr qsizetype MaxInstanceMessageUrls = 1000;
inline constexpr qsizetype MaxInstanceMessageUrlBytes = 8 * 1024; // of UTF-8; the recognizer takes 4 KiB

// Keeps the URLs in order, as many as fit the limits; skips those decoding would refuse (over the per-URL
// limit, with NUL or an unpaired surrogate), which the recognizer would refuse anyway. The result always
// decodes.
[[nodiscard]] QByteArray encodeInstanceMessage(const QStringList &urls);

// The URLs of a version-1 message within the limits; nullopt for anything else. Pure: no event loop, no
// globals, any bytes at all — a libFuzzer target.
[[nodiscard]] std::optional<QStringList> decodeInstanceMessage(QByteArrayView bytes);

} // namespace Gravity
