#pragma once

#include "downloaderror.h"
#include "engineconfig.h"
#include "mediainfo.h"

#include <QObject>

#include <optional>

namespace Gravity {

class ProcessRunner;

struct ProbeResult
{
    QString url;
    std::optional<MediaInfo> info;
    DownloadError error; // set when info is empty
};

// Parse: runs `yt-dlp -J --flat-playlist` for one URL and turns its JSON into MediaInfo. Always ends with
// exactly one finished(), also when yt-dlp is missing, times out or is cancelled.
class Prober final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Prober)

public:
    explicit Prober(const EngineConfig &config, QObject *parent = nullptr);
    ~Prober() override;

    // url must already be recognised and normalised (see recognizeUrl).
    void start(const QString &url);
    void cancel();
    [[nodiscard]] bool isRunning() const;

signals:
    void finished(const Gravity::ProbeResult &result);

private:
    void finishWith(ProbeResult result);

    EngineConfig m_config;
    QString m_url;
    ProcessRunner *m_runner = nullptr;
    bool m_running = false;
};

} // namespace Gravity

Q_DECLARE_METATYPE(Gravity::ProbeResult)
