#pragma once

#include <QWidget>

class QAbstractButton;
class QButtonGroup;

namespace Gravity {

class AppSettings;
class Theme;

// The strip above the pages: the app's name, the page switch (Download / History) and the menu (settings,
// appearance, clipboard offer). It only says what was asked for; the window acts on it.
class WindowHeader final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowHeader)

public:
    enum class Page
    {
        Download,
        History
    };

    // withHistory false: no page switch (a window without a history store).
    WindowHeader(AppSettings *settings, Theme *theme, bool withHistory, QWidget *parent = nullptr);

    void setCurrentPage(Page page); // shows it checked; emits nothing
    [[nodiscard]] Page currentPage() const;

signals:
    void pageRequested(Gravity::WindowHeader::Page page);
    void settingsRequested();
    void importRequested(); // "Import links from a file…"

private:
    QWidget *buildPageSwitch();
    QAbstractButton *buildMenuButton();

    AppSettings *m_settings;
    Theme *m_theme;
    QButtonGroup *m_pages = nullptr;
};

} // namespace Gravity
