#pragma once

#include <QString>
#include <QtGlobal>

namespace Gravity {

// Numbers for people, in the user's locale and language. Parsers and core keep raw numbers; these are the
// only place they become words.
[[nodiscard]] QString durationText(double seconds);  // "3:07", "1:02:03"; empty when unknown
[[nodiscard]] QString remainingText(qint64 seconds); // "12 s left", "3 min left", "1 h 5 min left"
[[nodiscard]] QString sizeText(qint64 bytes, bool estimate = false); // "84.2 MB", "~1.4 GB"; empty when < 0
[[nodiscard]] QString speedText(double bytesPerSecond);              // "2.1 MB/s"

} // namespace Gravity
