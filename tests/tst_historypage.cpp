// The History page as a person uses it: a real store in a temporary folder, the real widgets, keys, clicks,
// menus and dialogs. Opening files goes to a recorded URL handler; trashing goes to a trash under a
// temporary XDG_DATA_HOME, never the user's.

#include "historydelegate.h"
#include "historyfilterproxymodel.h"
#include "historymodel.h"
#include "historypage.h"
#include "historystore.h"
#include "theme.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Gravity;
using namespace Qt::StringLiterals;

namespace {

HistoryEntry makeEntry(const QString &title, qint64 secondsAgo,
                       DownloadState state = DownloadState::Completed, Platform platform = Platform::YouTube)
{
    HistoryEntry e;
    e.id = newHistoryId();
    e.title = title;
    e.url = platform == Platform::Bilibili  ? u"https://www.bilibili.com/video/BV1"_s + e.id.left(9)
            : platform == Platform::YouTube ? u"https://www.youtube.com/watch?v="_s + e.id.left(11)
                                            : u"https://vimeo.com/"_s + e.id.left(8);
    e.normalizedUrl = e.url;
    e.platform = platform;
    e.state = state;
    e.finishedAt = QDateTime::currentDateTimeUtc().addSecs(-secondsAgo);
    if (state == DownloadState::Failed)
        e.error = {ErrorKind::Unavailable, u"ERROR: [youtube] xyz: Video unavailable"_s};
    return e;
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QStringList titles(const QAbstractItemModel *model)
{
    QStringList result;
    for (int row = 0; row < model->rowCount(); ++row)
        result << model->index(row, 0).data(HistoryModel::TitleRole).toString();
    return result;
}

// Records what would have been opened with the desktop's default application.
class UrlRecorder : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls << url; }
};

// Answers the next modal dialog (the default confirmation) when it shows, and says what it asked.
class DialogAnswerer
{
public:
    explicit DialogAnswerer(bool accept)
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this, accept] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            m_timer.stop();
            m_asked = box->text() + u'\n' + box->informativeText();
            m_objectName = box->objectName();
            QAbstractButton *button = accept ? box->findChild<QPushButton *>(u"confirmationAccept"_s)
                                             : box->button(QMessageBox::Cancel);
            if (button)
                button->click();
            else
                box->reject();
        });
        m_timer.start(20);
    }

    [[nodiscard]] QString asked() const { return m_asked; }
    [[nodiscard]] QString objectName() const { return m_objectName; }

private:
    QTimer m_timer;
    QString m_asked;
    QString m_objectName;
};

// Reads the next context menu's entries, then closes it.
class MenuReader
{
public:
    MenuReader()
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            m_timer.stop();
            for (QAction *action : menu->actions()) {
                if (!action->isSeparator())
                    m_texts << action->text();
            }
            menu->close();
        });
        m_timer.start(20);
    }

    [[nodiscard]] QStringList texts() const { return m_texts; }

private:
    QTimer m_timer;
    QStringList m_texts;
};

} // namespace

class TestHistoryPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dataHome; // XDG_DATA_HOME: the trash the tests use
    std::unique_ptr<Theme> m_theme;
    UrlRecorder m_opened;

    // One store in a temporary folder, loaded, and a page over it, shown.
    struct Fixture
    {
        QTemporaryDir dir;
        std::unique_ptr<HistoryStore> store;
        std::unique_ptr<HistoryPage> page;
        QStringList asked; // what the injected confirmation was asked
        bool answer = true;

        explicit Fixture(bool load = true)
        {
            store = std::make_unique<HistoryStore>(dir.filePath(u"history"_s));
            if (load) {
                QSignalSpy loaded(store.get(), &HistoryStore::loaded);
                store->loadAsync();
                loaded.wait(5000);
            }
        }

        void makePage(bool show = true)
        {
            page = std::make_unique<HistoryPage>(store.get(), nullptr);
            page->setConfirmFunction([this](QWidget *, const Confirmation &question) {
                asked << question.text + u'\n' + question.informativeText;
                return answer;
            });
            page->resize(760, 620);
            if (show) {
                page->show();
                QVERIFY(QTest::qWaitForWindowExposed(page.get()));
            }
        }

        [[nodiscard]] QListView *view() const { return page->listView(); }
        [[nodiscard]] QAbstractItemModel *rows() const { return page->listView()->model(); }
        [[nodiscard]] QLineEdit *search() const { return page->findChild<QLineEdit *>(u"historySearch"_s); }
        [[nodiscard]] QString count() const { return page->findChild<QLabel *>(u"historyCount"_s)->text(); }
        [[nodiscard]] QString file(const QString &name) const { return dir.filePath(name); }

        [[nodiscard]] int rowOf(const QString &title) const { return int(titles(rows()).indexOf(title)); }

        void select(const QString &title) const
        {
            const QModelIndex index = rows()->index(rowOf(title), 0);
            QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, view()->visualRect(index).center());
        }

        bool clickButton(const QString &title, HistoryAction action) const
        {
            const QModelIndex index = rows()->index(rowOf(title), 0);
            const QList<HistoryAction> buttons = historyRowButtons(HistoryDelegate::itemState(index));
            const qsizetype at = buttons.indexOf(action);
            if (at < 0)
                return false;
            const QRect rect = view()->visualRect(index);
            const QPoint centre = page->historyDelegate()->buttonRects(rect, buttons.size()).at(at).center();
            QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, centre);
            return true;
        }
    };

    // Eight downloads in every state, newest first: the titles in the order the page shows them.
    static QStringList fillEight(Fixture &f)
    {
        HistoryEntry rick = makeEntry(u"Rick Astley - Never Gonna Give You Up"_s, 80);
        rick.uploader = u"Rick Astley"_s;
        rick.filePath = f.file(u"rick.mp4"_s);
        rick.fileSize = 12'345'678;
        writeAll(rick.filePath, "video");
        f.store->add(rick);
        HistoryEntry rabbit =
            makeEntry(u"【4K】兔子的奇妙冒险"_s, 70, DownloadState::Completed, Platform::Bilibili);
        rabbit.uploader = u"引力测试酱"_s;
        rabbit.filePath = f.file(u"rabbit.mp4"_s);
        writeAll(rabbit.filePath, "video");
        f.store->add(rabbit);
        f.store->add(makeEntry(u"Straße im Regen"_s, 60, DownloadState::Failed));
        f.store->add(makeEntry(u"Cancelled lecture"_s, 50, DownloadState::Cancelled, Platform::Bilibili));
        HistoryEntry vimeo = makeEntry(u"A short film"_s, 40, DownloadState::Completed, Platform::Other);
        vimeo.filePath = f.file(u"film.mkv"_s);
        writeAll(vimeo.filePath, "film");
        f.store->add(vimeo);
        HistoryEntry moved = makeEntry(u"Moved away"_s, 30);
        moved.filePath = f.file(u"moved.mp4"_s); // never written: the file is missing
        f.store->add(moved);
        f.store->add(makeEntry(u"Geo-blocked concert"_s, 20, DownloadState::Failed, Platform::Bilibili));
        HistoryEntry newest = makeEntry(u"Just finished"_s, 10);
        newest.uploader = u"Someone"_s;
        newest.filePath = f.file(u"newest.mp4"_s);
        newest.fileSize = 2'000'000;
        writeAll(newest.filePath, "new");
        f.store->add(newest);
        return {u"Just finished"_s,        u"Geo-blocked concert"_s,
                u"Moved away"_s,           u"A short film"_s,
                u"Cancelled lecture"_s,    u"Straße im Regen"_s,
                u"【4K】兔子的奇妙冒险"_s, u"Rick Astley - Never Gonna Give You Up"_s};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The trash goes under the data folder; the user's own is never touched.
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.filePath(u"data-home"_s)));
        installTranslations(qApp, QLocale(QLocale::English));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_theme = std::make_unique<Theme>(ThemeMode::Light);
        QDesktopServices::setUrlHandler(u"file"_s, &m_opened, "open");
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(u"file"_s);
        m_theme.reset();
    }

    void init() { m_opened.urls.clear(); }

    void theListIsNewestFirstWithACount()
    {
        Fixture f;
        f.makePage();
        QAbstractItemModelTester tester(f.rows(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QStringList expected = fillEight(f);
        QCOMPARE(titles(f.rows()), expected);
        QCOMPARE(f.count(), u"8 downloads"_s);
        QVERIFY(f.view()->uniformItemSizes());
        QCOMPARE(f.view()->objectName(), u"historyList"_s);
        QVERIFY(f.page->emptyStateText().isEmpty());

        // A download that ends now goes on top.
        f.store->add(makeEntry(u"Even newer"_s, 0));
        QCOMPARE(titles(f.rows()).first(), u"Even newer"_s);
        QCOMPARE(f.count(), u"9 downloads"_s);
    }

    void typingInTheSearchFieldFilters()
    {
        Fixture f;
        f.makePage();
        QAbstractItemModelTester tester(f.rows(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        fillEight(f);
        QLineEdit *search = f.search();
        QVERIFY(search);
        QCOMPARE(search->placeholderText(), u"Search title, link or uploader"_s);
        auto *clear = search->findChild<QAction *>(u"clearButton"_s);
        QVERIFY(clear && !clear->isVisible());

        f.page->focusSearch();
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, u"astley"_s);
        QCOMPARE(titles(f.rows()), QStringList{u"Rick Astley - Never Gonna Give You Up"_s});
        QCOMPARE(f.count(), u"1 of 8 shown"_s);
        // The field's clear button shows once there is text, and brings every entry back.
        QVERIFY(clear->isVisible());
        clear->trigger();
        QVERIFY(search->text().isEmpty() && !clear->isVisible());
        QTRY_COMPARE(f.rows()->rowCount(), 8);
        QTest::keyClicks(search, u"astley"_s);

        // By uploader, in another script, and by link.
        search->clear();
        search->insert(u"引力"_s); // what an input method commits; keyClicks() types Latin-1 only
        QCOMPARE(titles(f.rows()), QStringList{u"【4K】兔子的奇妙冒险"_s});
        search->clear();
        QTest::keyClicks(search, u"vimeo.com"_s);
        QCOMPARE(titles(f.rows()), QStringList{u"A short film"_s});

        QTest::keyClicks(search, u" nothing-like-this"_s);
        QCOMPARE(f.rows()->rowCount(), 0);
        QVERIFY(f.page->emptyStateText().startsWith(u"Nothing matches your search"_s));

        // Escape clears the search; every row is back.
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        QCOMPARE(f.rows()->rowCount(), 8);
        QCOMPARE(f.count(), u"8 downloads"_s);
    }

    void stateAndPlatformFilters_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("failed only") << u"Failed"_s << u"All platforms"_s
                                     << QStringList{u"Geo-blocked concert"_s, u"Straße im Regen"_s};
        QTest::newRow("cancelled only")
            << u"Cancelled"_s << u"All platforms"_s << QStringList{u"Cancelled lecture"_s};
        QTest::newRow("Bilibili only")
            << u"All states"_s << u"Bilibili"_s
            << QStringList{u"Geo-blocked concert"_s, u"Cancelled lecture"_s, u"【4K】兔子的奇妙冒险"_s};
        QTest::newRow("completed on YouTube")
            << u"Completed"_s << u"YouTube"_s
            << QStringList{u"Just finished"_s, u"Moved away"_s, u"Rick Astley - Never Gonna Give You Up"_s};
        QTest::newRow("other sites") << u"All states"_s << u"Other sites"_s << QStringList{u"A short film"_s};
        QTest::newRow("failed on other sites: none") << u"Failed"_s << u"Other sites"_s << QStringList{};
    }

    void stateAndPlatformFilters()
    {
        QFETCH(QString, state);
        QFETCH(QString, platform);
        QFETCH(QStringList, expected);
        Fixture f;
        f.makePage();
        QAbstractItemModelTester tester(f.rows(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        fillEight(f);
        auto *states = f.page->findChild<QComboBox *>(u"historyStateFilter"_s);
        auto *platforms = f.page->findChild<QComboBox *>(u"historyPlatformFilter"_s);
        QVERIFY(states && platforms);
        QVERIFY(states->findText(state) >= 0);
        QVERIFY(platforms->findText(platform) >= 0);
        states->setCurrentIndex(states->findText(state));
        platforms->setCurrentIndex(platforms->findText(platform));
        QCOMPARE(titles(f.rows()), expected);
        if (expected.isEmpty()) {
            QCOMPARE(f.page->emptyStateText(), u"No downloads match these filters"_s);
        } else {
            QCOMPARE(f.count(), u"%1 of 8 shown"_s.arg(expected.size()));
            QVERIFY(f.page->emptyStateText().isEmpty());
        }
    }

    void downloadAgainUsesTheSameOptionsAndTheSavedInfo()
    {
        Fixture f;
        f.makePage();
        HistoryEntry audio = makeEntry(u"Podcast"_s, 20, DownloadState::Failed);
        audio.options.quality = QualityPreset::AudioOnly;
        audio.options.audioFormat = AudioFormat::Mp3;
        audio.options.outputDir = f.file(u"music"_s);
        audio.options.outputTemplate = u"%(uploader)s - %(title)s.%(ext)s"_s;
        audio.options.subtitleMode = SubtitleMode::File;
        audio.options.subtitleLanguages = {u"en"_s, u"zh-Hans"_s};
        audio.thumbnail = u"https://i.ytimg.com/vi/x/hq.jpg"_s;
        f.store->add(audio);
        const QByteArray info = R"({"id":"x","title":"Podcast","formats":[]})";
        const QDateTime fetched = QDateTime::currentDateTimeUtc().addSecs(-60);
        QVERIFY(f.store->saveInfoJson(audio.id, info, fetched));
        HistoryEntry plain = makeEntry(u"No saved info"_s, 10, DownloadState::Cancelled);
        plain.options.quality = QualityPreset::P720;
        f.store->add(plain);

        QSignalSpy requested(f.page.get(), &HistoryPage::redownloadRequested);
        // The failed row's own button.
        QVERIFY(f.clickButton(u"Podcast"_s, HistoryAction::Redownload));
        QCOMPARE(requested.size(), 1);
        const auto request = requested.at(0).at(0).value<DownloadRequest>();
        QCOMPARE(request.url, audio.url);
        QCOMPARE(request.title, audio.title);
        QCOMPARE(request.platform, Platform::YouTube);
        QCOMPARE(request.thumbnail, audio.thumbnail);
        QCOMPARE(request.options.quality, QualityPreset::AudioOnly);
        QCOMPARE(request.options.audioFormat, AudioFormat::Mp3);
        QCOMPARE(request.options.outputDir, audio.options.outputDir);
        QCOMPARE(request.options.outputTemplate, audio.options.outputTemplate);
        QCOMPARE(request.options.subtitleMode, SubtitleMode::File);
        QCOMPARE(request.options.subtitleLanguages, audio.options.subtitleLanguages);
        QCOMPARE(request.infoJson, info);
        QCOMPARE(request.infoFetchedAt, fetched);

        // Enter on a row without a file downloads it again; without saved info the request has none.
        f.select(u"No saved info"_s);
        QTest::keyClick(f.view(), Qt::Key_Return);
        QCOMPARE(requested.size(), 2);
        const auto second = requested.at(1).at(0).value<DownloadRequest>();
        QCOMPARE(second.url, plain.url);
        QCOMPARE(second.options.quality, QualityPreset::P720);
        QVERIFY(second.infoJson.isEmpty());

        // Several selected: each one again, from the menu's action.
        f.view()->selectAll();
        QCOMPARE(f.page->actionsForSelection(), historyMultiActions());
        f.page->trigger(HistoryAction::Redownload);
        QCOMPARE(requested.size(), 4);
        QVERIFY(m_opened.urls.isEmpty());
    }

    void enterOpensTheFileWhenItIsThereElseDownloadsAgain()
    {
        Fixture f;
        f.makePage();
        fillEight(f);
        QSignalSpy requested(f.page.get(), &HistoryPage::redownloadRequested);
        f.select(u"Just finished"_s);
        QTest::keyClick(f.view(), Qt::Key_Return);
        QCOMPARE(m_opened.urls, QList<QUrl>{QUrl::fromLocalFile(f.file(u"newest.mp4"_s))});
        QCOMPARE(requested.size(), 0);

        // Its file is gone (even before the page noticed): Enter downloads it again.
        f.select(u"Moved away"_s);
        QTest::keyClick(f.view(), Qt::Key_Enter);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(m_opened.urls.size(), 1);

        // Double-clicking does the same as Enter.
        const QModelIndex film = f.rows()->index(f.rowOf(u"A short film"_s), 0);
        // As a mouse sends it: a click, then the second press that makes it a double-click.
        const QPoint centre = f.view()->visualRect(film).center();
        QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(f.view()->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(m_opened.urls.last(), QUrl::fromLocalFile(f.file(u"film.mkv"_s)));
    }

    void rowButtonsOpenTheFileAndItsFolder()
    {
        Fixture f;
        f.makePage();
        fillEight(f);
        QVERIFY(f.clickButton(u"A short film"_s, HistoryAction::Open));
        QCOMPARE(m_opened.urls.last(), QUrl::fromLocalFile(f.file(u"film.mkv"_s)));
        QVERIFY(f.clickButton(u"A short film"_s, HistoryAction::ShowInFolder));
        QCOMPARE(m_opened.urls.last(), QUrl::fromLocalFile(QFileInfo(f.file(u"film.mkv"_s)).absolutePath()));
        // A failed row has no file to open: its one button downloads again.
        QVERIFY(!f.clickButton(u"Straße im Regen"_s, HistoryAction::Open));
        QCOMPARE(m_opened.urls.size(), 2);
    }

    void copyLinkPutsTheUrlOnTheClipboard()
    {
        Fixture f;
        f.makePage();
        fillEight(f);
        QSignalSpy messages(f.page.get(), &HistoryPage::messageRequested);
        f.select(u"Straße im Regen"_s);
        QVERIFY(f.page->actionsForSelection().contains(HistoryAction::CopyUrl));
        f.page->trigger(HistoryAction::CopyUrl);
        const QString url =
            f.rows()->index(f.rowOf(u"Straße im Regen"_s), 0).data(HistoryModel::UrlRole).toString();
        QVERIFY(url.startsWith(u"https://www.youtube.com/watch?v="_s));
        QCOMPARE(QGuiApplication::clipboard()->text(), url);
        QCOMPARE(messages.size(), 1);

        // Two selected: both links, one per line, in the order shown.
        const QModelIndex other = f.rows()->index(f.rowOf(u"A short film"_s), 0);
        QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          f.view()->visualRect(other).center());
        f.page->trigger(HistoryAction::CopyUrl);
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 other.data(HistoryModel::UrlRole).toString() + u'\n' + url);
    }

    void deleteRemovesTheSelectedEntriesButNotTheirFiles_askingWhenSeveral()
    {
        Fixture f;
        f.makePage();
        QAbstractItemModelTester tester(f.rows(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        fillEight(f);
        f.select(u"Just finished"_s);
        QTest::keyClick(f.view(), Qt::Key_Delete);
        QCOMPARE(f.store->count(), 7);
        QVERIFY(f.asked.isEmpty()); // one entry goes without a question: only the history's record of it
        QCOMPARE(f.rowOf(u"Just finished"_s), -1);
        QVERIFY(QFile::exists(f.file(u"newest.mp4"_s)));

        // Shift+click selects a range; Delete removes all of it at once.
        f.select(u"Geo-blocked concert"_s);
        const QModelIndex last = f.rows()->index(f.rowOf(u"Cancelled lecture"_s), 0);
        QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                          f.view()->visualRect(last).center());
        QCOMPARE(f.page->selectedIds().size(), 4);
        // Several at once are asked about first; cancelled, nothing goes.
        f.answer = false;
        QTest::keyClick(f.view(), Qt::Key_Delete);
        QCOMPARE(f.asked.size(), 1);
        QVERIFY2(f.asked.first().contains(u"Remove 4 downloads"_s), qPrintable(f.asked.first()));
        QCOMPARE(f.store->count(), 7);
        f.answer = true;
        QTest::keyClick(f.view(), Qt::Key_Delete);
        QCOMPARE(titles(f.rows()), (QStringList{u"Straße im Regen"_s, u"【4K】兔子的奇妙冒险"_s,
                                                u"Rick Astley - Never Gonna Give You Up"_s}));
        QVERIFY(QFile::exists(f.file(u"film.mkv"_s)));
        QCOMPARE(f.count(), u"3 downloads"_s);
    }

    void removeWithFile_data()
    {
        QTest::addColumn<bool>("accept");
        QTest::newRow("accepted: the file and the entry go") << true;
        QTest::newRow("cancelled: both stay") << false;
    }

    void removeWithFile()
    {
        QFETCH(bool, accept);
        Fixture f;
        f.makePage();
        fillEight(f);
        f.answer = accept;
        QSignalSpy messages(f.page.get(), &HistoryPage::messageRequested);
        f.select(u"A short film"_s);
        QVERIFY(f.page->actionsForSelection().contains(HistoryAction::RemoveWithFile));
        f.page->trigger(HistoryAction::RemoveWithFile);
        QCOMPARE(f.asked.size(), 1);
        QVERIFY2(f.asked.first().contains(u"film.mkv"_s), qPrintable(f.asked.first())); // names the file
        QCOMPARE(QFile::exists(f.file(u"film.mkv"_s)), !accept);
        QCOMPARE(f.rowOf(u"A short film"_s) >= 0, !accept);
        QCOMPARE(f.store->count(), accept ? 7 : 8);
        QCOMPARE(messages.size(), accept ? 1 : 0);
        if (accept)
            QVERIFY2(messages.at(0).at(0).toString().contains(u"film.mkv"_s),
                     qPrintable(messages.at(0).at(0).toString()));

        // Shift+Delete asks the same question.
        f.select(u"Just finished"_s);
        QTest::keyClick(f.view(), Qt::Key_Delete, Qt::ShiftModifier);
        QCOMPARE(f.asked.size(), 2);
        QCOMPARE(QFile::exists(f.file(u"newest.mp4"_s)), !accept);
    }

    void removeWithFileAsksWithADialog_data() { removeWithFile_data(); }

    void removeWithFileAsksWithADialog()
    {
        QFETCH(bool, accept);
        Fixture f;
        f.makePage();
        fillEight(f);
        f.page->setConfirmFunction({}); // the real question, a QMessageBox
        f.select(u"【4K】兔子的奇妙冒险"_s);
        DialogAnswerer answerer(accept);
        f.page->trigger(HistoryAction::RemoveWithFile);
        QCOMPARE(answerer.objectName(), u"confirmation"_s);
        QVERIFY2(answerer.asked().contains(u"rabbit.mp4"_s), qPrintable(answerer.asked()));
        QCOMPARE(QFile::exists(f.file(u"rabbit.mp4"_s)), !accept);
        QCOMPARE(f.rowOf(u"【4K】兔子的奇妙冒险"_s) >= 0, !accept);
    }

    void removeWithFileWhenTheFileIsAlreadyGone()
    {
        Fixture f;
        f.makePage();
        // Deleted by hand before the page noticed: the entry goes, and the message says why nothing was.
        HistoryEntry gone = makeEntry(u"Already deleted"_s, 10);
        gone.filePath = f.file(u"not-there.mp4"_s);
        f.store->add(gone);
        QSignalSpy messages(f.page.get(), &HistoryPage::messageRequested);
        f.page->triggerFor(gone.id, HistoryAction::RemoveWithFile);
        QCOMPARE(f.store->count(), 0);
        QCOMPARE(messages.size(), 1);
        QVERIFY(messages.at(0).at(0).toString().contains(u"already gone"_s));
    }

    void clearHistoryAsksFirst_data() { removeWithFile_data(); }

    void clearHistoryAsksFirst()
    {
        QFETCH(bool, accept);
        Fixture f;
        f.makePage();
        fillEight(f);
        f.page->setConfirmFunction({});
        auto *clear = f.page->findChild<QPushButton *>(u"historyClearButton"_s);
        QVERIFY(clear && clear->isEnabled());
        DialogAnswerer answerer(accept);
        QTest::mouseClick(clear, Qt::LeftButton);
        QVERIFY2(answerer.asked().contains(u"8 downloads"_s), qPrintable(answerer.asked()));
        QVERIFY2(answerer.asked().contains(u"not deleted"_s), qPrintable(answerer.asked()));
        QCOMPARE(f.store->count(), accept ? 0 : 8);
        QCOMPARE(f.rows()->rowCount(), accept ? 0 : 8);
        // Files stay either way.
        QVERIFY(QFile::exists(f.file(u"rick.mp4"_s)));
        if (accept) {
            QVERIFY(f.page->emptyStateText().startsWith(u"No downloads yet"_s));
            QVERIFY(!clear->isEnabled());
            QVERIFY(!f.page->findChild<QPushButton *>(u"historyExportButton"_s)->isEnabled());
        }
    }

    void exportWritesJsonAndCsv()
    {
        Fixture f;
        f.makePage();
        const QStringList expected = fillEight(f);
        QSignalSpy finished(f.page.get(), &HistoryPage::exportFinished);
        QSignalSpy messages(f.page.get(), &HistoryPage::messageRequested);

        const QString json = f.file(u"export.json"_s);
        QVERIFY(f.page->exportTo(json, HistoryPage::ExportFormat::Json));
        QVERIFY(f.page->isExporting());
        QVERIFY(!f.page->exportTo(json, HistoryPage::ExportFormat::Json)); // one at a time
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(jsonFile.readAll(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(document.isArray());
        QStringList exported;
        for (const QJsonValue &value : document.array())
            exported << value.toObject().value(u"title"_s).toString();
        QCOMPARE(exported, expected);
        QVERIFY(messages.last().at(0).toString().contains(u"8 downloads"_s));

        const QString csv = f.file(u"export.csv"_s);
        QVERIFY(f.page->exportTo(csv, HistoryPage::ExportFormat::Csv));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(1).at(0).toBool(), true);
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray data = csvFile.readAll();
        QVERIFY(data.startsWith("\xEF\xBB\xBF")); // UTF-8 with a byte-order mark, for spreadsheets
        const QList<QByteArray> lines = data.mid(3).split('\n');
        QVERIFY2(lines.first().contains("title") && lines.first().contains("url"), lines.first().constData());
        QVERIFY(data.contains("Rick Astley - Never Gonna Give You Up"));
        QCOMPARE(data.count("\r\n"), 9); // a header and eight rows

        // A folder that cannot be written is reported, not silently ignored.
        QVERIFY(writeAll(f.file(u"blocker"_s), "x"));
        QVERIFY(f.page->exportTo(f.file(u"blocker/export.json"_s), HistoryPage::ExportFormat::Json));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(2).at(0).toBool(), false);
        QVERIFY(messages.last().at(0).toString().startsWith(u"Could not export"_s));
    }

    void exportFormatFollowsTheChosenFile_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<HistoryPage::ExportFormat>("format");
        const QString json = u"JSON (*.json)"_s;
        const QString csv = u"CSV spreadsheet (*.csv)"_s;
        QTest::newRow("a .csv name wins over the JSON filter")
            << u"/tmp/h.csv"_s << json << HistoryPage::ExportFormat::Csv;
        QTest::newRow("a .JSON name wins over the CSV filter")
            << u"/tmp/h.JSON"_s << csv << HistoryPage::ExportFormat::Json;
        QTest::newRow("no suffix: the CSV filter")
            << u"/tmp/history"_s << csv << HistoryPage::ExportFormat::Csv;
        QTest::newRow("no suffix: the JSON filter")
            << u"/tmp/history"_s << json << HistoryPage::ExportFormat::Json;
    }

    void exportFormatFollowsTheChosenFile()
    {
        QFETCH(QString, path);
        QFETCH(QString, filter);
        QFETCH(HistoryPage::ExportFormat, format);
        QCOMPARE(HistoryPage::exportFormatFor(path, filter), format);
    }

    void emptyStatesSayWhatIsGoingOn()
    {
        Fixture f(false);
        f.makePage(false);
        QCOMPARE(f.page->emptyStateText(), u"Loading history…"_s);
        QVERIFY(f.count().isEmpty());
        // Showing the page starts the load when nobody else did.
        QSignalSpy loaded(f.store.get(), &HistoryStore::loaded);
        f.page->show();
        QVERIFY(loaded.wait(5000));
        QVERIFY(f.page->emptyStateText().startsWith(u"No downloads yet"_s));
        QVERIFY(!f.page->findChild<QPushButton *>(u"historyClearButton"_s)->isEnabled());

        f.store->add(makeEntry(u"First"_s, 5));
        QVERIFY(f.page->emptyStateText().isEmpty());
        QVERIFY(!f.count().isEmpty()); // "1 download": the singular comes from the English catalogue
        QTest::keyClicks(f.search(), u"zzz"_s);
        QVERIFY(f.page->emptyStateText().startsWith(u"Nothing matches your search"_s));
    }

    void aMissingFileShowsAndChangesTheActions()
    {
        Fixture f;
        f.makePage();
        fillEight(f);
        const QModelIndex moved = f.rows()->index(f.rowOf(u"Moved away"_s), 0);
        // Checked lazily, off the GUI thread, for the rows on screen.
        f.view()->viewport()->repaint();
        QTRY_COMPARE_WITH_TIMEOUT(HistoryDelegate::statusText(moved), u"File missing"_s, 5000);
        QCOMPARE(historyRowButtons(HistoryDelegate::itemState(moved)),
                 QList<HistoryAction>{HistoryAction::Redownload});
        f.select(u"Moved away"_s);
        QVERIFY(!f.page->actionsForSelection().contains(HistoryAction::Open));
        QVERIFY(!f.page->actionsForSelection().contains(HistoryAction::RemoveWithFile));

        // Failures say what went wrong, translated; the detail is the tooltip's.
        const QModelIndex failed = f.rows()->index(f.rowOf(u"Straße im Regen"_s), 0);
        QCOMPARE(HistoryDelegate::statusText(failed), errorKindText(ErrorKind::Unavailable));
        const QModelIndex done = f.rows()->index(f.rowOf(u"Rick Astley - Never Gonna Give You Up"_s), 0);
        QVERIFY(HistoryDelegate::statusText(done).startsWith(u"Completed"_s));
        QVERIFY(HistoryDelegate::detailText(done).startsWith(u"Rick Astley · YouTube · "_s));

        // The file comes back; refresh() (the window calls it when shown) notices.
        QVERIFY(writeAll(f.file(u"moved.mp4"_s), "back"));
        f.page->refresh();
        f.view()->viewport()->repaint();
        QTRY_VERIFY_WITH_TIMEOUT(HistoryDelegate::statusText(moved).startsWith(u"Completed"_s), 5000);
    }

    void theContextMenuListsWhatApplies()
    {
        Fixture f;
        f.makePage();
        fillEight(f);
        f.select(u"Just finished"_s);
        {
            MenuReader reader;
            QTest::keyClick(f.view(), Qt::Key_Menu);
            QCOMPARE(reader.texts(),
                     (QStringList{u"Open file"_s, u"Show in folder"_s, u"Download again"_s, u"Copy link"_s,
                                  u"Remove from history"_s, u"Remove from history and delete file…"_s}));
        }
        f.select(u"Straße im Regen"_s);
        {
            MenuReader reader;
            QTest::keyClick(f.view(), Qt::Key_Menu);
            QCOMPARE(reader.texts(),
                     (QStringList{u"Download again"_s, u"Copy link"_s, u"Remove from history"_s}));
        }
        const QModelIndex other = f.rows()->index(f.rowOf(u"Cancelled lecture"_s), 0);
        QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          f.view()->visualRect(other).center());
        {
            MenuReader reader;
            QTest::keyClick(f.view(), Qt::Key_Menu);
            QCOMPARE(reader.texts(),
                     (QStringList{u"Download 2 again"_s, u"Copy 2 links"_s, u"Remove 2 from history"_s}));
        }
        QCOMPARE(f.store->count(), 8); // reading the menus changed nothing
    }

    void aDamagedHistoryFileShowsANotice()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"history"_s);
        {
            HistoryStore store(folder);
            QSignalSpy loaded(&store, &HistoryStore::loaded);
            store.loadAsync();
            QVERIFY(loaded.wait(5000));
            store.add(makeEntry(u"good one"_s, 10));
            store.add(makeEntry(u"good two"_s, 5));
            store.flush();
        }
        QFile file(QDir(folder).filePath(u"history.jsonl"_s));
        QVERIFY(file.open(QIODevice::Append));
        file.write("this is not json\n");
        file.close();

        HistoryStore store(folder);
        HistoryPage page(&store, nullptr);
        page.show();
        auto *notice = page.findChild<QWidget *>(u"historyNotice"_s);
        auto *text = page.findChild<QLabel *>(u"historyNoticeText"_s);
        QVERIFY(notice && text);
        QVERIFY(!notice->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 5000);
        QVERIFY2(text->text().contains(u"history.jsonl.corrupt-"_s), qPrintable(text->text()));
        QVERIFY2(text->text().contains(u"2 downloads"_s), qPrintable(text->text()));
        QCOMPARE(page.listView()->model()->rowCount(), 2); // what could be read is shown

        // Dismissed, it goes.
        QTest::mouseClick(page.findChild<QWidget *>(u"historyNoticeDismiss"_s), Qt::LeftButton);
        QVERIFY(!notice->isVisible());
    }

    void anUnreadableOrUnwritableHistoryShowsANotice()
    {
        // A folder where the history file should be: it cannot be read (even by root).
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(u"history/history.jsonl"_s));
        HistoryStore unreadable(dir.filePath(u"history"_s));
        HistoryPage page(&unreadable, nullptr);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QWidget *>(u"historyNotice"_s)->isVisible(), 5000);
        QVERIFY(!page.findChild<QLabel *>(u"historyNoticeText"_s)->text().isEmpty());

        // A file where the folder should be: saving fails, and says so.
        QVERIFY(writeAll(dir.filePath(u"blocker"_s), "x"));
        HistoryStore unwritable(dir.filePath(u"blocker/history"_s));
        HistoryPage second(&unwritable, nullptr);
        second.show();
        QSignalSpy failed(&unwritable, &HistoryStore::saveFailed);
        QTRY_VERIFY_WITH_TIMEOUT(unwritable.isLoaded(), 5000);
        unwritable.add(makeEntry(u"kept in memory"_s, 1));
        QVERIFY(failed.wait(5000));
        QVERIFY(second.findChild<QWidget *>(u"historyNotice"_s)->isVisible());
        QVERIFY(second.findChild<QLabel *>(u"historyNoticeText"_s)->text().contains(u"saved again"_s));
        QCOMPARE(second.listView()->model()->rowCount(), 1);
    }

    // Renders the page in both looks, wide with a selected row and a notice, narrow, and empty; with
    // GRAVITY_SCREENSHOTS=<folder> the pictures are kept for people to look at.
    void rendersInLightAndDark()
    {
        Fixture f;
        f.makePage();
        fillEight(f);
        f.select(u"Moved away"_s);
        f.store->flush(); // no real save may hide the notices below
        Fixture empty;
        empty.makePage();
        const QString out = qEnvironmentVariable("GRAVITY_SCREENSHOTS");
        const auto shoot = [&out](HistoryPage *page, QSize size, const QString &name) {
            QWidget backdrop;
            backdrop.setObjectName(u"backdrop"_s);
            backdrop.setAttribute(Qt::WA_StyledBackground);
            backdrop.resize(size + QSize(40, 40));
            page->setParent(&backdrop);
            page->setGeometry(20, 20, size.width(), size.height());
            page->show();
            backdrop.show();
            QVERIFY(QTest::qWaitForWindowExposed(&backdrop));
            page->listView()->viewport()->repaint();
            QTest::qWait(150); // file checks come back and repaint
            const QImage image = backdrop.grab().toImage();
            QVERIFY(!image.isNull());
            if (!out.isEmpty())
                QVERIFY(image.save(QDir(out).filePath(name + u".png"_s)));
            page->setParent(nullptr);
        };
        for (const ThemeMode mode : {ThemeMode::Light, ThemeMode::Dark}) {
            m_theme->setMode(mode);
            const QString suffix = u'-' + themeModeId(mode);
            // An error in light, a warning in dark: both kinds of notice get looked at.
            if (mode == ThemeMode::Light)
                emit f.store->saveFailed(u"Could not save the download history to /home/me/.local/share/"
                                         u"Gravity/history.jsonl: No space left on device"_s);
            else
                emit f.store->recoveredFromCorruption(
                    u"/home/me/.local/share/Gravity/history.jsonl.corrupt-20240501-120000"_s, 8);
            shoot(f.page.get(), {820, 760}, u"history"_s + suffix);
            shoot(f.page.get(), {560, 520}, u"history-narrow"_s + suffix);
            shoot(empty.page.get(), {700, 420}, u"history-empty"_s + suffix);
        }
        m_theme->setMode(ThemeMode::Light);
    }
};

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
