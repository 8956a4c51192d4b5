#include "historypage.h"

#include "card.h"
#include "historydelegate.h"
#include "historyexport.h"
#include "historyfilterproxymodel.h"
#include "historymodel.h"
#include "historystore.h"
#include "theme.h"
#include "thumbnailloader.h"

#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Gravity {

namespace {

// The list, with its empty state painted where the rows would be.
class HistoryListView final : public QListView
{
public:
    using QListView::QListView;

    void setEmptyText(const QString &text)
    {
        if (text == m_emptyText)
            return;
        m_emptyText = text;
        viewport()->update();
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QListView::paintEvent(event);
        if (m_emptyText.isEmpty() || (model() && model()->rowCount() > 0))
            return;
        QPainter painter(viewport());
        HistoryDelegate::paintEmptyState(&painter, viewport()->rect(), m_emptyText, font(), palette());
    }

private:
    QString m_emptyText;
};

} // namespace

HistoryPage::HistoryPage(HistoryStore *store, ThumbnailLoader *thumbnails, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new HistoryModel(store, this))
    , m_proxy(new HistoryFilterProxyModel(this))
    , m_delegate(new HistoryDelegate(thumbnails, this))
    , m_confirm(askWithMessageBox)
{
    m_proxy->setSourceModel(m_model);

    // Made under their final parent: reparenting styled widgets re-polishes them (start-up time).
    auto *card = new Card(this);
    auto *view = new HistoryListView(card);
    m_view = view;
    m_view->setObjectName(QStringLiteral("historyList"));
    m_view->setAccessibleName(tr("History"));
    m_view->setAccessibleDescription(tr("Enter opens the file or downloads it again, Delete removes from the "
                                        "history, the menu key lists every action."));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(m_delegate);
    // Every row is as tall as the next: 100,000 of them scroll without measuring any.
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setMouseTracking(true);
    m_view->viewport()->setAttribute(Qt::WA_Hover);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMinimumHeight(220);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->installEventFilter(this);
    connect(m_view, &QWidget::customContextMenuRequested, this, &HistoryPage::showContextMenu);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &HistoryPage::activate);
    connect(m_delegate, &HistoryDelegate::actionTriggered, this,
            [this](const QModelIndex &index, HistoryAction action) { triggerFor(idAt(index), action); });
    if (thumbnails)
        connect(thumbnails, &ThumbnailLoader::loaded, m_view->viewport(), qOverload<>(&QWidget::update));

    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setSpacing(10);
    cardLayout->addWidget(buildHeader(card));
    cardLayout->addWidget(buildFilters(card));
    cardLayout->addWidget(buildNotice(card));
    cardLayout->addWidget(m_view, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(card);

    setTabOrder(m_search, m_stateFilter);
    setTabOrder(m_stateFilter, m_platformFilter);
    setTabOrder(m_platformFilter, m_view);
    setTabOrder(m_view, m_exportButton);
    setTabOrder(m_exportButton, m_clearButton);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, &HistoryPage::focusSearch);

    for (QAbstractItemModel *model :
         {static_cast<QAbstractItemModel *>(m_model), static_cast<QAbstractItemModel *>(m_proxy)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &HistoryPage::updateState);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &HistoryPage::updateState);
        connect(model, &QAbstractItemModel::modelReset, this, &HistoryPage::updateState);
        connect(model, &QAbstractItemModel::layoutChanged, this, &HistoryPage::updateState);
    }
    connect(store, &HistoryStore::loaded, this, &HistoryPage::updateState);
    connect(store, &HistoryStore::recoveredFromCorruption, this, &HistoryPage::showRecoveredFromCorruption);
    connect(store, &HistoryStore::loadFailed, this, &HistoryPage::showLoadFailure);
    connect(store, &HistoryStore::saveFailed, this, &HistoryPage::showSaveFailure);
    connect(store, &HistoryStore::saved, this, [this] {
        if (std::exchange(m_saveFailedShown, false))
            m_notice->hide();
    });
    updateState();
}

void HistoryPage::showRecoveredFromCorruption(const QString &path, int count)
{
    showNotice(tr("The history file was damaged. %Ln downloads could be read and were kept; the damaged "
                  "file was set aside as\n%1",
                  nullptr, count)
                   .arg(QDir::toNativeSeparators(path)),
               QStringLiteral("warning"));
}

// The store's messages are whole sentences already, translated, naming the file.
void HistoryPage::showLoadFailure(const QString &message)
{
    showNotice(message, QStringLiteral("error"));
}

void HistoryPage::showSaveFailure(const QString &message)
{
    showNotice(tr("%1\nThe history is kept and saved again with the next change.").arg(message),
               QStringLiteral("error"));
    m_saveFailedShown = true;
}

HistoryPage::~HistoryPage()
{
    // An export holds only copies; waiting lets its file be committed rather than dropped half-written.
    if (m_export)
        m_export->waitForFinished();
}

QWidget *HistoryPage::buildHeader(QWidget *parent)
{
    auto *header = new QWidget(parent);
    auto *title = new QLabel(tr("History"), header);
    title->setProperty("role", QStringLiteral("title"));
    m_count = new QLabel(header);
    m_count->setObjectName(QStringLiteral("historyCount"));
    m_count->setProperty("role", QStringLiteral("secondary"));
    m_exportButton = new QPushButton(tr("Export…"), header);
    m_exportButton->setObjectName(QStringLiteral("historyExportButton"));
    m_exportButton->setToolTip(tr("Save the history as a JSON or CSV file"));
    connect(m_exportButton, &QPushButton::clicked, this, &HistoryPage::chooseExportFile);
    m_clearButton = new QPushButton(tr("Clear history…"), header);
    m_clearButton->setObjectName(QStringLiteral("historyClearButton"));
    m_clearButton->setToolTip(tr("Remove every entry; downloaded files stay"));
    connect(m_clearButton, &QPushButton::clicked, this, &HistoryPage::clearHistory);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(m_count, 0, Qt::AlignBaseline);
    layout->addStretch();
    layout->addWidget(m_exportButton);
    layout->addWidget(m_clearButton);
    return header;
}

QWidget *HistoryPage::buildFilters(QWidget *parent)
{
    auto *filters = new QWidget(parent);
    m_search = new QLineEdit(filters);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search title, link or uploader"));
    m_search->setAccessibleName(tr("Search history"));
    Theme::addClearButton(m_search);
    // A link dropped here is meant for the window (to download), not to be searched for.
    m_search->setAcceptDrops(false);
    m_search->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->installEventFilter(this);
    // The proxy reads precomputed, case-folded text: filtering 100,000 rows per keystroke needs no delay.
    connect(m_search, &QLineEdit::textChanged, this, &HistoryPage::applyFilters);

    m_stateFilter = new QComboBox(filters);
    m_stateFilter->setObjectName(QStringLiteral("historyStateFilter"));
    m_stateFilter->setAccessibleName(tr("Filter by state"));
    m_stateFilter->addItem(tr("All states"), int(HistoryFilterProxyModel::StateFilter::All));
    m_stateFilter->addItem(tr("Completed"), int(HistoryFilterProxyModel::StateFilter::Completed));
    m_stateFilter->addItem(tr("Failed"), int(HistoryFilterProxyModel::StateFilter::Failed));
    m_stateFilter->addItem(tr("Cancelled"), int(HistoryFilterProxyModel::StateFilter::Cancelled));
    m_stateFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &HistoryPage::applyFilters);

    m_platformFilter = new QComboBox(filters);
    m_platformFilter->setObjectName(QStringLiteral("historyPlatformFilter"));
    m_platformFilter->setAccessibleName(tr("Filter by platform"));
    m_platformFilter->addItem(tr("All platforms"), -1);
    m_platformFilter->addItem(platformDisplayName(Platform::YouTube), int(Platform::YouTube));
    m_platformFilter->addItem(platformDisplayName(Platform::Bilibili), int(Platform::Bilibili));
    m_platformFilter->addItem(tr("Other sites"), int(Platform::Other));
    m_platformFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_platformFilter, &QComboBox::currentIndexChanged, this, &HistoryPage::applyFilters);

    auto *layout = new QHBoxLayout(filters);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_stateFilter);
    layout->addWidget(m_platformFilter);
    return filters;
}

QWidget *HistoryPage::buildNotice(QWidget *parent)
{
    m_notice = new QFrame(parent);
    m_notice->setObjectName(QStringLiteral("historyNotice"));
    m_noticeIcon = new QLabel(m_notice);
    m_noticeText = new QLabel(m_notice);
    m_noticeText->setObjectName(QStringLiteral("historyNoticeText"));
    m_noticeText->setWordWrap(true);
    // The moved-aside path is something people may want to copy.
    m_noticeText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_noticeText->setTextFormat(Qt::PlainText);
    auto *dismiss = new QToolButton(m_notice);
    dismiss->setObjectName(QStringLiteral("historyNoticeDismiss"));
    dismiss->setProperty("flat", true);
    dismiss->setIcon(Theme::icon(QStringLiteral("cancel")));
    dismiss->setAccessibleName(tr("Dismiss"));
    dismiss->setToolTip(tr("Dismiss"));
    connect(dismiss, &QToolButton::clicked, m_notice, &QWidget::hide);
    auto *layout = new QHBoxLayout(m_notice);
    layout->setContentsMargins(12, 8, 6, 8);
    layout->setSpacing(10);
    layout->addWidget(m_noticeIcon, 0, Qt::AlignTop);
    layout->addWidget(m_noticeText, 1);
    layout->addWidget(dismiss, 0, Qt::AlignTop);
    m_notice->hide();
    return m_notice;
}

void HistoryPage::showNotice(const QString &text, const QString &role)
{
    m_saveFailedShown = false;
    m_noticeText->setText(text);
    Theme::setStyleProperty(m_notice, "role", role);
    updateNoticeIcon();
    m_notice->show();
}

void HistoryPage::updateNoticeIcon()
{
    const ThemeColors &colors = Theme::colorsFor(palette());
    const bool error = m_notice->property("role").toString() == QStringLiteral("error");
    m_noticeIcon->setPixmap(
        Theme::icon(QStringLiteral("warning"), error ? colors.error : colors.warning).pixmap(20, 20));
}

void HistoryPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_notice)
        updateNoticeIcon(); // light and dark have their own warning colours
}

void HistoryPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_store->loadAsync(); // does nothing when the window already started it
}

void HistoryPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void HistoryPage::refresh()
{
    m_store->loadAsync();
    m_model->refreshFileStates();
}

void HistoryPage::applyFilters()
{
    m_proxy->setSearchText(m_search->text());
    m_proxy->setStateFilter(HistoryFilterProxyModel::StateFilter(m_stateFilter->currentData().toInt()));
    const int platform = m_platformFilter->currentData().toInt();
    m_proxy->setPlatformFilter(platform < 0 ? std::nullopt : std::optional<Platform>(Platform(platform)));
    updateState();
}

QString HistoryPage::emptyStateText() const
{
    if (m_proxy->rowCount() > 0)
        return {};
    if (m_model->rowCount() == 0) {
        if (!m_store->isLoaded())
            return tr("Loading history…");
        return tr("No downloads yet\nEvery download that finishes, fails or is cancelled is kept here, "
                  "to open or download again.");
    }
    if (!m_proxy->searchText().isEmpty())
        return tr("Nothing matches your search\nTry other words, or show all states and platforms.");
    return tr("No downloads match these filters");
}

void HistoryPage::updateState()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (total == 0)
        m_count->clear();
    else if (shown == total)
        m_count->setText(tr("%Ln downloads", nullptr, total));
    else
        m_count->setText(tr("%1 of %Ln shown", nullptr, total).arg(QLocale().toString(shown)));
    m_exportButton->setEnabled(total > 0 && !m_export);
    m_clearButton->setEnabled(total > 0);
    static_cast<HistoryListView *>(m_view)->setEmptyText(emptyStateText());
}

// --- Actions --------------------------------------------------------------------------------------------

QString HistoryPage::idAt(const QModelIndex &proxyIndex) const
{
    return proxyIndex.isValid() ? proxyIndex.data(HistoryModel::IdRole).toString() : QString();
}

QModelIndexList HistoryPage::selectedRows() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows << m_view->currentIndex();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    return rows;
}

QStringList HistoryPage::selectedIds() const
{
    const QModelIndexList rows = selectedRows();
    QStringList ids;
    ids.reserve(rows.size());
    for (const QModelIndex &index : rows)
        ids << idAt(index);
    return ids;
}

QList<HistoryAction> HistoryPage::actionsForSelection() const
{
    const QModelIndexList rows = selectedRows();
    if (rows.size() > 1)
        return historyMultiActions();
    return rows.isEmpty() ? QList<HistoryAction>()
                          : historyMenuActions(HistoryDelegate::itemState(rows.first()));
}

void HistoryPage::trigger(HistoryAction action)
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    switch (action) {
    case HistoryAction::Redownload:
        redownload(ids);
        break;
    case HistoryAction::CopyUrl:
        copyLinks(ids);
        break;
    case HistoryAction::Remove:
        removeEntries(ids);
        break;
    case HistoryAction::Open:
    case HistoryAction::ShowInFolder:
    case HistoryAction::RemoveWithFile:
        triggerFor(ids.first(), action);
        break;
    }
}

void HistoryPage::triggerFor(const QString &id, HistoryAction action)
{
    if (!m_store->contains(id))
        return;
    switch (action) {
    case HistoryAction::Redownload:
        redownload({id});
        break;
    case HistoryAction::Open:
        openFile(id);
        break;
    case HistoryAction::ShowInFolder:
        showInFolder(id);
        break;
    case HistoryAction::CopyUrl:
        copyLinks({id});
        break;
    case HistoryAction::Remove:
        removeEntries({id});
        break;
    case HistoryAction::RemoveWithFile:
        removeWithFile(id);
        break;
    }
}

void HistoryPage::activate(const QModelIndex &index)
{
    const QString id = idAt(index);
    const std::optional<HistoryEntry> entry = m_store->find(id);
    if (!entry)
        return;
    // One stat() for the one row a person acted on; the model's answer may be half a minute old.
    const bool fileThere = entry->state == DownloadState::Completed && !entry->filePath.isEmpty() &&
                           QFileInfo::exists(entry->filePath);
    triggerFor(id, fileThere ? HistoryAction::Open : HistoryAction::Redownload);
}

void HistoryPage::redownload(const QStringList &ids)
{
    for (const QString &id : ids) {
        const std::optional<HistoryEntry> entry = m_store->entry(id);
        if (!entry)
            continue;
        // The saved info lets the download skip yt-dlp's extraction while it is fresh (the task decides).
        const std::optional<SavedInfo> info = m_store->infoJson(id);
        emit redownloadRequested(info ? requestFor(*entry, *info) : requestFor(*entry));
    }
}

void HistoryPage::copyLinks(const QStringList &ids)
{
    QStringList urls;
    for (const QString &id : ids) {
        if (const std::optional<HistoryEntry> entry = m_store->find(id))
            urls << entry->url;
    }
    const QString message = Gravity::copyLinks(urls);
    if (!message.isEmpty())
        emit messageRequested(message);
}

void HistoryPage::removeEntries(const QStringList &ids)
{
    if (ids.size() == 1) {
        const std::optional<HistoryEntry> entry = m_store->find(ids.first());
        if (!entry)
            return;
        const QString title = entry->title.isEmpty() ? entry->url : entry->title;
        m_store->remove(ids.first());
        emit messageRequested(tr("Removed “%1” from the history").arg(title));
        return;
    }
    // Several at once (Ctrl+A, Delete is one slip away from losing the whole history): asked first.
    const int count = int(ids.size());
    const Confirmation question{tr("Remove from history"),
                                tr("Remove %n downloads from the history?", nullptr, count),
                                tr("Downloaded files are not deleted."), tr("Remove")};
    const QPointer<HistoryPage> alive(this);
    if (!confirm(question) || !alive)
        return;
    m_store->removeMany(ids);
    emit messageRequested(tr("Removed %n downloads from the history", nullptr, count));
}

void HistoryPage::openFile(const QString &id)
{
    const std::optional<HistoryEntry> entry = m_store->find(id);
    const QString message = entry ? openDownloadedFile(entry->filePath) : QString();
    if (message.isEmpty())
        return;
    emit messageRequested(message);
    m_model->refreshFileStates(); // the row should say so too
}

void HistoryPage::showInFolder(const QString &id)
{
    const std::optional<HistoryEntry> entry = m_store->find(id);
    const QString message = entry ? showDownloadFolder(entry->filePath, entry->options.outputDir) : QString();
    if (!message.isEmpty())
        emit messageRequested(message);
}

bool HistoryPage::confirm(const Confirmation &question)
{
    return m_confirm && m_confirm(this, question);
}

void HistoryPage::setConfirmFunction(ConfirmFunction confirm)
{
    m_confirm = confirm ? std::move(confirm) : ConfirmFunction(askWithMessageBox);
}

void HistoryPage::removeWithFile(const QString &id)
{
    const std::optional<HistoryEntry> entry = m_store->find(id);
    if (!entry || entry->filePath.isEmpty())
        return;
    const QString path = entry->filePath;
    const QString name = QFileInfo(path).fileName();
    const Confirmation question{tr("Delete file"),
                                tr("Delete “%1” and remove it from the history?").arg(name),
                                tr("%1\n\nThe file goes to the trash, or is deleted where there is no trash.")
                                    .arg(QDir::toNativeSeparators(path)),
                                tr("Delete file")};
    const QPointer<HistoryPage> alive(this);
    if (!confirm(question) || !alive || !m_store->contains(id))
        return; // cancelled, or the entry went while the question was open
    QString error;
    switch (m_store->removeWithFile(id, &error)) {
    case HistoryStore::FileRemoval::Trashed:
        emit messageRequested(tr("Moved “%1” to the trash").arg(name));
        break;
    case HistoryStore::FileRemoval::Deleted:
        emit messageRequested(tr("Deleted “%1”").arg(name));
        break;
    case HistoryStore::FileRemoval::AlreadyGone:
        emit messageRequested(tr("“%1” was already gone; removed it from the history").arg(name));
        break;
    case HistoryStore::FileRemoval::Failed:
        emit messageRequested(tr("Could not delete “%1”: %2").arg(name, error));
        break;
    }
}

void HistoryPage::clearHistory()
{
    const int total = m_store->count();
    if (total == 0)
        return;
    const Confirmation question{tr("Clear history"),
                                tr("Remove all %Ln downloads from the history?", nullptr, total),
                                tr("Downloaded files are not deleted."), tr("Clear history")};
    const QPointer<HistoryPage> alive(this);
    if (!confirm(question) || !alive)
        return;
    m_store->clear();
    emit messageRequested(tr("History cleared"));
}

// --- Menu and keys --------------------------------------------------------------------------------------

void HistoryPage::showContextMenu(const QPoint &viewportPos)
{
    const QModelIndex at = m_view->indexAt(viewportPos);
    if (at.isValid() && !m_view->selectionModel()->isSelected(at))
        m_view->setCurrentIndex(at);
    const QModelIndex index = at.isValid() ? at : m_view->currentIndex();
    const QList<HistoryAction> actions = actionsForSelection();
    if (!index.isValid() || actions.isEmpty())
        return;
    const int count = int(selectedIds().size());
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("historyMenu"));
    for (const HistoryAction action : actions) {
        if (action == HistoryAction::Remove)
            menu.addSeparator(); // what cannot be undone stays apart from the everyday actions
        QAction *item =
            menu.addAction(Theme::icon(historyActionIconName(action)), historyActionText(action, count));
        connect(item, &QAction::triggered, this, [this, action] { trigger(action); });
    }
    const QPoint where = at.isValid() ? viewportPos : m_view->visualRect(index).center();
    menu.exec(m_view->viewport()->mapToGlobal(where));
}

bool HistoryPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_search) {
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
        if (key->key() == Qt::Key_Down && m_proxy->rowCount() > 0) {
            m_view->setFocus(Qt::TabFocusReason);
            if (!m_view->currentIndex().isValid())
                m_view->setCurrentIndex(m_proxy->index(0, 0));
            return true;
        }
        return false;
    }
    if (watched != m_view || !m_view->currentIndex().isValid())
        return QWidget::eventFilter(watched, event);
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    switch (key->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (modifiers == Qt::ShiftModifier) {
            // Shift+Delete, as in file managers: the file too (asked first).
            if (actionsForSelection().contains(HistoryAction::RemoveWithFile))
                trigger(HistoryAction::RemoveWithFile);
            return true;
        }
        if (modifiers == Qt::NoModifier) {
            trigger(HistoryAction::Remove);
            return true;
        }
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (modifiers == Qt::NoModifier) {
            activate(m_view->currentIndex());
            return true;
        }
        break;
    case Qt::Key_Menu:
        showContextMenu(m_view->visualRect(m_view->currentIndex()).center());
        return true;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

// --- Export ---------------------------------------------------------------------------------------------

HistoryPage::ExportFormat HistoryPage::exportFormatFor(const QString &path, const QString &selectedFilter)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"csv")
        return ExportFormat::Csv;
    if (suffix == u"json")
        return ExportFormat::Json;
    return selectedFilter.contains(QStringLiteral("*.csv")) ? ExportFormat::Csv : ExportFormat::Json;
}

void HistoryPage::chooseExportFile()
{
    const QString jsonFilter = tr("JSON (*.json)");
    const QString csvFilter = tr("CSV spreadsheet (*.csv)");
    QString selected = jsonFilter;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested =
        QDir(folder).filePath(QStringLiteral("gravity-history-") +
                              QDate::currentDate().toString(Qt::ISODate) + QStringLiteral(".json"));
    QString path = QFileDialog::getSaveFileName(this, tr("Export history"), suggested,
                                                jsonFilter + QStringLiteral(";;") + csvFilter, &selected);
    if (path.isEmpty())
        return;
    const ExportFormat format = exportFormatFor(path, selected);
    if (QFileInfo(path).suffix().isEmpty())
        path += format == ExportFormat::Csv ? QStringLiteral(".csv") : QStringLiteral(".json");
    exportTo(path, format);
}

bool HistoryPage::isExporting() const
{
    return m_export != nullptr;
}

bool HistoryPage::exportTo(const QString &path, ExportFormat format)
{
    if (m_export)
        return false;
    m_exportPath = path;
    m_export = new QFutureWatcher<ExportResult>(this);
    connect(m_export, &QFutureWatcherBase::finished, this, &HistoryPage::onExportDone);
    // The snapshot shares everything with the store; parsing and serialising 100,000 entries happen on the
    // worker.
    m_export->setFuture(QtConcurrent::run([snapshot = m_store->snapshot(), path, format] {
        const QList<HistoryEntry> entries = HistoryFile::entriesOf(snapshot);
        ExportResult result;
        result.count = int(entries.size());
        const QByteArray bytes = format == ExportFormat::Csv ? historyToCsv(entries) : historyToJson(entries);
        result.ok = writeHistoryExport(path, bytes, &result.error);
        return result;
    }));
    updateState();
    return true;
}

void HistoryPage::onExportDone()
{
    const ExportResult result = m_export->result();
    m_export->deleteLater();
    m_export = nullptr;
    const QString path = QDir::toNativeSeparators(m_exportPath);
    if (result.ok)
        emit messageRequested(tr("Exported %Ln downloads to %1", nullptr, result.count).arg(path));
    else
        emit messageRequested(tr("Could not export the history to %1: %2").arg(path, result.error));
    updateState();
    emit exportFinished(result.ok, m_exportPath);
}

} // namespace Gravity
