#pragma once

#include "settingspage.h"
#include "settingswidgets.h"
#include "toollocator.h"
#include "ytdlpinstall.h"

#include <QDate>
#include <QFutureWatcher>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Gravity {

class YtDlpUpdatePanel;

// What a check of one tool found: where it is (empty: nowhere), its version when it ran, and where the
// automatic search would look.
struct ToolCheck
{
    QString path;
    std::optional<QString> version;
    QString automaticPath;
    YtDlpInstall install = YtDlpInstall::Missing; // yt-dlp only: whether Gravity may update it
};

// The external programs and how long Gravity waits for them. Each program's version is found off the GUI
// thread and found again whenever its path changes.
class SettingsToolsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsToolsPage)

public:
    explicit SettingsToolsPage(QWidget *parent = nullptr);
    ~SettingsToolsPage() override;

    [[nodiscard]] QString title() const override;
    void load(const AppSettings &settings) override;
    void save(AppSettings &settings) const override;

    // True while a version is still being found (for tests).
    [[nodiscard]] bool isChecking() const;
    // The day versions are measured against (tests fix it; the page uses today).
    void setToday(const QDate &today) { m_today = today; }
    [[nodiscard]] YtDlpUpdatePanel *updatePanel() const { return m_update; }

private:
    struct ToolField
    {
        Tool tool;
        QLineEdit *path = nullptr;
        QPushButton *browse = nullptr;
        QLabel *status = nullptr;
        QTimer *debounce = nullptr;
        QFutureWatcher<ToolCheck> *watcher = nullptr;
        // From check() until its answer is shown: the watcher stops running before finished() arrives.
        bool pending = false;
    };

    void addToolRow(ToolField &field, const QString &label, const QString &objectName);
    void check(ToolField &field);
    void showCheck(ToolField &field, const ToolCheck &result);
    void choose(ToolField &field);

    ToolField m_ytDlp{Tool::YtDlp};
    ToolField m_ffmpeg{Tool::Ffmpeg};
    QLabel *m_ytDlpAge = nullptr;
    YtDlpUpdatePanel *m_update = nullptr;
    QDate m_today;
    PhraseSpinBox *m_probeTimeout;
    PhraseSpinBox *m_stallTimeout;
    PhraseSpinBox *m_timeLimit;
};

} // namespace Gravity
