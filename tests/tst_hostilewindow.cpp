// Hostile text through every way a link enters the window: typed, pasted (Ctrl+V), offered from the
// clipboard, dropped as a link or as text, handed over by a second launch, several at once. Nothing reaches
// yt-dlp as an option; each refusal says why in the window.

#include "appsettings.h"
#include "historystore.h"
#include "integrationfixture.h"
#include "mainwindow.h"
#include "testhelpers.h"
#include "theme.h"
#include "translations.h"
#include "urlrecognizer.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::UrlRejection)

class TestHostileWindow final : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture m_fixture;
    QTemporaryDir m_profile;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Theme> m_theme;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<MainWindow> m_window;
    QString m_downloads;
    QString m_marker; // what an --exec smuggled past Gravity would create

    template<typename T> T *child(const QString &name) const { return m_window->findChild<T *>(name); }
    QLabel *message() const { return child<QLabel>(u"message"_s); }
    // Whether a parse's result is on show (the card is made by the first parse: before it there is none).
    bool resultShown() const
    {
        const auto *card = m_window->findChild<QWidget *>(u"resultCard"_s);
        return card && card->isVisible();
    }

    // Drags mime onto the window and drops it there, as a person would; whether the window took it.
    bool drop(QMimeData *mime)
    {
        const QPoint where = m_window->rect().center();
        QDragEnterEvent enter(where, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QDropEvent event(where, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &event);
        return enter.isAccepted() || event.isAccepted();
    }

    // The window's answer to text that must be refused: the reason, no parse, nothing run.
    void verifyRefused(UrlRejection reason)
    {
        QVERIFY(message()->isVisible());
        QCOMPARE(message()->text(), rejectionText(reason));
        QCOMPARE(message()->property("role").toString(), u"error"_s);
        QVERIFY(!m_window->isParsing());
        QVERIFY(!resultShown());
        QVERIFY(processesMatching(m_marker).isEmpty());
        QVERIFY(!QFileInfo::exists(m_marker));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        installTranslations(qApp, QLocale(QLocale::English));
        QString error;
        QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
        QVERIFY(m_profile.isValid());
    }

    void init()
    {
        m_downloads = m_fixture.scratch(QString::fromLatin1(QTest::currentTestFunction()));
        m_marker = QDir(m_downloads).filePath(u"pwned"_s);
        m_settings = std::make_unique<AppSettings>(m_profile.filePath(u"settings.ini"_s));
        m_settings->setDownloadFolder(m_downloads);
        m_theme = std::make_unique<Theme>(ThemeMode::Light);
        m_history = std::make_unique<HistoryStore>(m_fixture.scratch(u"history"_s));
        m_window = std::make_unique<MainWindow>(m_fixture.config(), m_settings.get(), m_theme.get(),
                                                m_history.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_history.reset();
        QVERIFY(waitNoProcessesMatching(m_downloads, 10000));
    }

    // Ctrl+V anywhere puts the clipboard in the link field and parses it.
    void pastedTextIsRefusedWithItsReason_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<UrlRejection>("reason");
        QTest::newRow("--exec=") << u"--exec=touch PWNED"_s << UrlRejection::LooksLikeOption;
        QTest::newRow("-o/etc/passwd") << u"-o/etc/passwd"_s << UrlRejection::LooksLikeOption;
        QTest::newRow("--config-location with an argument")
            << u"--config-location /tmp/evil.conf"_s << UrlRejection::LooksLikeOption;
        QTest::newRow("a file: URL") << u"file:///etc/passwd"_s << UrlRejection::NotHttp;
        QTest::newRow("a javascript: URL") << u"javascript:alert(1)"_s << UrlRejection::NotHttp;
        QTest::newRow("a megabyte of text")
            << u"https://example.org/"_s + QString(1 << 20, u'a') << UrlRejection::TooLong;
        QTest::newRow("a NUL byte") << u"https://youtu.be/dQw4\0w9WgXcQ"_s << UrlRejection::Malformed;
        QTest::newRow("a right-to-left override")
            << u"https://example.org/\u202egpj.exe"_s << UrlRejection::Malformed;
        QTest::newRow("invalid UTF-8, decoded as the clipboard does")
            << QString::fromUtf8("https://example.org/\xff\xfe") << UrlRejection::Malformed;
    }

    void pastedTextIsRefusedWithItsReason()
    {
        QFETCH(QString, text);
        QFETCH(UrlRejection, reason);
        text.replace(u"PWNED"_s, m_marker);
        QGuiApplication::clipboard()->setText(text);
        QTest::mouseClick(child<QPushButton>(u"pasteButton"_s), Qt::LeftButton);
        verifyRefused(reason);
    }

    // Dropped text is searched for links: an option is never one, so a drop of only options is not taken.
    void aDroppedTextOfOnlyOptionsIsNotTaken()
    {
        QMimeData mime;
        mime.setText(u"--exec=touch "_s + m_marker + u" -o/etc/passwd --config-location x"_s);
        QVERIFY(!drop(&mime));
        QVERIFY(!m_window->isParsing());
        QVERIFY(!resultShown());
        QVERIFY(!QFileInfo::exists(m_marker));
    }

    // A browser drags links as text/uri-list, taken as they are: an option-looking one is refused in words.
    void aDroppedOptionLinkIsRefused()
    {
        QMimeData mime;
        mime.setUrls({QUrl(u"--exec=touch "_s + m_marker)});
        QVERIFY(drop(&mime));
        verifyRefused(UrlRejection::LooksLikeOption);
    }

    // A dropped link that is not a web address is refused with its reason.
    void aDroppedLinkThatIsNotAWebAddressIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<UrlRejection>("reason");
        QTest::newRow("an ftp link") << u"see ftp://example.org/v.mp4"_s << UrlRejection::NotHttp;
        QTest::newRow("a javascript: link") << u"javascript:alert(1)"_s << UrlRejection::NotHttp;
        QTest::newRow("a right-to-left override in a link")
            << u"https://example.org/\u202egpj.exe"_s << UrlRejection::Malformed;
    }

    void aDroppedLinkThatIsNotAWebAddressIsRefused()
    {
        QFETCH(QString, text);
        QFETCH(UrlRejection, reason);
        QMimeData mime;
        mime.setText(text);
        QVERIFY(drop(&mime));
        verifyRefused(reason);
    }

    // The clipboard offer only ever offers a web link.
    void aCopiedOptionIsNeverOffered()
    {
        m_settings->setOfferClipboardUrls(true);
        QGuiApplication::clipboard()->setText(u"--exec=touch "_s + m_marker);
        QEvent activation(QEvent::ActivationChange);
        QApplication::sendEvent(m_window.get(), &activation);
        QVERIFY(!child<QWidget>(u"clipboardOfferButton"_s)->isVisible());
        QVERIFY(!m_window->isParsing());
    }

    // What a second launch forwards (gravity-downloader URL… while one is open) goes through parseUrls.
    void optionsHandedOverBySecondLaunchAreRefused()
    {
        m_window->parseUrls({u"--exec=touch "_s + m_marker});
        verifyRefused(UrlRejection::LooksLikeOption);
    }

    // Several links at once (a drop or a second launch with many) become a list to tick; the refused ones
    // are counted with the first one's reason.
    void aBatchWithOptionsListsOnlyTheLinks()
    {
        const QStringList batch{m_fixture.url(u"clip1.mp4"_s), u"--exec=touch "_s + m_marker,
                                m_fixture.url(u"clip2.mp4"_s), u"-o/etc/passwd"_s};
        m_window->parseUrls(batch);
        QVERIFY(resultShown());
        QCOMPARE(message()->text(), MainWindow::tr("%n link(s) could not be used: %1", nullptr, 2)
                                        .arg(rejectionText(UrlRejection::LooksLikeOption)));
        QVERIFY(!QFileInfo::exists(m_marker));
    }
};

QTEST_MAIN(TestHostileWindow)
#include "tst_hostilewindow.moc"
