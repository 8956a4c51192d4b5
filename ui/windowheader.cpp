#include "windowheader.h"

#include "appsettings.h"
#include "theme.h"

#include <QAction>
#include <QActionGroup>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>

#include <utility>

namespace Gravity {

WindowHeader::WindowHeader(AppSettings *settings, Theme *theme, bool withHistory, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_theme(theme)
{
    auto *icon = new QLabel(this);
    icon->setPixmap(Theme::appIcon().pixmap(30, 30)); // not QIcon's SVG plugin: see appIcon()
    auto *name = new QLabel(tr("Gravity"), this);
    name->setProperty("role", QStringLiteral("title"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(icon);
    layout->addWidget(name);
    layout->addSpacing(12);
    if (withHistory)
        layout->addWidget(buildPageSwitch());
    layout->addStretch();
    layout->addWidget(buildMenuButton());
}

QWidget *WindowHeader::buildPageSwitch()
{
    auto *pageSwitch = new QWidget(this);
    pageSwitch->setObjectName(QStringLiteral("pageSwitch"));
    auto *layout = new QHBoxLayout(pageSwitch);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_pages = new QButtonGroup(this);
    m_pages->setExclusive(true);
    const QList<std::tuple<Page, QString, QString, QString>> pages{
        {Page::Download, QStringLiteral("navDownload"), QStringLiteral("download"), tr("&Download")},
        {Page::History, QStringLiteral("navHistory"), QStringLiteral("history"), tr("&History")}};
    for (const auto &[page, objectName, iconName, text] : pages) {
        auto *button = new QToolButton(pageSwitch);
        button->setObjectName(objectName);
        button->setText(text);
        button->setIcon(Theme::icon(iconName));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setCheckable(true);
        button->setProperty("flat", true);
        button->setProperty("nav", true);
        m_pages->addButton(button, int(page));
        layout->addWidget(button);
    }
    m_pages->button(int(Page::Download))->setChecked(true);
    connect(m_pages, &QButtonGroup::idClicked, this, [this](int id) { emit pageRequested(Page(id)); });
    return pageSwitch;
}

QAbstractButton *WindowHeader::buildMenuButton()
{
    auto *menuButton = new QToolButton(this);
    menuButton->setObjectName(QStringLiteral("menuButton"));
    menuButton->setIcon(Theme::icon(QStringLiteral("settings")));
    menuButton->setProperty("flat", true);
    menuButton->setPopupMode(QToolButton::InstantPopup);
    menuButton->setAccessibleName(tr("Menu"));
    menuButton->setToolTip(tr("Menu"));
    auto *menu = new QMenu(menuButton);

    QAction *settings = menu->addAction(tr("&Settings…"));
    settings->setObjectName(QStringLiteral("settingsAction"));
    // Ctrl+, everywhere (most platforms have no standard Preferences key), plus the platform's own if any.
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (const QKeySequence ctrlComma(Qt::CTRL | Qt::Key_Comma); !keys.contains(ctrlComma))
        keys.prepend(ctrlComma);
    settings->setShortcuts(keys);
    settings->setShortcutContext(Qt::WindowShortcut);
    // The menu's actions work from the keyboard while the menu is closed too.
    addAction(settings);
    connect(settings, &QAction::triggered, this, &WindowHeader::settingsRequested);
    QAction *import = menu->addAction(tr("&Import links from a file…"));
    import->setObjectName(QStringLiteral("importLinksAction"));
    connect(import, &QAction::triggered, this, &WindowHeader::importRequested);
    menu->addSeparator();

    auto *themeMenu = menu->addMenu(tr("&Appearance"));
    auto *themeGroup = new QActionGroup(themeMenu);
    const QList<std::pair<ThemeMode, QString>> modes{{ThemeMode::System, tr("Follow the &system")},
                                                     {ThemeMode::Light, tr("&Light")},
                                                     {ThemeMode::Dark, tr("&Dark")}};
    const QString current = m_settings->themeMode();
    for (const auto &[mode, text] : modes) {
        QAction *action = themeMenu->addAction(text);
        action->setCheckable(true);
        action->setChecked(themeModeId(mode) == current);
        themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode = mode] {
            m_settings->setThemeMode(themeModeId(mode));
            if (m_theme)
                m_theme->setMode(mode);
        });
    }
    // The settings dialog may change the theme too: the checked entry follows.
    connect(themeMenu, &QMenu::aboutToShow, this, [this, themeGroup] {
        const QList<QAction *> actions = themeGroup->actions();
        for (qsizetype i = 0; i < actions.size(); ++i)
            actions[i]->setChecked(themeModeId(ThemeMode(i)) == m_settings->themeMode());
    });
    QAction *offer = menu->addAction(tr("&Offer a copied link when Gravity comes to the front"));
    offer->setCheckable(true);
    connect(menu, &QMenu::aboutToShow, this,
            [this, offer] { offer->setChecked(m_settings->offerClipboardUrls()); });
    connect(offer, &QAction::toggled, this, [this](bool on) { m_settings->setOfferClipboardUrls(on); });
    menuButton->setMenu(menu);
    return menuButton;
}

void WindowHeader::setCurrentPage(Page page)
{
    if (m_pages && m_pages->button(int(page)))
        m_pages->button(int(page))->setChecked(true);
}

WindowHeader::Page WindowHeader::currentPage() const
{
    return m_pages && m_pages->checkedId() == int(Page::History) ? Page::History : Page::Download;
}

} // namespace Gravity
