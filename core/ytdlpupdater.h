#pragma once

#include "engineconfig.h"
#include "processrunner.h"

#include <QObject>
#include <QStringList>

namespace Gravity {

// What `yt-dlp -U` came to, for people: ok, a translated sentence, and yt-dlp's own last words.
struct YtDlpUpdateResult
{
    bool ok = false;
    QString message; // translated
    QString detail;  // yt-dlp's output, untranslated
};

// Replaces Gravity's own yt-dlp with the newest release of a channel by running the binary's own updater.
// Refuses (without starting anything) any binary that classifyYtDlpInstall() does not call Gravity's own:
// a distribution's yt-dlp is updated by its package manager, never here.
class YtDlpUpdater final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YtDlpUpdater)

public:
    enum class Channel
    {
        Stable,
        Nightly
    };

    explicit YtDlpUpdater(QObject *parent = nullptr);
    ~YtDlpUpdater() override;

    // The arguments for a binary of `version`: --update-to (which can switch channels) came with 2023.03.04;
    // older ones only know -U, which stays on the stable channel.
    [[nodiscard]] static QStringList updateArguments(Channel channel, const QString &version,
                                                     const NetworkConfig &network);
    [[nodiscard]] static bool supportsChannels(const QString &version);
    // Turns the process's end and its output into what the user reads.
    [[nodiscard]] static YtDlpUpdateResult summarize(const ProcessRunner::Outcome &outcome,
                                                     const QStringList &output);

    // Tests point this at a temporary folder; the app keeps ownYtDlpFolders().
    void setOwnFolders(const QStringList &folders) { m_ownFolders = folders; }
    // Starts the update; finished() follows exactly once (at once when the binary is not Gravity's own).
    void start(const QString &path, const QString &version, Channel channel, const NetworkConfig &network);
    void cancel();
    [[nodiscard]] bool isRunning() const;

signals:
    void finished(const Gravity::YtDlpUpdateResult &result);

private:
    QStringList m_ownFolders;
    ProcessRunner *m_runner = nullptr;
    QStringList m_output;
};

} // namespace Gravity

Q_DECLARE_METATYPE(Gravity::YtDlpUpdateResult)
