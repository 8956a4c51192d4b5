#include "settingsdialog.h"

#include "appsettings.h"
#include "card.h"
#include "settingsappearancepage.h"
#include "settingsbehaviourpage.h"
#include "settingsdownloadspage.h"
#include "settingsnetworkpage.h"
#include "settingstoolspage.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Gravity {

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_sections(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_pageTitle(new QLabel(this))
    , m_problem(new QLabel(this))
{
    Q_ASSERT(m_settings);
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    resize(820, 680);

    m_sections->setObjectName(QStringLiteral("settingsSections"));
    m_sections->setAccessibleName(tr("Sections"));
    m_sections->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sections->setFrameShape(QFrame::NoFrame);
    m_pageTitle->setProperty("role", QStringLiteral("title"));
    m_pageTitle->setTextFormat(Qt::PlainText);
    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setProperty("role", QStringLiteral("error"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);

    // The frame first and the buttons last: the focus chain follows the order widgets join the dialog, so Tab
    // goes from the sections through the page to the buttons.
    auto *card = new Card(this);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(16, 10, 8, 10);
    cardLayout->setSpacing(10);
    cardLayout->addWidget(m_pageTitle);
    cardLayout->addWidget(m_stack, 1);

    auto *body = new QHBoxLayout;
    body->setSpacing(10);
    body->addWidget(m_sections);
    body->addWidget(card, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 14, 18, 16);
    layout->setSpacing(10);
    layout->addLayout(body, 1);

    // Built in the order of Page.
    addPage(new SettingsDownloadsPage);
    addPage(new SettingsNetworkPage);
    addPage(new SettingsToolsPage);
    addPage(new SettingsAppearancePage);
    addPage(new SettingsBehaviourPage);
    int widest = 0;
    for (int row = 0; row < m_sections->count(); ++row)
        widest = qMax(widest, m_sections->fontMetrics().horizontalAdvance(m_sections->item(row)->text()));
    m_sections->setFixedWidth(widest + 56); // the item's padding, its rounded selection and the focus ring

    m_restoreDefaults = new QPushButton(tr("Restore &Defaults"), this);
    m_buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);

    // Text alone, like every other button of the window (some styles add stock icons to dialog buttons).
    for (QAbstractButton *button : m_buttons->buttons())
        button->setIcon(QIcon());
    Theme::setStyleProperty(m_buttons->button(QDialogButtonBox::Ok), "accent", true);
    m_restoreDefaults->setObjectName(QStringLiteral("settingsRestoreDefaults"));
    m_restoreDefaults->setToolTip(tr("Put this page back to Gravity's defaults"));
    m_restoreDefaults->setAutoDefault(false);
    connect(m_restoreDefaults, &QPushButton::clicked, this, &SettingsDialog::restoreDefaults);
    connect(m_buttons, &QDialogButtonBox::clicked, this, [this](QAbstractButton *button) {
        switch (m_buttons->standardButton(button)) {
        case QDialogButtonBox::Ok:
            if (!m_modified || apply())
                accept();
            break;
        case QDialogButtonBox::Apply:
            apply();
            break;
        default:
            reject();
            break;
        }
    });

    // The reason OK is disabled sits between the buttons, where the eye goes when OK does not work, and
    // takes no room of its own, so nothing above moves when it comes and goes.
    auto *buttonRow = new QHBoxLayout;
    buttonRow->setSpacing(14);
    buttonRow->addWidget(m_restoreDefaults);
    buttonRow->addWidget(m_problem, 1);
    buttonRow->addWidget(m_buttons);
    layout->addLayout(buttonRow);

    connect(m_sections, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_stack->setCurrentIndex(row);
        m_pageTitle->setText(m_pages.at(row)->title());
    });
    m_sections->setCurrentRow(0);
    m_sections->setFocus();
    updateButtons();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addPage(SettingsPage *page)
{
    page->load(*m_settings);
    m_pages.append(page);
    m_sections->addItem(page->title());
    // Every page scrolls on its own, so a small screen or a long translation never squeezes the fields.
    auto *scroll = new QScrollArea(m_stack);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFocusPolicy(Qt::NoFocus); // Tab goes to the fields; the area still scrolls them into view
    scroll->viewport()->setAutoFillBackground(false);
    page->setAutoFillBackground(false);
    page->setContentsMargins(0, 0, 8, 0); // room for the scroll bar when it shows
    m_stack->addWidget(scroll);
    connect(page, &SettingsPage::changed, this, &SettingsDialog::setModified);
}

void SettingsDialog::showPage(Page page)
{
    m_sections->setCurrentRow(int(page));
}

SettingsDialog::Page SettingsDialog::currentPage() const
{
    return Page(m_stack->currentIndex());
}

SettingsPage *SettingsDialog::page(Page page) const
{
    return m_pages.at(int(page));
}

QString SettingsDialog::problem() const
{
    for (const SettingsPage *page : m_pages) {
        const QString problem = page->problem();
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

bool SettingsDialog::apply()
{
    if (!problem().isEmpty())
        return false;
    for (const SettingsPage *page : m_pages)
        page->save(*m_settings);
    m_settings->sync();
    m_modified = false;
    updateButtons();
    emit applied();
    return true;
}

void SettingsDialog::restoreDefaults()
{
    // Settings over no file read back as nothing but defaults (and are never written).
    const AppSettings defaults{QString()};
    m_pages.at(m_stack->currentIndex())->load(defaults);
    setModified();
}

void SettingsDialog::setModified()
{
    m_modified = true;
    updateButtons();
}

void SettingsDialog::updateButtons()
{
    const QString reason = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(reason.isEmpty());
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(reason.isEmpty() && m_modified);
    m_problem->setText(reason);
}

} // namespace Gravity
