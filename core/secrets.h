#pragma once

#include "engineconfig.h"

#include <QString>
#include <QStringList>

namespace Gravity {

// What a proxy's credentials look like wherever yt-dlp may echo them: the manual proxy URL's userinfo, raw
// and decoded, and the password alone, raw and percent-encoded. Empty when nothing is secret.
[[nodiscard]] QStringList secretsOf(const NetworkConfig &network);

// `text` (yt-dlp's words on their way into an error detail, history, a log or --json) with every secret of
// `network` replaced by "***", and the userinfo of any URL that carries a password ("scheme://u:p@") too.
// A password shorter than 3 characters is only redacted inside a URL: replacing every "a" of a message would
// hide the message, not a secret.
[[nodiscard]] QString redactSecrets(QString text, const NetworkConfig &network);

} // namespace Gravity
