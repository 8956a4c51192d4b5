// The window in Simplified Chinese, as a Chinese reader sees it: every state the window goes through (empty,
// a refused link, a parsed page with its options, the advanced formats, a download that fails, the history,
// every settings page, the menus) shows Chinese, nothing the user reads is left in English, and no label or
// button is too small for its Chinese text. The real yt-dlp parses pages from the loopback server.

#include "appsettings.h"
#include "downloaderror.h"
#include "downloadlistmodel.h"
#include "downloadqueue.h"
#include "downloadsview.h"
#include "formatsdialog.h"
#include "historyrecorder.h"
#include "historystore.h"
#include "integrationfixture.h"
#include "mainwindow.h"
#include "optionspanel.h"
#include "settingsdialog.h"
#include "theme.h"
#include "translations.h"
#include "urlrecognizer.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QTextDocumentFragment>
#include <QToolButton>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::SettingsDialog::Page)

namespace {

// Words that stay as they are in a Chinese UI: names of programs, sites, formats and protocols, and the
// language names in the language list (each written in its own language).
const QStringList Untranslated = {
    u"Gravity"_s, u"yt-dlp"_s,  u"ffmpeg"_s,  u"YouTube"_s,  u"Bilibili"_s, u"English"_s,   u"MP4"_s,
    u"MKV"_s,     u"WebM"_s,    u"MP3"_s,     u"M4A"_s,      u"Opus"_s,     u"mp4"_s,       u"mkv"_s,
    u"webm"_s,    u"mp3"_s,     u"m4a"_s,     u"opus"_s,     u"HTTP"_s,     u"HTTPS"_s,     u"SOCKS5"_s,
    u"SOCKS"_s,   u"URL"_s,     u"JSON"_s,    u"CSV"_s,      u"HLS"_s,      u"DASH"_s,      u"ID"_s,
    u"id"_s,      u"cookies"_s, u"Cookies"_s, u"Firefox"_s,  u"Chrome"_s,   u"Chromium"_s,  u"Edge"_s,
    u"Brave"_s,   u"Opera"_s,   u"Safari"_s,  u"Vivaldi"_s,  u"Whale"_s,    u"Ctrl"_s,      u"Esc"_s,
    u"Enter"_s,   u"Shift"_s,   u"Del"_s,     u"Delete"_s,   u"KiB"_s,      u"MiB"_s,       u"GiB"_s,
    u"KB"_s,      u"MB"_s,      u"GB"_s,      u"fps"_s,      u"kbps"_s,     u"Hz"_s,        u"avc"_s,
    u"mp4a"_s,    u"vp9"_s,     u"av01"_s,    u"aac"_s,      u"h264"_s,     u"txt"_s,       u"srt"_s,
    u"vtt"_s,     u"ass"_s,     u"kbit"_s,    u"Netscape"_s, u"Google"_s,   u"Microsoft"_s, u"Naver"_s,
    u"Cookie"_s,
};

// What is left of text once data (titles, links, paths, numbers with units) and the words above are taken
// out: any Latin word still there is English the translation missed.
QStringList englishWords(QString text, const QStringList &data)
{
    for (const QString &value : data)
        text.remove(QRegularExpression(u"(?<!\\w)"_s + QRegularExpression::escape(value) + u"(?!\\w)"_s));
    static const QRegularExpression urls(u"[a-z]+://\\S*"_s);
    static const QRegularExpression paths(u"(~|\\.)?(/[^\\s/]+)+/?"_s);
    static const QRegularExpression formatIds(u"\\b[\\w.-]*\\d[\\w.-]*\\b"_s); // 720p, hls-1200, 1080p60
    text.remove(urls).remove(paths).remove(formatIds);
    QStringList words;
    static const QRegularExpression latinWord(u"[A-Za-z][A-Za-z'-]+"_s);
    for (auto it = latinWord.globalMatch(text); it.hasNext();) {
        const QString word = it.next().captured();
        if (!Untranslated.contains(word))
            words << word;
    }
    return words;
}

bool hasChinese(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

QString plain(const QString &text)
{
    return Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
}

QString withoutMnemonic(QString text)
{
    return text.remove(QRegularExpression(u"&(?!&)"_s));
}

struct ShownText
{
    QString where;
    QString text;
};

void addMenu(QList<ShownText> *out, const QString &where, const QMenu *menu)
{
    if (!menu)
        return;
    out->append({where + u" menu title"_s, withoutMnemonic(menu->title())});
    for (const QAction *action : menu->actions()) {
        if (action->isVisible() && !action->isSeparator()) {
            out->append({where + u" menu"_s, withoutMnemonic(action->text())});
            out->append({where + u" menu tooltip"_s, action->toolTip()});
            addMenu(out, where, action->menu());
        }
    }
}

QString nameOf(const QWidget *widget)
{
    return QString::fromLatin1(widget->metaObject()->className()) + u'#' + widget->objectName();
}

// Everything a person can read in root as it is now: visible widgets' texts, placeholders, tooltips, the
// items of lists and combo boxes, tab titles and menus.
QList<ShownText> shownTexts(QWidget *root)
{
    QList<ShownText> out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisible())
            continue;
        const QString where = nameOf(widget);
        if (widget->isWindow())
            out.append({where + u" title"_s, widget->windowTitle()});
        out.append({where + u" tooltip"_s, widget->toolTip()});
        if (auto *label = qobject_cast<QLabel *>(widget))
            out.append({where, label->buddy() ? withoutMnemonic(label->text()) : plain(label->text())});
        if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            out.append({where, withoutMnemonic(button->text())});
            if (auto *tool = qobject_cast<QToolButton *>(widget))
                addMenu(&out, where, tool->menu());
            if (auto *push = qobject_cast<QPushButton *>(widget))
                addMenu(&out, where, push->menu());
        }
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            out.append({where + u" placeholder"_s, edit->placeholderText()});
        if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                out.append({where + u" item"_s, combo->itemText(i)});
        }
        if (auto *group = qobject_cast<QGroupBox *>(widget))
            out.append({where, withoutMnemonic(group->title())});
        if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                out.append({where + u" tab"_s, withoutMnemonic(tabs->tabText(i))});
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model()) {
            const QAbstractItemModel *model = view->model();
            for (int row = 0; row < model->rowCount(); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    const QModelIndex index = model->index(row, column);
                    out.append({where + u" row"_s, index.data(Qt::DisplayRole).toString()});
                    out.append({where + u" row tooltip"_s, index.data(Qt::ToolTipRole).toString()});
                }
            }
            for (int column = 0; column < model->columnCount(); ++column)
                out.append({where + u" header"_s, model->headerData(column, Qt::Horizontal).toString()});
        }
        for (const QAction *action : widget->actions())
            out.append({where + u" action"_s, withoutMnemonic(action->text())});
    }
    return out;
}

// Which visible labels and buttons are narrower than their text: Chinese text is wider per character, so
// this is where a layout that fitted English breaks.
QStringList clipped(QWidget *root)
{
    QStringList out;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->width() <= 0)
            continue;
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            const QString text = label->buddy() ? withoutMnemonic(label->text()) : plain(label->text());
            if (text.isEmpty() || label->wordWrap() || !label->pixmap().isNull())
                continue;
            int widest = 0;
            for (const QString &line : text.split(u'\n'))
                widest = std::max(widest, label->fontMetrics().horizontalAdvance(line));
            if (widest > label->contentsRect().width() + 1)
                out << u"%1 \"%2\": %3 px of text in %4 px"_s.arg(nameOf(label), text)
                           .arg(widest)
                           .arg(label->contentsRect().width());
        } else if (qobject_cast<QPushButton *>(widget) || qobject_cast<QCheckBox *>(widget) ||
                   qobject_cast<QRadioButton *>(widget)) {
            auto *button = static_cast<QAbstractButton *>(widget);
            if (button->text().isEmpty())
                continue;
            if (button->width() + 1 < button->sizeHint().width())
                out << u"%1 \"%2\": %3 px wide, needs %4"_s.arg(nameOf(button), button->text())
                           .arg(button->width())
                           .arg(button->sizeHint().width());
        }
    }
    return out;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;
    QTemporaryDir m_profile;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Theme> m_theme;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<HistoryRecorder> m_recorder;
    QStringList m_data; // what the pages and the user put in the window: titles, names, folders

    template<typename T> T *child(const QString &name) const { return m_window->findChild<T *>(name); }

    void parse(const QString &url)
    {
        auto *edit = child<QLineEdit>(u"urlEdit"_s);
        edit->clear();
        QTest::keyClicks(edit, url);
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([this] { return !m_window->isParsing(); }, 60000));
    }

    // Fails, naming the widget, for every English word and every clipped text visible in root now.
    void checkChineseAndUnclipped(QWidget *root, const char *state)
    {
        QTest::qWait(50); // posted layout requests and debounced filters settle, as they would before a look
        QStringList english;
        for (const ShownText &shown : shownTexts(root)) {
            const QStringList words = englishWords(shown.text, m_data);
            if (!words.isEmpty())
                english << u"%1: \"%2\" (%3)"_s.arg(shown.where, shown.text, words.join(u", "));
        }
        QVERIFY2(english.isEmpty(),
                 qPrintable(QString::fromLatin1(state) + u":\n  "_s + english.join(u"\n  ")));
        const QStringList cut = clipped(root);
        QVERIFY2(cut.isEmpty(), qPrintable(QString::fromLatin1(state) + u":\n  "_s + cut.join(u"\n  ")));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        installTranslations(qApp, QLocale(QLocale::Chinese, QLocale::China));
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
        QVERIFY(m_profile.isValid());
        const QString downloads = m_fixture.scratch(u"downloads"_s);
        m_settings = std::make_unique<AppSettings>(m_profile.filePath(u"settings.ini"_s));
        m_settings->setDownloadFolder(downloads);
        m_theme = std::make_unique<Theme>(ThemeMode::Light);
        m_history = std::make_unique<HistoryStore>(m_fixture.scratch(u"history"_s));
        m_window = std::make_unique<MainWindow>(m_fixture.config(), m_settings.get(), m_theme.get(),
                                                m_history.get());
        m_recorder = std::make_unique<HistoryRecorder>(m_window->queue(), m_history.get());
        m_history->loadAsync();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_data = {downloads, QDir::toNativeSeparators(downloads), m_fixture.server().baseUrl()};
    }

    void cleanupTestCase()
    {
        m_recorder.reset();
        m_window.reset();
        m_history.reset();
    }

    // The engine's words reach the window through these two functions; each is Chinese for every case.
    void everyErrorAndRejectionReadsInChinese()
    {
        const QStringList commands = {u"apt install yt-dlp"_s, u"apt install ffmpeg"_s};
        QStringList texts;
        for (int kind = int(ErrorKind::UnsupportedUrl); kind <= int(ErrorKind::Unknown); ++kind)
            texts << errorKindText(ErrorKind(kind));
        for (int rejection = int(UrlRejection::Empty); rejection <= int(UrlRejection::Malformed); ++rejection)
            texts << rejectionText(UrlRejection(rejection));
        QStringList english;
        for (const QString &text : std::as_const(texts)) {
            if (!hasChinese(text) || !englishWords(text, commands).isEmpty())
                english << text;
        }
        QVERIFY2(english.isEmpty(), qPrintable(english.join(u"\n"_s)));
    }

    void theEmptyWindow()
    {
        QVERIFY(hasChinese(child<QLineEdit>(u"urlEdit"_s)->placeholderText()));
        checkChineseAndUnclipped(m_window.get(), "empty");
    }

    void aRefusedLink()
    {
        auto *edit = child<QLineEdit>(u"urlEdit"_s);
        edit->setText(u"ftp://example.com/video.mp4"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        const QString message = child<QLabel>(u"message"_s)->text();
        QVERIFY2(hasChinese(message), qPrintable(message));
        checkChineseAndUnclipped(m_window.get(), "refused link");
    }

    void aParsedPageWithItsOptions()
    {
        parse(m_fixture.url(u"hls/master.m3u8"_s));
        QVERIFY(child<QWidget>(u"resultCard"_s)->isVisible());
        m_data << u"master"_s << u"aud-English"_s << u"en"_s; // the HLS audio group's name and language
        checkChineseAndUnclipped(m_window.get(), "parsed");

        auto *options = child<OptionsPanel>(u"optionsPanel"_s);
        options->formatsButton()->click();
        QVERIFY(options->formatsDialog());
        QVERIFY(QTest::qWaitForWindowExposed(options->formatsDialog()));
        checkChineseAndUnclipped(options->formatsDialog(), "advanced formats");
        options->formatsDialog()->reject();
    }

    void aDownloadThatFails()
    {
        m_fixture.server().setFault(u"clip.mp4"_s, LoopbackServer::Fault::NotFound);
        parse(m_fixture.url(u"page.html"_s));
        m_data << u"Gravity Test Clip"_s;
        QTest::mouseClick(child<QPushButton>(u"downloadButton"_s), Qt::LeftButton);
        QAbstractItemModel *rows = child<DownloadsView>(u"downloadList"_s)->model();
        QTRY_VERIFY_WITH_TIMEOUT(
            DownloadState(rows->index(0, 0).data(DownloadListModel::StateRole).toInt()) ==
                DownloadState::Failed,
            120000);
        const QString status = rows->index(0, 0).data(DownloadListModel::StatusTextRole).toString();
        QVERIFY2(hasChinese(status) && englishWords(status, m_data).isEmpty(), qPrintable(status));
        checkChineseAndUnclipped(m_window.get(), "failed download");
    }

    void theHistory()
    {
        QTRY_VERIFY(m_history->count() > 0);
        child<QToolButton>(u"navHistory"_s)->click();
        checkChineseAndUnclipped(m_window.get(), "history");
        QTest::keyClicks(child<QLineEdit>(u"historySearch"_s), u"zzzz"_s);
        m_data << u"zzzz"_s;
        checkChineseAndUnclipped(m_window.get(), "history with no match");
        child<QLineEdit>(u"historySearch"_s)->clear();
        child<QToolButton>(u"navDownload"_s)->click();
    }

    void everySettingsPage_data()
    {
        QTest::addColumn<SettingsDialog::Page>("page");
        QTest::newRow("downloads") << SettingsDialog::Page::Downloads;
        QTest::newRow("network") << SettingsDialog::Page::Network;
        QTest::newRow("tools") << SettingsDialog::Page::Tools;
        QTest::newRow("appearance") << SettingsDialog::Page::Appearance;
        QTest::newRow("behaviour") << SettingsDialog::Page::Behaviour;
    }

    void everySettingsPage()
    {
        QFETCH(SettingsDialog::Page, page);
        SettingsDialog dialog(m_settings.get(), m_window.get());
        dialog.showPage(page);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Sample data: the template preview's video, and the proxy settings' examples.
        m_data << u"Rick Astley - Never Gonna Give You Up"_s << u"Best of 1987"_s << u"dQw4w9WgXcQ"_s
               << u"proxy.example.com"_s << u"http_proxy"_s << u"https_proxy"_s;
        checkChineseAndUnclipped(&dialog, QTest::currentDataTag());
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
