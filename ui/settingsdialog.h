#pragma once

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace Gravity {

class AppSettings;
class SettingsPage;

// The preferences: a list of sections beside the current section's page. Shows what the settings hold when
// created, writes them on OK or Apply and then emits applied(), and writes nothing on Cancel. While a page
// holds something that cannot be saved (an invalid file name template, a manual proxy without a host), OK and
// Apply are disabled and the reason is shown above the buttons. Create one per showing: it does not follow
// changes made elsewhere while it is open.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    enum class Page
    {
        Downloads,
        Network,
        Tools,
        Appearance,
        Behaviour
    };

    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void showPage(Page page);
    [[nodiscard]] Page currentPage() const;
    [[nodiscard]] SettingsPage *page(Page page) const;

    // Why the settings cannot be saved as they stand, or empty when they can.
    [[nodiscard]] QString problem() const;
    // True when something was edited since the dialog opened or since the last Apply.
    [[nodiscard]] bool isModified() const { return m_modified; }

    // Writes every page and emits applied(); writes nothing and returns false while problem() is not empty.
    bool apply();
    // Puts the current page back to Gravity's defaults; saved by OK or Apply like any other edit.
    void restoreDefaults();

signals:
    // The settings were written (OK or Apply): the window takes the new limits, theme and engine config.
    void applied();

private:
    void addPage(SettingsPage *page);
    void setModified();
    void updateButtons();

    AppSettings *m_settings;
    QListWidget *m_sections;
    QStackedWidget *m_stack;
    QLabel *m_pageTitle;
    QLabel *m_problem;
    QPushButton *m_restoreDefaults = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QList<SettingsPage *> m_pages;
    bool m_modified = false;
};

} // namespace Gravity
